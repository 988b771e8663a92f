import type { AbsEpisode, AbsItem, AbsLibrary } from '../books/world.ts';
import { Random } from '../core/random.ts';

/**
 * The file-level details of a library item (paths, inodes, audio files, chapters, the ebook file), made
 * up deterministically from the item so the world does not have to carry them.
 */

export interface FileMetadata {
  filename: string;
  ext: string;
  path: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}

export interface AudioFileJson {
  index: number;
  ino: string;
  metadata: FileMetadata;
  addedAt: number;
  updatedAt: number;
  trackNumFromMeta: number | null;
  discNumFromMeta: number | null;
  trackNumFromFilename: number | null;
  discNumFromFilename: number | null;
  manuallyVerified: boolean;
  exclude: boolean;
  error: string | null;
  format: string;
  duration: number;
  bitRate: number;
  language: string | null;
  codec: string;
  timeBase: string;
  channels: number;
  channelLayout: string;
  chapters: ChapterJson[];
  embeddedCoverArt: string | null;
  metaTags: Record<string, string>;
  mimeType: string;
}

export interface ChapterJson {
  id: number;
  start: number;
  end: number;
  title: string;
}

export interface EbookFileJson {
  ino: string;
  metadata: FileMetadata;
  ebookFormat: string;
  addedAt: number;
  updatedAt: number;
}

export interface LibraryFileJson {
  ino: string;
  metadata: FileMetadata;
  isSupplementary: boolean | null;
  addedAt: number;
  updatedAt: number;
  fileType: string;
}

export interface ItemFiles {
  ino: string;
  folderId: string;
  path: string;
  relPath: string;
  isFile: boolean;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
  lastScan: number;
  coverPath: string | null;
  audioFiles: AudioFileJson[];
  chapters: ChapterJson[];
  ebookFile: EbookFileJson | null;
  libraryFiles: LibraryFileJson[];
  /** Podcast items: each episode's audio file, by episode id. */
  episodeAudio: Map<string, AudioFileJson>;
}

const EBOOK_MIME: Record<string, string> = {
  epub: 'epub',
  pdf: 'pdf',
  mobi: 'mobi',
  azw3: 'azw3',
  cbz: 'comic',
};

function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Characters a file system would refuse, as ABS' folder scanner would never see them. */
function safeName(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '').trim() || 'Unknown';
}

export function libraryFolderId(library: AbsLibrary): string {
  const random = new Random(hashSeed(`folder:${library.id}`));
  return random.uuid();
}

class InodeSource {
  private next: number;

  constructor(random: Random) {
    this.next = random.int(1_000_000, 90_000_000) * 1000;
  }

  take(): string {
    this.next += 1 + (this.next % 7);
    return String(this.next);
  }
}

function fileMetadata(
  folder: string,
  relDir: string,
  filename: string,
  size: number,
  times: { mtimeMs: number; birthtimeMs: number },
): FileMetadata {
  const dot = filename.lastIndexOf('.');
  return {
    filename,
    ext: dot >= 0 ? filename.slice(dot) : '',
    path: `${folder}/${relDir}/${filename}`,
    relPath: filename,
    size,
    mtimeMs: times.mtimeMs,
    ctimeMs: times.mtimeMs,
    birthtimeMs: times.birthtimeMs,
  };
}

function audioFile(
  index: number,
  ino: string,
  metadata: FileMetadata,
  duration: number,
  item: AbsItem,
  tagTitle: string,
): AudioFileJson {
  const m4b = metadata.ext === '.m4b';
  return {
    index,
    ino,
    metadata,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    trackNumFromMeta: index,
    discNumFromMeta: null,
    trackNumFromFilename: index,
    discNumFromFilename: null,
    manuallyVerified: false,
    exclude: false,
    error: null,
    format: m4b ? 'QuickTime / MOV' : 'MP2/3 (MPEG audio layer 2/3)',
    duration,
    bitRate: m4b ? 64000 : 128000,
    language: null,
    codec: m4b ? 'aac' : 'mp3',
    timeBase: m4b ? '1/44100' : '1/14112000',
    channels: 2,
    channelLayout: 'stereo',
    chapters: [],
    embeddedCoverArt: m4b ? 'mjpeg' : null,
    metaTags: {
      tagAlbum: item.title,
      tagArtist: item.authors.map((author) => author.name).join(', ') || 'Unknown',
      tagTitle,
      tagGenre: item.mediaType === 'podcast' ? 'Podcast' : 'Audiobook',
    },
    mimeType: m4b ? 'audio/mp4' : 'audio/mpeg',
  };
}

function splitEvenly(total: number, parts: number, random: Random): number[] {
  if (parts <= 0) return [];
  const weights = Array.from({ length: parts }, () => 0.6 + random.next() * 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => (total * weight) / sum);
}

