import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/**
 * The library's numbers: `GET /api/libraries/:id/stats` (api-docs _libraries.md, "Get a Library's
 * Stats"; v2.36 names the track count numAudioTracks) and the `include` options of the library routes: `GET /api/libraries?include=stats` (API-NOTES 2.3)
 * and `GET /api/libraries/:id?include=filterdata` (api-docs _libraries.md, "Get a Library"), and the
 * same filter data at `GET /api/libraries/:id/filterdata` ("Get a Library's Filter Data").
 */

const world = generateBookWorld({ seed: 1, books: 40 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const [audiobooks, ebooks, podcasts] = world.audiobookshelf.libraries;
if (!audiobooks || !ebooks || !podcasts) throw new Error('libraries missing');
const byName = (username: string) => {
  const user = world.audiobookshelf.users.find((u) => u.username === username);
  if (!user) throw new Error(username);
  return user;
};

let server: RunningStandIn;
beforeAll(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterAll(() => server.stop());
beforeEach(async () => {
  await fetch(`${server.origin}/__sandbox/clear-api-cache`, { method: 'POST' });
});

async function getJson<T>(path: string, username = 'alice'): Promise<T> {
  const response = await fetch(`${server.origin}/api${path}`, {
    headers: { authorization: `Bearer ${abs.apiKeys[byName(username).id]}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface ListedItem {
  size: number;
  media: { duration?: number; numAudioFiles?: number };
}

const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('audiobookshelf stand-in: GET /api/libraries?include=stats', () => {
  it('adds each library’s totals: size, duration, audio files (episodes for podcasts) and items', async () => {
    const plain = await getJson<{ libraries: Record<string, unknown>[] }>('/libraries');
    expect(plain.libraries.every((library) => !('stats' in library))).toBe(true);

    const { libraries } = await getJson<{ libraries: { id: string; stats: Record<string, number> }[] }>(
      '/libraries?include=stats',
    );
    for (const library of [audiobooks, ebooks]) {
      const items = (await getJson<{ results: ListedItem[] }>(`/libraries/${library.id}/items`)).results;
      expect(libraries.find((l) => l.id === library.id)?.stats).toEqual({
        totalSize: sum(items.map((i) => i.size)),
        totalDuration: sum(items.map((i) => i.media.duration ?? 0)),
        numAudioFiles: sum(items.map((i) => i.media.numAudioFiles ?? 0)),
        totalItems: items.length,
      });
    }
    const shows = world.audiobookshelf.items.filter((i) => i.libraryId === podcasts.id);
    const listed = (await getJson<{ results: ListedItem[] }>(`/libraries/${podcasts.id}/items`)).results;
    expect(libraries.find((l) => l.id === podcasts.id)?.stats).toEqual({
      totalDuration: sum(shows.flatMap((show) => show.episodes.map((e) => e.duration))),
      numAudioFiles: sum(shows.map((show) => show.episodes.length)),
      totalItems: shows.length,
      totalSize: sum(listed.map((i) => i.size)),
    });
  });
});

describe('audiobookshelf stand-in: GET /api/libraries/:id/stats', () => {
  interface Ranked {
    id: string;
    title: string;
    size?: number;
    duration?: number;
  }
  interface StatsPage {
    largestItems: Ranked[];
    longestItems: Ranked[];
    authorsWithCount?: { id: string; name: string; count: number }[];
    genresWithCount: { genre: string; count: number }[];
    [key: string]: unknown;
  }
  interface Full {
    id: string;
    size: number;
    media: { duration?: number; metadata: { title: string } };
  }

  it('answers a book library with its largest and longest items, authors, genres and totals', async () => {
    const body = await getJson<StatsPage>(`/libraries/${audiobooks.id}/stats`);
    expect(Object.keys(body)).toEqual([
      'largestItems',
      'totalAuthors',
      'authorsWithCount',
      'totalGenres',
      'genresWithCount',
      'totalItems',
      'longestItems',
      'totalSize',
      'totalDuration',
      'numAudioTracks',
    ]);
    const items = (await getJson<{ results: Full[] }>(`/libraries/${audiobooks.id}/items`)).results;
    const bySize = [...items].sort((a, b) => b.size - a.size).slice(0, 10);
    expect(body.largestItems).toEqual(
      bySize.map((i) => ({ id: i.id, title: i.media.metadata.title, size: i.size })),
    );
    const byLength = [...items].sort((a, b) => (b.media.duration ?? 0) - (a.media.duration ?? 0));
    expect(body.longestItems.map((i) => i.id)).toEqual(byLength.slice(0, 10).map((i) => i.id));

    const { libraries } = await getJson<{ libraries: { id: string; stats: Record<string, number> }[] }>(
      '/libraries?include=stats',
    );
    const totals = libraries.find((l) => l.id === audiobooks.id)?.stats;
    expect(body).toMatchObject({
      totalItems: totals?.totalItems,
      totalSize: totals?.totalSize,
      totalDuration: totals?.totalDuration,
      numAudioTracks: totals?.numAudioFiles,
    });

    const shelf = world.audiobookshelf.items.filter((i) => i.libraryId === audiobooks.id);
    const genreCount = (genre: string) => shelf.filter((i) => i.genres.includes(genre)).length;
    expect(body.totalGenres).toBe(new Set(shelf.flatMap((i) => i.genres)).size);
    for (const { genre, count } of body.genresWithCount) expect(count).toBe(genreCount(genre));
    const counts = body.genresWithCount.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const authorIds = new Set(shelf.flatMap((i) => i.authors.map((a) => a.id)));
    expect(body.totalAuthors).toBe(authorIds.size);
    const authors = body.authorsWithCount ?? [];
    expect(authors.length).toBe(Math.min(10, authorIds.size));
    for (const author of authors) {
      expect(author.count).toBe(shelf.filter((i) => i.authors.some((a) => a.id === author.id)).length);
    }
    expect(authors.map((a) => a.count)).toEqual(authors.map((a) => a.count).sort((a, b) => b - a));
  });

  it('answers a podcast library with episodes as its audio tracks and no authors', async () => {
    const body = await getJson<StatsPage>(`/libraries/${podcasts.id}/stats`);
    expect(Object.keys(body)).toEqual([
      'largestItems',
      'totalGenres',
      'genresWithCount',
      'totalItems',
      'longestItems',
      'totalSize',
      'totalDuration',
      'numAudioTracks',
    ]);
    const shows = world.audiobookshelf.items.filter((i) => i.libraryId === podcasts.id);
    expect(body.numAudioTracks).toBe(sum(shows.map((s) => s.episodes.length)));
    const longest = [...shows].sort(
      (a, b) => sum(b.episodes.map((e) => e.duration)) - sum(a.episodes.map((e) => e.duration)),
    );
    expect(body.longestItems.map((i) => i.id)).toEqual(longest.map((s) => s.id));
  });
});

interface FilterData {
  authors: { id: string; name: string }[];
  genres: string[];
  tags: string[];
  series: { id: string; name: string }[];
  narrators: string[];
  languages: string[];
  publishers: string[];
  publishedDecades: string[];
  bookCount: number;
  authorCount: number;
  seriesCount: number;
  podcastCount: number;
  numIssues: number;
  loadedAt: number;
}

describe('audiobookshelf stand-in: GET /api/libraries/:id?include=filterdata', () => {
  it('wraps the library with its filter data, issues and playlist count', async () => {
    const body = await getJson<{
      filterdata: FilterData;
      issues: number;
      numUserPlaylists: number;
      library: { id: string };
    }>(`/libraries/${audiobooks.id}?include=filterdata`);
    expect(Object.keys(body)).toEqual(['filterdata', 'issues', 'numUserPlaylists', 'library']);
    expect(body.library).toEqual(await getJson(`/libraries/${audiobooks.id}`));
    expect(body.issues).toBe(0);
    expect(body.numUserPlaylists).toBe(0);

    const items = world.audiobookshelf.items.filter((i) => i.libraryId === audiobooks.id);
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => Boolean(v)))].sort(naturalOrder);
    const authors = new Map(items.flatMap((i) => i.authors.map((a) => [a.id, a.name] as const)));
    const series = new Map(items.flatMap((i) => i.series.map((s) => [s.id, s.name] as const)));
    const decades = items
      .map((i) => Number(i.publishedYear))
      .filter((year) => year > 0 && year < 3000)
      .map((year) => String(Math.floor(year / 10) * 10));
    const { filterdata } = body;
    expect(filterdata).toEqual({
      authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => naturalOrder(a.name, b.name)),
      genres: distinct(items.flatMap((i) => i.genres)),
      tags: distinct(items.flatMap((i) => i.tags)),
      series: [...series].map(([id, name]) => ({ id, name })).sort((a, b) => naturalOrder(a.name, b.name)),
      narrators: distinct(items.flatMap((i) => i.narrators)),
      languages: distinct(items.map((i) => i.language)),
      publishers: distinct(items.map((i) => i.publisher)),
      publishedDecades: distinct(decades),
      bookCount: items.length,
      authorCount: authors.size,
      seriesCount: series.size,
      podcastCount: 0,
      numIssues: 0,
      loadedAt: world.now,
    });
    expect(filterdata.authors.length).toBeGreaterThan(1);
    expect(filterdata.series.length).toBeGreaterThan(1);
  });

  it('lists only genres, tags and languages for a podcast library, with its podcast count', async () => {
    const { filterdata } = await getJson<{ filterdata: FilterData }>(
      `/libraries/${podcasts.id}?include=filterdata`,
    );
    const shows = world.audiobookshelf.items.filter((i) => i.libraryId === podcasts.id);
    expect(filterdata).toMatchObject({
      authors: [],
      series: [],
      narrators: [],
      publishers: [],
      publishedDecades: [],
      bookCount: 0,
      authorCount: 0,
      seriesCount: 0,
      podcastCount: shows.length,
    });
    expect(filterdata.genres).toEqual([...new Set(shows.flatMap((s) => s.genres))].sort(naturalOrder));
  });

  it('serves the same filter data at /api/libraries/:id/filterdata, after the library checks', async () => {
    const { filterdata } = await getJson<{ filterdata: FilterData }>(
      `/libraries/${ebooks.id}?include=filterdata`,
    );
    expect(await getJson(`/libraries/${ebooks.id}/filterdata`)).toEqual(filterdata);
    const headers = { authorization: `Bearer ${abs.apiKeys[byName('carol').id]}` };
    const refused = await fetch(`${server.origin}/api/libraries/${podcasts.id}/filterdata`, { headers });
    expect(refused.status).toBe(403);
    const unknown = await fetch(
      `${server.origin}/api/libraries/00000000-0000-4000-8000-000000000000/filterdata`,
      {
        headers: { authorization: `Bearer ${abs.apiKeys[byName('alice').id]}` },
      },
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Library not found');
  });

  it('answers the plain library for any other include', async () => {
    const body = await getJson<Record<string, unknown>>(`/libraries/${ebooks.id}?include=stats`);
    expect(body.id).toBe(ebooks.id);
    expect(body).not.toHaveProperty('filterdata');
  });
});
