import type { Random } from '../core/random.ts';
import type { CatalogItem } from './catalog.ts';
import { libraryItemSize } from './item-json.ts';
import { compareNoCase } from './names.ts';
import type { ProgressRow } from './state.ts';

/**
 * `GET /api/libraries/:id/items` filtering and sorting (libraryFilters + libraryItemsBookFilters):
 * `filter=<group>.<base64 value>` or a bare group; sort keys as the server names them.
 */

const FILTER_GROUPS = [
  'genres',
  'tags',
  'series',
  'authors',
  'progress',
  'narrators',
  'publishers',
  'publishedDecades',
  'missing',
  'languages',
  'tracks',
  'ebooks',
];

export interface ParsedFilter {
  group: string | null;
  value: string | null;
}

/** libraryFilters.decode: URI-decode, then base64-decode. */
function decode(text: string): string {
  let uriDecoded = text;
  try {
    uriDecoded = decodeURIComponent(text);
  } catch {
    // Express would fail the request; keep the raw text instead.
  }
  return Buffer.from(uriDecoded, 'base64').toString('utf8');
}

export function parseFilter(filterBy: string | null): ParsedFilter {
  if (!filterBy) return { group: null, value: null };
  const group = FILTER_GROUPS.find((name) => filterBy.startsWith(`${name}.`));
  if (!group) return { group: filterBy, value: null };
  return { group, value: decode(filterBy.replace(`${group}.`, '')) };
}

export interface QueryContext {
  /** The requesting user's progress rows by media item id (book id). */
  progress: ReadonlyMap<string, ProgressRow>;
  now: number;
  /** The library's media type: podcast libraries have their own filters and sort keys. */
  mediaType: 'book' | 'podcast';
  /**
   * With `collapseseries=1` a title sort orders by `display_title`: the collapsed series' name for
   * the book standing for it, the title for the rest.
   */
  displayTitle?: (entry: CatalogItem) => string;
}

function num(value: unknown): number {
  return Number(value);
}

function progressMatches(value: string | null, entry: CatalogItem, row: ProgressRow | undefined): boolean {
  const finished = row?.isFinished === true;
  const currentTime = row ? num(row.currentTime) : 0;
  const ebookProgress = row ? num(row.ebookProgress) : 0;
  const noAudio = entry.item.numAudioFiles === 0;
  switch (value) {
    case 'not-finished':
      return !finished;
    case 'not-started':
      // `currentTime IN (NULL, 0)`: ebook progress is not looked at, so an ebook being read counts too.
      return (row === undefined || row.currentTime === null || currentTime === 0) && !finished;
    case 'finished':
      return finished;
    case 'in-progress':
      return row !== undefined && (currentTime > 0 || ebookProgress > 0) && !finished;
    case 'audio-in-progress':
      return row !== undefined && currentTime > 0 && !finished;
    case 'ebook-in-progress':
      return noAudio && row !== undefined && ebookProgress > 0 && !finished;
    case 'ebook-finished':
      return noAudio && finished && entry.item.ebookFormat !== null;
    default:
      return true;
  }
}

function isBlank(value: string | null): boolean {
  return value === null || value === '';
}

function missingMatches(value: string | null, entry: CatalogItem): boolean {
  const { item } = entry;
  switch (value) {
    case 'asin':
      return isBlank(item.asin);
    case 'isbn':
      return isBlank(item.isbn);
    case 'subtitle':
      return isBlank(item.subtitle);
    case 'publishedYear':
      return isBlank(item.publishedYear);
    case 'description':
      return isBlank(item.description);
    case 'publisher':
      return isBlank(item.publisher);
    case 'language':
      return isBlank(item.language);
    case 'cover':
      return entry.files().coverPath === null;
    case 'genres':
      return item.genres.length === 0;
    case 'tags':
      return item.tags.length === 0;
    case 'narrators':
      return item.narrators.length === 0;
    case 'chapters':
      return entry.files().chapters.length === 0;
    case 'authors':
      return item.authors.length === 0;
    case 'series':
      return item.series.length === 0;
    default:
      return true;
  }
}