function bookChapters(durations: readonly number[], single: boolean, random: Random): ChapterJson[] {
  const total = durations.reduce((a, b) => a + b, 0);
  const chapters: ChapterJson[] = [];
  if (single) {
    const count = Math.max(1, Math.round(total / random.int(1500, 3600)));
    const lengths = splitEvenly(total, count, random);
    let start = 0;
    lengths.forEach((length, id) => {
      const end = id === count - 1 ? total : start + length;
      chapters.push({ id, start: round3(start), end: round3(end), title: `Chapter ${id + 1}` });
      start = end;
    });
    return chapters;
  }
  let start = 0;
  durations.forEach((length, id) => {
    chapters.push({ id, start: round3(start), end: round3(start + length), title: `Part ${pad(id + 1)}` });
    start += length;
  });
  return chapters;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function buildItemFiles(item: AbsItem, library: AbsLibrary): ItemFiles {
  const random = new Random(hashSeed(`files:${item.id}`));
  const inodes = new InodeSource(random);
  const author = safeName(item.authors[0]?.name ?? 'Unknown Author');
  const series = item.series[0];
  const title = safeName(item.title);
  const relPath =
    item.mediaType === 'podcast'
      ? title
      : series
        ? `${author}/${safeName(series.name)}/${title}`
        : `${author}/${title}`;
  const folder = library.folderPath;
  const birthtimeMs = item.addedAt - random.int(1_000, 86_400_000);
  const mtimeMs = Math.max(birthtimeMs, item.updatedAt - random.int(1_000, 3_600_000));
  const times = { mtimeMs, birthtimeMs };
  const hasCover = random.chance(0.85);
  const coverPath = hasCover ? `${folder}/${relPath}/cover.jpg` : null;
  const coverSize = hasCover ? random.int(40_000, 900_000) : 0;

  const ebookSize = item.ebookFormat
    ? random.int(300_000, Math.max(400_000, Math.min(item.size, 40_000_000)))
    : 0;
  const audioSize = Math.max(0, item.size - ebookSize);
  const audioFiles: AudioFileJson[] = [];
  const episodeAudio = new Map<string, AudioFileJson>();
  let chapters: ChapterJson[] = [];

  if (item.mediaType === 'podcast') {
    const sizes = splitEvenly(audioSize, item.episodes.length, random);
    item.episodes.forEach((episode: AbsEpisode, i) => {
      const filename = `${safeName(episode.title)}.mp3`;
      const meta = fileMetadata(folder, relPath, filename, Math.round(sizes[i] ?? 0), times);
      episodeAudio.set(episode.id, audioFile(1, inodes.take(), meta, episode.duration, item, episode.title));
    });
  } else if (item.numAudioFiles > 0) {
    const single = item.numAudioFiles === 1;
    const durations = splitEvenly(item.duration, item.numAudioFiles, random);
    const sizes = splitEvenly(audioSize, item.numAudioFiles, random);
    durations.forEach((duration, i) => {
      const filename = single ? `${title}.m4b` : `${title} - Part ${pad(i + 1)}.mp3`;
      const meta = fileMetadata(folder, relPath, filename, Math.round(sizes[i] ?? 0), times);
      audioFiles.push(
        audioFile(i + 1, inodes.take(), meta, round3(duration), item, single ? title : `Part ${pad(i + 1)}`),
      );
    });
    chapters = bookChapters(
      audioFiles.map((file) => file.duration),
      single,
      random,
    );
  }

  const ebookFile: EbookFileJson | null = item.ebookFormat
    ? {
        ino: inodes.take(),
        metadata: fileMetadata(folder, relPath, `${title}.${item.ebookFormat}`, ebookSize, times),
        ebookFormat: EBOOK_MIME[item.ebookFormat] ?? item.ebookFormat,
        addedAt: item.addedAt,
        updatedAt: item.updatedAt,
      }
    : null;

  const libraryFiles: LibraryFileJson[] = [];
  const audioForLibrary = item.mediaType === 'podcast' ? [...episodeAudio.values()] : audioFiles;
  for (const file of audioForLibrary) {
    libraryFiles.push({
      ino: file.ino,
      metadata: file.metadata,
      isSupplementary: null,
      addedAt: item.addedAt,
      updatedAt: item.updatedAt,
      fileType: 'audio',
    });
  }
  if (ebookFile) {
    libraryFiles.push({
      ino: ebookFile.ino,
      metadata: ebookFile.metadata,
      isSupplementary: audioFiles.length > 0,
      addedAt: item.addedAt,
      updatedAt: item.updatedAt,
      fileType: 'ebook',
    });
  }
  if (hasCover) {
    libraryFiles.push({
      ino: inodes.take(),
      metadata: fileMetadata(folder, relPath, 'cover.jpg', coverSize, times),
      isSupplementary: null,
      addedAt: item.addedAt,
      updatedAt: item.updatedAt,
      fileType: 'image',
    });
  }

  return {
    ino: inodes.take(),
    folderId: libraryFolderId(library),
    path: `${folder}/${relPath}`,
    relPath,
    isFile: false,
    mtimeMs,
    ctimeMs: mtimeMs,
    birthtimeMs,
    lastScan: item.updatedAt,
    coverPath,
    audioFiles,
    chapters,
    ebookFile,
    libraryFiles,
    episodeAudio,
  };
}
