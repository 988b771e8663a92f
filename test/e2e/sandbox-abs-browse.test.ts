import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import type { AbsItem } from '../../sandbox/books/world.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/** Routes real ABS clients call beyond the sync basics: series, authors, search, stats, sessions, covers. */

const world = generateBookWorld({ seed: 3, books: 40 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const [audiobooks, ebooks, podcasts] = world.audiobookshelf.libraries;
if (!audiobooks || !ebooks || !podcasts) throw new Error('libraries missing');
const userId = (username: string): string => {
  const user = world.audiobookshelf.users.find((u) => u.username === username);
  if (!user) throw new Error(username);
  return user.id;
};
const audioItems = world.audiobookshelf.items.filter((i) => i.libraryId === audiobooks.id);
const explicitItem = audioItems.find((i) => i.explicit);
const seriesItem = audioItems.find((i) => i.series.length > 0 && !i.explicit);

type Json = Record<string, unknown>;

let server: RunningStandIn;
beforeAll(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterAll(() => server.stop());
// Each test starts from a cold response cache, as after a library scan on the real server.
beforeEach(async () => {
  await fetch(`${server.origin}/__sandbox/clear-api-cache`, { method: 'POST' });
});

function api(path: string, username: string | null = 'alice'): Promise<Response> {
  const headers: Record<string, string> = username
    ? { authorization: `Bearer ${abs.apiKeys[userId(username)]}` }
    : {};
  return fetch(`${server.origin}/api${path}`, { headers });
}

async function json<T = Json>(path: string, username = 'alice'): Promise<T> {
  const response = await api(path, username);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

function media(item: unknown): Json {
  return (item as { media: Json }).media;
}

describe('audiobookshelf stand-in: minified media', () => {
  it('leaves ebookFormat out for an audiobook and gives it for an ebook', async () => {
    const audio = await json<{ results: Json[] }>(`/libraries/${audiobooks.id}/items`);
    const withoutEbook = audio.results.filter((r) => {
      const item = audioItems.find((i) => i.id === r.id);
      return item?.ebookFormat === null;
    });
    expect(withoutEbook.length).toBeGreaterThan(0);
    for (const item of withoutEbook) expect(media(item)).not.toHaveProperty('ebookFormat');
    const ebookPage = await json<{ results: Json[] }>(`/libraries/${ebooks.id}/items`);
    expect(ebookPage.results.length).toBeGreaterThan(0);
    for (const item of ebookPage.results) expect(typeof media(item).ebookFormat).toBe('string');
  });
});

describe('audiobookshelf stand-in: library series and authors', () => {
  it('pages series with their minified books, sorted by sequence', async () => {
    const all = await json<{ results: Json[]; total: number } & Json>(`/libraries/${audiobooks.id}/series`);
    expect(Object.keys(all).sort()).toEqual(
      ['filterBy', 'include', 'limit', 'minified', 'page', 'results', 'sortBy', 'sortDesc', 'total']
        .filter((k) => k !== 'sortBy' && k !== 'filterBy')
        .sort(),
    );
    expect(all.results.length).toBe(all.total);
    const names = new Set(audioItems.flatMap((i) => i.series.map((s) => s.id)));
    expect(all.total).toBe(names.size);
    for (const series of all.results) {
      expect(Object.keys(series)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'nameIgnorePrefix',
          'description',
          'addedAt',
          'updatedAt',
          'libraryId',
          'books',
        ]),
      );
      const books = series.books as Json[];
      expect(books.length).toBeGreaterThan(0);
      for (const book of books) {
        expect(book).toHaveProperty('numFiles');
        expect(media(book).metadata).toHaveProperty('authorName');
      }
      const sequences = books.map((b) => {
        const item = audioItems.find((i) => i.id === b.id);
        return item?.series.find((s) => s.id === series.id)?.sequence ?? null;
      });
      const numbered = sequences.filter((s): s is string => s !== null).map(Number.parseFloat);
      expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
      expect(sequences.slice(numbered.length).every((s) => s === null)).toBe(true);
    }
    const second = await json<{ results: Json[]; limit: number; page: number }>(
      `/libraries/${audiobooks.id}/series?limit=2&page=1&sort=name`,
    );
    expect(second.limit).toBe(2);
    expect(second.page).toBe(1);
    const byName = await json<{ results: Json[] }>(`/libraries/${audiobooks.id}/series?sort=name`);
    expect(second.results.map((s) => s.id)).toEqual(byName.results.slice(2, 4).map((s) => s.id));
  });

  it('refuses a negative page on every library route, naming the parameter', async () => {
    for (const route of ['series', 'authors', 'search?q=a']) {
      const sep = route.includes('?') ? '&' : '?';
      const response = await api(`/libraries/${audiobooks.id}/${route}${sep}page=-1`);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('Invalid request. page must be a positive integer');
    }
  });

  it('lists authors with numBooks and lastFirst; a page envelope only with limit and page', async () => {
    const plain = await json<{ authors: Json[] }>(`/libraries/${audiobooks.id}/authors`);
    const authorIds = new Set(audioItems.flatMap((i) => i.authors.map((a) => a.id)));
    expect(plain.authors.map((a) => a.id).sort()).toEqual([...authorIds].sort());
    const first = plain.authors[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(
      [
        'addedAt',
        'asin',
        'description',
        'id',
        'imagePath',
        'lastFirst',
        'libraryId',
        'name',
        'numBooks',
        'updatedAt',
      ].sort(),
    );
    for (const author of plain.authors) {
      const count = audioItems.filter((i) => i.authors.some((a) => a.id === author.id)).length;
      expect(author.numBooks).toBe(count);
    }
    expect(await json(`/libraries/${audiobooks.id}/authors?limit=3`)).toHaveProperty('authors');
    const paged = await json<{ results: Json[]; total: number; limit: number }>(
      `/libraries/${audiobooks.id}/authors?limit=3&page=0&sort=numBooks&desc=1`,
    );
    expect(paged.results).toHaveLength(3);
    expect(paged.total).toBe(authorIds.size);
    const counts = paged.results.map((a) => Number(a.numBooks));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('hides explicit books (and authors left without books) from a user without explicit access', async () => {
    if (!explicitItem) throw new Error('the world has no explicit audiobook');
    const authorId = explicitItem.authors[0]?.id;
    const total = audioItems.filter((i) => i.authors.some((a) => a.id === authorId)).length;
    const countFor = async (username: string) => {
      const body = await json<{ authors: Json[] }>(`/libraries/${audiobooks.id}/authors`, username);
      for (const author of body.authors) expect(Number(author.numBooks)).toBeGreaterThan(0);
      return Number(body.authors.find((a) => a.id === authorId)?.numBooks ?? 0);
    };
    expect(await countFor('alice')).toBe(total);
    expect(await countFor('carol')).toBe(total - 1);
    const searchFor = async (username: string) => {
      const q = encodeURIComponent(explicitItem.title);
      const body = await json<{ book: { libraryItem: Json }[] }>(
        `/libraries/${audiobooks.id}/search?q=${q}`,
        username,
      );
      return body.book.map((b) => b.libraryItem.id);
    };
    expect(await searchFor('alice')).toContain(explicitItem.id);
    expect(await searchFor('carol')).not.toContain(explicitItem.id);
    const denied = await api(`/libraries/${ebooks.id}/series`, 'carol');
    expect(denied.status).toBe(403);
  });
});

describe('audiobookshelf stand-in: library search', () => {
  it('requires q and finds books (expanded), series (books without authors) and authors', async () => {
    const missing = await api(`/libraries/${audiobooks.id}/search`);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toBe('Invalid request. Query param "q" must be a string');

    const item = seriesItem as AbsItem;
    const word = item.title.split(/\s+/).find((w) => w.length > 3) ?? item.title;
    const found = await json<Json>(
      `/libraries/${audiobooks.id}/search?q=${encodeURIComponent(word.toUpperCase())}`,
    );
    expect(Object.keys(found).sort()).toEqual(['authors', 'book', 'genres', 'narrators', 'series', 'tags']);
    const books = found.book as { libraryItem: Json }[];
    expect(books.map((b) => b.libraryItem.id)).toContain(item.id);
    for (const { libraryItem } of books) expect(media(libraryItem)).toHaveProperty('tracks');

    const series = item.series[0];
    if (!series) throw new Error('no series');
    const bySeries = await json<{ series: { series: Json; books: Json[] }[] }>(
      `/libraries/${audiobooks.id}/search?q=${encodeURIComponent(series.name)}`,
    );
    const match = bySeries.series.find((s) => s.series.id === series.id);
    expect(match?.books.map((b) => b.id)).toContain(item.id);
    for (const book of match?.books ?? []) {
      expect((media(book).metadata as Json).authors).toEqual([]);
      expect(book).toHaveProperty('libraryFiles');
    }

    const author = item.authors[0];
    if (!author) throw new Error('no author');
    const byAuthor = await json<{ authors: Json[] }>(
      `/libraries/${audiobooks.id}/search?q=${encodeURIComponent(author.name)}&limit=50`,
    );
    expect(byAuthor.authors.map((a) => a.id)).toContain(author.id);
    expect(byAuthor.authors[0]).toHaveProperty('numBooks');
  });

  it('searches a podcast library for podcasts and episodes', async () => {
    const podcast = world.audiobookshelf.items.find((i) => i.libraryId === podcasts.id && i.episodes.length);
    const episode = podcast?.episodes[0];
    if (!podcast || !episode) throw new Error('no podcast episode');
    const found = await json<Json>(`/libraries/${podcasts.id}/search?q=${encodeURIComponent(episode.title)}`);
    expect(Object.keys(found).sort()).toEqual(['episodes', 'genres', 'podcast', 'tags']);
    const episodes = found.episodes as { libraryItem: Json }[];
    const hit = episodes.find((e) => e.libraryItem.id === podcast.id);
    expect((hit?.libraryItem.recentEpisode as Json | undefined)?.id).toBe(episode.id);
    expect(media(hit?.libraryItem).episodes).toEqual([]);
  });
});

describe('audiobookshelf stand-in: listening stats and sessions', () => {
  it('reports empty listening stats for the user, and for a user to admins or themself', async () => {
    const empty = { totalTime: 0, items: {}, days: {}, dayOfWeek: {}, today: 0, recentSessions: [] };
    expect(await json('/me/listening-stats')).toEqual(empty);
    expect(await json(`/users/${userId('alice')}/listening-stats`)).toEqual(empty);
    expect(await json(`/users/${userId('alice')}/listening-stats`, 'root')).toEqual(empty);
    expect((await api(`/users/${userId('bob')}/listening-stats`)).status).toBe(403);
  });

  it('lists all sessions to admins only; anyone else gets 404', async () => {
    const refused = await api('/sessions?page=0', 'bob');
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe('Not Found');
    expect(await json('/sessions?page=0', 'root')).toEqual({
      total: 0,
      numPages: 0,
      page: 0,
      itemsPerPage: 10,
      sessions: [],
    });
    const forUser = await json<Json>(`/sessions?user=${userId('alice')}&itemsPerPage=5&page=-3`, 'root');
    expect(forUser).toMatchObject({ userId: userId('alice'), itemsPerPage: 5, page: 0 });
    expect(await json('/sessions?user=not-a-uuid', 'root')).not.toHaveProperty('userId');
  });
});

describe('audiobookshelf stand-in: covers', () => {
  const withCover = async (): Promise<AbsItem> => {
    for (const item of audioItems) {
      const response = await api(`/items/${item.id}/cover`, null);
      if (response.status === 200) return item;
    }
    throw new Error('no item has a cover');
  };

  it('serves covers without authentication: WebP by default, JPEG raw or on request', async () => {
    const item = await withCover();
    const webp = await api(`/items/${item.id}/cover`, null);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await webp.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString()).toBe('WEBP');
    for (const query of ['?raw=1', '?format=jpeg&width=400']) {
      const jpeg = await api(`/items/${item.id}/cover${query}`, null);
      expect(jpeg.status).toBe(200);
      expect(jpeg.headers.get('content-type')).toMatch(/^image\/jpe?g/);
      const jpegBytes = Buffer.from(await jpeg.arrayBuffer());
      expect([...jpegBytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect([...jpegBytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    }
  });

  it('answers 404 Not Found for an unknown item or one without a cover, and for author images', async () => {
    const unknown = await api('/items/00000000-0000-4000-8000-000000000000/cover', null);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Not Found');
    let coverless = 0;
    for (const item of audioItems) {
      const response = await api(`/items/${item.id}/cover`, null);
      if (response.status === 404) coverless++;
      else expect(response.status).toBe(200);
    }
    expect(coverless).toBeGreaterThan(0);
    const author = audioItems[0]?.authors[0];
    expect((await api(`/authors/${author?.id}/image`, null)).status).toBe(404);
    // Other item routes still need a token.
    expect((await api(`/items/${audioItems[0]?.id}`, null)).status).toBe(401);
  });
});