/** The groups libraryItemsPodcastFilters looks at; any other filters nothing in a podcast library. */
const PODCAST_FILTER_GROUPS = ['genres', 'tags', 'languages', 'explicit', 'issues', 'feed-open', 'recent'];

/** Whether an item passes the filter; an unknown group filters nothing. */
export function matchesFilter(filter: ParsedFilter, entry: CatalogItem, ctx: QueryContext): boolean {
  const { item } = entry;
  const { group, value } = filter;
  if (group === null) return true;
  if (item.mediaType === 'podcast' && !PODCAST_FILTER_GROUPS.includes(group)) return true;
  switch (group) {
    case 'progress':
      return progressMatches(value, entry, ctx.progress.get(item.mediaId));
    case 'genres':
      return value !== null && item.genres.includes(value);
    case 'tags':
      return value !== null && item.tags.includes(value);
    case 'narrators':
      return value !== null && item.narrators.includes(value);
    case 'series':
      return value === 'no-series' ? item.series.length === 0 : item.series.some((s) => s.id === value);
    case 'authors':
      return item.authors.some((a) => a.id === value);
    case 'publishers':
      return item.publisher === value;
    case 'languages':
      return item.language === value;
    case 'publishedDecades': {
      const start = Number.parseInt(value ?? '', 10);
      const year = Number.parseInt(item.publishedYear ?? '', 10);
      return !Number.isNaN(year) && year >= start && year <= start + 9;
    }
    case 'missing':
      return missingMatches(value, entry);
    case 'tracks':
      if (value === 'none') return item.numAudioFiles === 0;
      if (value === 'multi') return item.numAudioFiles > 1;
      return item.numAudioFiles === 1;
    case 'ebooks':
      if (value === 'ebook') return item.ebookFormat !== null;
      if (value === 'no-ebook') return item.ebookFormat === null;
      if (value === 'supplementary') return item.ebookFormat !== null && item.numAudioFiles > 0;
      if (value === 'no-supplementary') return !(item.ebookFormat !== null && item.numAudioFiles > 0);
      return true;
    case 'abridged':
      return item.abridged;
    case 'explicit':
      return item.explicit;
    case 'issues':
    case 'feed-open':
    case 'share-open':
      return false;
    case 'recent':
      return item.addedAt >= ctx.now - 60 * 24 * 60 * 60 * 1000;
    default:
      return true;
  }
}

type Key = number | string | null;
type Direction = 1 | -1;
interface SortPart {
  key: (entry: CatalogItem) => Key;
  text?: boolean;
  /** `NULLS FIRST` / `NULLS LAST`; without it SQLite puts NULL first ascending and last descending. */
  nulls?: 'first' | 'last';
}

function compareKeys(a: Key, b: Key, part: SortPart, dir: Direction): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const placement = part.nulls ?? (dir === 1 ? 'first' : 'last');
    const nullVsValue = placement === 'first' ? -1 : 1;
    return a === null ? nullVsValue : -nullVsValue;
  }
  const c = part.text ? compareNoCase(String(a), String(b)) : Number(a) - Number(b);
  return c * dir;
}

/** SQLite `CAST(x AS INTEGER)`: the leading integer of the text, 0 when there is none. */
function castInteger(text: string | null): number | null {
  if (text === null) return null;
  const m = /^\s*[-+]?\d+/.exec(text);
  return m ? Number.parseInt(m[0], 10) : 0;
}

/** SQLite `CAST(x AS FLOAT)`: the leading number of the text, 0 when there is none. */
export function castFloat(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)/.exec(text);
  return m ? Number.parseFloat(m[0]) : 0;
}

const TITLE: SortPart = { key: (e) => e.item.title, text: true };

