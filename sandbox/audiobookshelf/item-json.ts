import type { AbsEpisode, AbsItem } from '../books/world.ts';
import type { CatalogItem } from './catalog.ts';
import type { AudioFileJson, ItemFiles } from './item-files.ts';
import { stripAllTags, titlePrefixAtEnd } from './names.ts';

/**
 * The three library-item shapes of Audiobookshelf v2.36 (LibraryItem/Book/Podcast models):
 * minified (lists; metadata has authorName but no authors[]), old (`GET /api/items/:id`; authors[] and
 * series[] but no authorName) and expanded (a superset of minified with files, tracks, authors...).
 */

type Json = Record<string, unknown>;

const SCAN_VERSION = '2.36.0';

function seriesName(item: AbsItem): string {
  return item.series.map((s) => (s.sequence ? `${s.name} #${s.sequence}` : s.name)).join(', ');
}

/** The metadata keys every book shape ends with, in the server's order. */
function sharedMetadata(item: AbsItem): Json {
  return {
    genres: [...item.genres],
    publishedYear: item.publishedYear,
    publishedDate: null,
    publisher: item.publisher,
    description: item.description,
    isbn: item.isbn,
    asin: item.asin,
    language: item.language,
    explicit: item.explicit,
    abridged: item.abridged,
  };
}

function bookMetadataMinified(entry: CatalogItem): Json {
  const { item } = entry;
  return {
    title: item.title,
    titleIgnorePrefix: titlePrefixAtEnd(item.title),
    subtitle: item.subtitle,
    authorName: entry.authorNamesFirstLast,
    authorNameLF: entry.authorNamesLastFirst,
    narratorName: item.narrators.join(', '),
    seriesName: seriesName(item),
    ...sharedMetadata(item),
  };
}

function bookMetadataOld(item: AbsItem): Json {
  return {
    title: item.title,
    subtitle: item.subtitle,
    authors: item.authors.map((a) => ({ id: a.id, name: a.name })),
    narrators: [...item.narrators],
    series: item.series.map((s) => ({ id: s.id, name: s.name, sequence: s.sequence })),
    ...sharedMetadata(item),
  };
}

function bookMetadataExpanded(entry: CatalogItem): Json {
  const { item } = entry;
  return {
    ...bookMetadataOld(item),
    titleIgnorePrefix: titlePrefixAtEnd(item.title),
    authorName: entry.authorNamesFirstLast,
    authorNameLF: entry.authorNamesLastFirst,
    narratorName: item.narrators.join(', '),
    seriesName: seriesName(item),
    descriptionPlain: item.description ? stripAllTags(item.description) : null,
  };
}

function mediaSize(files: ItemFiles): number {
  const audio = files.audioFiles.reduce((sum, file) => sum + file.metadata.size, 0);
  return audio + (files.ebookFile?.metadata.size ?? 0);
}

function bookMinified(entry: CatalogItem): Json {
  const { item } = entry;
  const files = entry.files();
  return {
    id: item.mediaId,
    metadata: bookMetadataMinified(entry),
    coverPath: files.coverPath,
    tags: [...item.tags],
    numTracks: files.audioFiles.length,
    numAudioFiles: files.audioFiles.length,
    numChapters: files.chapters.length,
    duration: item.duration,
    size: mediaSize(files),
    // `ebookFile?.ebookFormat`: undefined for an audiobook, so JSON leaves the key out (never null).
    ...(files.ebookFile ? { ebookFormat: files.ebookFile.ebookFormat } : {}),
  };
}

function tracks(itemId: string, audioFiles: readonly AudioFileJson[]): Json[] {
  let startOffset = 0;
  return audioFiles.map((file) => {
    const track = {
      ...structuredClone(file),
      title: file.metadata.filename,
      startOffset,
      contentUrl: `/api/items/${itemId}/file/${file.ino}`,
    };
    startOffset += file.duration;
    return track;
  });
}

function podcastMetadata(item: AbsItem): Json {
  return {
    title: item.title,
    author: item.authors[0]?.name ?? null,
    description: item.description,
    releaseDate: item.publishedYear ? `${item.publishedYear}-01-01T00:00:00Z` : null,
    genres: [...item.genres],
    feedUrl: `https://feeds.example.org/${item.mediaId.slice(0, 8)}.xml`,
    imageUrl: null,
    itunesPageUrl: null,
    itunesId: null,
    itunesArtistId: null,
    explicit: item.explicit,
    language: item.language,
    type: 'episodic',
  };
}

function podcastMinified(entry: CatalogItem): Json {
  const { item } = entry;
  const files = entry.files();
  return {
    id: item.mediaId,
    metadata: { ...podcastMetadata(item), titleIgnorePrefix: titlePrefixAtEnd(item.title) },
    coverPath: files.coverPath,
    tags: [...item.tags],
    numEpisodes: item.episodes.length,
    autoDownloadEpisodes: false,
    autoDownloadSchedule: '0 * * * *',
    lastEpisodeCheck: item.updatedAt,
    maxEpisodesToKeep: 0,
    maxNewEpisodesToDownload: 3,
    size: [...files.episodeAudio.values()].reduce((sum, file) => sum + file.metadata.size, 0),
  };
}

