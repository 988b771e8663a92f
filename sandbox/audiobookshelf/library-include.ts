import type { AbsLibrary } from '../books/world.ts';
import type { AbsCatalog, CatalogItem } from './catalog.ts';
import { libraryItemSize } from './item-json.ts';

/**
 * What the library routes add on request: `GET /api/libraries?include=stats` gives each library its
 * totals (LibraryController.findAll with getBookLibraryStats / getPodcastLibraryStats),
 * `GET /api/libraries/:id?include=filterdata` the values its filter menus offer
 * (libraryFilters.getFilterData), and `GET /api/libraries/:id/stats` the stats page. All of them count
 * every item in the library, whoever asks.
 */

type Json = Record<string, unknown>;

/** fast-sort with `Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })`. */
const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** `SUM(...) ... COUNT(*)` over the library's items, 0 where SQL gives NULL. */
export function libraryStats(catalog: AbsCatalog, library: AbsLibrary): Json {
  const entries = catalog.itemsIn(library.id);
  const totalSize = sum(entries.map(libraryItemSize));
  if (library.mediaType === 'podcast') {
    const episodes = entries.flatMap((entry) => [...entry.files().episodeAudio.values()]);
    return {
      totalDuration: sum(episodes.map((audio) => audio.duration)),
      numAudioFiles: sum(entries.map((entry) => entry.item.episodes.length)),
      totalItems: entries.length,
      totalSize,
    };
  }
  return {
    totalSize,
    totalDuration: sum(entries.map((entry) => entry.item.duration)),
    numAudioFiles: sum(entries.map((entry) => entry.files().audioFiles.length)),
    totalItems: entries.length,
  };
}

function distinctSorted(values: Iterable<string | null>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value) set.add(value);
  return [...set].sort(naturalOrder);
}

/** A decade such as "1990" for a published year in 1..2999, as the filter menu groups them. */
function decade(publishedYear: string | null): string | null {
  const year = Number(publishedYear);
  if (!publishedYear || Number.isNaN(year) || year <= 0 || year >= 3000) return null;
  return String(Math.floor(year / 10) * 10);
}

/** libraryFilters.getFilterData, freshly loaded at `now` (ms). */
export function libraryFilterData(catalog: AbsCatalog, library: AbsLibrary, now: number): Json {
  const items = catalog.itemsIn(library.id).map((entry) => entry.item);
  const languages = distinctSorted(items.map((item) => item.language));
  const genres = distinctSorted(items.flatMap((item) => item.genres));
  const tags = distinctSorted(items.flatMap((item) => item.tags));
  if (library.mediaType === 'podcast') {
    return {
      authors: [],
      genres,
      tags,
      series: [],
      narrators: [],
      languages,
      publishers: [],
      publishedDecades: [],
      bookCount: 0,
      authorCount: 0,
      seriesCount: 0,
      podcastCount: items.length,
      numIssues: 0,
      loadedAt: now,
    };
  }
  const people = catalog.people(library.id);
  const byName = (a: { name: string }, b: { name: string }) => naturalOrder(a.name, b.name);
  return {
    authors: people.authors.map(({ id, name }) => ({ id, name })).sort(byName),
    genres,
    tags,
    series: people.series.map(({ id, name }) => ({ id, name: name || 'No Title' })).sort(byName),
    narrators: distinctSorted(items.flatMap((item) => item.narrators)),
    languages,
    publishers: distinctSorted(items.map((item) => item.publisher)),
    publishedDecades: distinctSorted(items.map((item) => decade(item.publishedYear))),
    bookCount: items.length,
    authorCount: people.authors.length,
    seriesCount: people.series.length,
    podcastCount: 0,
    numIssues: 0,
    loadedAt: now,
  };
}

function top<T>(rows: readonly T[], value: (row: T) => number, limit: number): T[] {
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => b.v - a.v || a.index - b.index)
    .slice(0, limit)
    .map(({ row }) => row);
}

/** `SELECT value, count(*) ... GROUP BY value ORDER BY numItems DESC` over the items' genres. */
function genresWithCount(entries: readonly CatalogItem[]): { genre: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const genre of entry.item.genres) counts.set(genre, (counts.get(genre) ?? 0) + 1);
  }
  const byValue = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return top(byValue, ([, count]) => count, byValue.length).map(([genre, count]) => ({ genre, count }));
}

/**
 * `GET /api/libraries/:id/stats` (LibraryController.stats): the ten largest and longest items, the
 * genres (and for books the ten authors with most books) with their counts, and the library totals.
 */
export function libraryStatsDetail(catalog: AbsCatalog, library: AbsLibrary): Json {
  const entries = catalog.itemsIn(library.id);
  const totals = libraryStats(catalog, library);
  const genres = genresWithCount(entries);
  const stats: Json = {
    largestItems: top(entries, libraryItemSize, 10).map((entry) => ({
      id: entry.item.id,
      title: entry.item.title,
      size: libraryItemSize(entry),
    })),
  };
  if (library.mediaType === 'podcast') {
    const duration = (entry: CatalogItem) =>
      sum([...entry.files().episodeAudio.values()].map((audio) => audio.duration));
    return {
      ...stats,
      totalGenres: genres.length,
      genresWithCount: genres,
      totalItems: totals.totalItems,
      longestItems: top(entries, duration, 10).map((entry) => ({
        id: entry.item.id,
        title: entry.item.title,
        duration: duration(entry),
      })),
      totalSize: totals.totalSize,
      totalDuration: totals.totalDuration,
      numAudioTracks: totals.numAudioFiles,
    };
  }
  const { authors } = catalog.people(library.id);
  return {
    ...stats,
    totalAuthors: authors.length,
    authorsWithCount: top(authors, (author) => author.items.length, 10).map((author) => ({
      id: author.id,
      name: author.name,
      count: author.items.length,
    })),
    totalGenres: genres.length,
    genresWithCount: genres,
    totalItems: totals.totalItems,
    longestItems: top(entries, (entry) => entry.item.duration, 10).map((entry) => ({
      id: entry.item.id,
      title: entry.item.title,
      duration: entry.item.duration,
    })),
    totalSize: totals.totalSize,
    totalDuration: totals.totalDuration,
    numAudioTracks: totals.numAudioFiles,
  };
}