/** libraryItemsPodcastFilters.getOrder: any other key leaves the order to the database. */
function podcastSortParts(sortBy: string | null, desc: boolean): SortPart[] {
  switch (sortBy) {
    case 'addedAt':
    case 'size':
    case 'birthtimeMs':
    case 'mtimeMs':
      return bookSortParts(sortBy, desc, undefined, null);
    case 'media.metadata.author':
      // `author COLLATE NOCASE ASC NULLS LAST` / `DESC NULLS FIRST`
      return [{ key: (e) => e.item.authors[0]?.name ?? null, text: true, nulls: desc ? 'first' : 'last' }];
    case 'media.metadata.title':
      return [TITLE];
    case 'media.numTracks':
      return [{ key: (e) => e.item.episodes.length }];
    default:
      return [];
  }
}

/** libraryItemsBookFilters.getOrder. */
function bookSortParts(
  sortBy: string | null,
  desc: boolean,
  ctx: QueryContext | undefined,
  seriesId: string | null,
): SortPart[] {
  const row = (e: CatalogItem) => ctx?.progress.get(e.item.mediaId);
  const sequence = (e: CatalogItem) => castFloat(e.item.series.find((s) => s.id === seriesId)?.sequence);
  switch (sortBy) {
    case 'addedAt':
      return [{ key: (e) => e.item.addedAt }];
    case 'size':
      return [{ key: libraryItemSize }];
    case 'birthtimeMs':
      return [{ key: (e) => e.files().birthtimeMs }];
    case 'mtimeMs':
      return [{ key: (e) => e.files().mtimeMs }];
    case 'media.duration':
      return [{ key: (e) => e.item.duration }];
    case 'media.metadata.publishedYear':
      return [{ key: (e) => castInteger(e.item.publishedYear) }];
    case 'media.metadata.authorNameLF':
      return [{ key: (e) => e.authorNamesLastFirst, text: true }, TITLE];
    case 'media.metadata.authorName':
      return [{ key: (e) => e.authorNamesFirstLast, text: true }, TITLE];
    case 'media.metadata.title':
      return [ctx?.displayTitle ? { key: ctx.displayTitle, text: true } : TITLE];
    case 'sequence':
      // `ASC NULLS LAST` / `DESC NULLS FIRST`
      return [{ key: sequence, nulls: desc ? 'first' : 'last' }];
    case 'progress':
      return [{ key: (e) => row(e)?.lastUpdate ?? null, nulls: 'last' }];
    case 'progress.createdAt':
      return [{ key: (e) => row(e)?.startedAt ?? null, nulls: 'last' }];
    case 'progress.finishedAt':
      return [{ key: (e) => row(e)?.finishedAt ?? null, nulls: 'last' }];
    default:
      return [];
  }
}

/** Sorts a filtered list; ties and unknown keys keep the library's own order. */
export function sortItems(
  entries: readonly CatalogItem[],
  sortBy: string | null,
  desc: boolean,
  filter: ParsedFilter,
  ctx: QueryContext,
  random: Random,
): CatalogItem[] {
  const seriesId = filter.group === 'series' ? filter.value : null;
  const bookSequenceWithoutSeries =
    ctx.mediaType === 'book' && sortBy === 'sequence' && filter.group !== 'series';
  const effectiveSort = bookSequenceWithoutSeries ? 'media.metadata.title' : sortBy;
  if (effectiveSort === 'random') return random.shuffle(entries);
  const parts =
    ctx.mediaType === 'podcast'
      ? podcastSortParts(effectiveSort, desc)
      : bookSortParts(effectiveSort, desc, ctx, seriesId);
  const dirs: Direction[] = parts.map(() => (desc ? -1 : 1));
  if (seriesId && effectiveSort !== 'sequence') {
    parts.push({
      key: (e) => castFloat(e.item.series.find((s) => s.id === seriesId)?.sequence),
      nulls: 'last',
    });
    dirs.push(1);
  }
  if (parts.length === 0) return [...entries];
  return entries
    .map((entry, index) => ({ entry, index, keys: parts.map((part) => part.key(entry)) }))
    .sort((a, b) => {
      for (let i = 0; i < parts.length; i++) {
        const c = compareKeys(a.keys[i] ?? null, b.keys[i] ?? null, parts[i] as SortPart, dirs[i] ?? 1);
        if (c !== 0) return c;
      }
      return a.index - b.index;
    })
    .map(({ entry }) => entry);
}