/** PodcastEpisode.toOldJSON. */
export function episodeJson(entry: CatalogItem, episode: AbsEpisode, index: number): Json {
  const audio = entry.files().episodeAudio.get(episode.id) ?? null;
  return {
    libraryItemId: entry.item.id,
    podcastId: entry.item.mediaId,
    id: episode.id,
    oldEpisodeId: null,
    index: index + 1,
    season: '',
    episode: String(index + 1),
    episodeType: 'full',
    title: episode.title,
    subtitle: '',
    description: `<p>${episode.title}</p>`,
    enclosure: audio
      ? {
          url: `https://cdn.example.org/${episode.id}.mp3`,
          type: 'audio/mpeg',
          length: String(audio.metadata.size),
        }
      : null,
    guid: episode.id,
    pubDate: new Date(episode.publishedAt).toUTCString(),
    chapters: [],
    audioFile: audio ? structuredClone(audio) : null,
    publishedAt: episode.publishedAt,
    addedAt: entry.item.addedAt,
    updatedAt: entry.item.updatedAt,
  };
}

export function episodeExpanded(entry: CatalogItem, episode: AbsEpisode, index: number): Json {
  const audio = entry.files().episodeAudio.get(episode.id);
  const audioTrack = audio
    ? {
        ...structuredClone(audio),
        startOffset: 0,
        title: audio.metadata.filename,
        index: 1,
        contentUrl: `/api/items/${entry.item.id}/file/${audio.ino}`,
      }
    : null;
  return {
    ...episodeJson(entry, episode, index),
    audioTrack,
    size: audio?.metadata.size ?? 0,
    duration: audio?.duration ?? 0,
  };
}

function itemBase(entry: CatalogItem): Json {
  const { item } = entry;
  const files = entry.files();
  return {
    id: item.id,
    ino: files.ino,
    oldLibraryItemId: null,
    libraryId: item.libraryId,
    folderId: files.folderId,
    path: files.path,
    relPath: files.relPath,
    isFile: files.isFile,
    mtimeMs: files.mtimeMs,
    ctimeMs: files.ctimeMs,
    birthtimeMs: files.birthtimeMs,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
  };
}

function itemSize(files: ItemFiles): number {
  return files.libraryFiles.reduce((sum, file) => sum + file.metadata.size, 0);
}

/** libraryItems.size: every file of the item, as the item's `size` reports and `sort=size` orders. */
export function libraryItemSize(entry: CatalogItem): number {
  return itemSize(entry.files());
}

/** LibraryItem.toOldJSONMinified: list endpoints. */
export function itemMinified(entry: CatalogItem): Json {
  const files = entry.files();
  return {
    ...itemBase(entry),
    isMissing: false,
    isInvalid: false,
    mediaType: entry.item.mediaType,
    media: entry.item.mediaType === 'podcast' ? podcastMinified(entry) : bookMinified(entry),
    numFiles: files.libraryFiles.length,
    size: itemSize(files),
  };
}

/** LibraryItem.toOldJSON: `GET /api/items/:id` without `expanded`. */
export function itemOld(entry: CatalogItem): Json {
  const { item } = entry;
  const files = entry.files();
  const media =
    item.mediaType === 'podcast'
      ? {
          id: item.mediaId,
          libraryItemId: item.id,
          metadata: podcastMetadata(item),
          coverPath: files.coverPath,
          tags: [...item.tags],
          episodes: item.episodes.map((episode, i) => episodeJson(entry, episode, i)),
          autoDownloadEpisodes: false,
          autoDownloadSchedule: '0 * * * *',
          lastEpisodeCheck: item.updatedAt,
          maxEpisodesToKeep: 0,
          maxNewEpisodesToDownload: 3,
        }
      : {
          id: item.mediaId,
          libraryItemId: item.id,
          metadata: bookMetadataOld(item),
          coverPath: files.coverPath,
          tags: [...item.tags],
          audioFiles: structuredClone(files.audioFiles),
          chapters: structuredClone(files.chapters),
          ebookFile: structuredClone(files.ebookFile),
        };
  return {
    ...itemBase(entry),
    lastScan: files.lastScan,
    scanVersion: SCAN_VERSION,
    isMissing: false,
    isInvalid: false,
    mediaType: item.mediaType,
    media,
    libraryFiles: structuredClone(files.libraryFiles),
  };
}

/** LibraryItem.toOldJSONExpanded: `?expanded=1` and the batch endpoint; a superset of minified. */
export function itemExpanded(entry: CatalogItem): Json {
  const { item } = entry;
  const files = entry.files();
  const media =
    item.mediaType === 'podcast'
      ? {
          ...podcastMinified(entry),
          libraryItemId: item.id,
          episodes: item.episodes.map((episode, i) => episodeExpanded(entry, episode, i)),
        }
      : {
          ...bookMinified(entry),
          libraryItemId: item.id,
          metadata: bookMetadataExpanded(entry),
          audioFiles: structuredClone(files.audioFiles),
          chapters: structuredClone(files.chapters),
          ebookFile: structuredClone(files.ebookFile),
          tracks: tracks(item.id, files.audioFiles),
        };
  return {
    ...itemMinified(entry),
    lastScan: files.lastScan,
    scanVersion: SCAN_VERSION,
    media,
    libraryFiles: structuredClone(files.libraryFiles),
  };
}
