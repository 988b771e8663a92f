import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareNoCase } from '../../sandbox/audiobookshelf/names.ts';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

const world = generateBookWorld({ seed: 1, books: 40 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const [audiobooks, ebooks, podcasts] = world.audiobookshelf.libraries;
if (!audiobooks || !ebooks || !podcasts) throw new Error('libraries missing');
const byName = (username: string) => {
  const user = world.audiobookshelf.users.find((u) => u.username === username);
  if (!user) throw new Error(username);
  return user;
};
const b64 = (text: string) => encodeURIComponent(Buffer.from(text).toString('base64'));

let server: RunningStandIn;
beforeAll(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterAll(() => server.stop());
// Each test starts from a cold response cache, as after a library scan on the real server.
beforeEach(async () => {
  await fetch(`${server.origin}/__sandbox/clear-api-cache`, { method: 'POST' });
});

function api(path: string, username = 'alice'): Promise<Response> {
  return fetch(`${server.origin}/api${path}`, {
    headers: { authorization: `Bearer ${abs.apiKeys[byName(username).id]}` },
  });
}

interface Page {
  results: { id: string; media: { metadata: Record<string, unknown> } }[];
  total: number;
  [key: string]: unknown;
}

async function page(query: string, username = 'alice', libraryId = audiobooks?.id): Promise<Page> {
  const response = await api(`/libraries/${libraryId}/items${query}`, username);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

const audioItems = world.audiobookshelf.items.filter((i) => i.libraryId === audiobooks.id);

/** Books beyond the first of each series other than Mistborn (the collapse hides them too). */
function countHiddenSeriesBooks(): number {
  const perSeries = new Map<string, number>();
  for (const item of audioItems) {
    const id = item.series[0]?.id;
    if (id && item.series[0]?.name !== 'Mistborn') perSeries.set(id, (perSeries.get(id) ?? 0) + 1);
  }
  return [...perSeries.values()].reduce((sum, n) => sum + n - 1, 0);
}

describe('audiobookshelf stand-in: libraries', () => {
  it('lists the libraries a user may see, in display order', async () => {
    const all = (await (await api('/libraries')).json()) as { libraries: { name: string }[] };
    expect(all.libraries.map((l) => l.name)).toEqual(['Audiobooks', 'Ebooks', 'Podcasts']);
    const carol = (await (await api('/libraries', 'carol')).json()) as { libraries: { name: string }[] };
    expect(carol.libraries.map((l) => l.name)).toEqual(['Audiobooks']);
  });

  it('checks access before existence for one library', async () => {
    expect((await api(`/libraries/${podcasts.id}`, 'carol')).status).toBe(403);
    expect((await api('/libraries/00000000-0000-4000-8000-000000000000', 'carol')).status).toBe(403);
    const missing = await api('/libraries/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toBe('Library not found');
    expect(((await (await api(`/libraries/${ebooks.id}`)).json()) as { name: string }).name).toBe('Ebooks');
  });
});

describe('audiobookshelf stand-in: library items page', () => {
  it('answers with the envelope, leaving out sortBy and filterBy when not given', async () => {
    const body = await page('?limit=5&page=1');
    expect(Object.keys(body)).toEqual([
      'results',
      'total',
      'limit',
      'page',
      'sortDesc',
      'mediaType',
      'minified',
      'collapseseries',
      'include',
      'offset',
    ]);
    expect(body).toMatchObject({
      total: audioItems.length,
      limit: 5,
      page: 1,
      offset: 5,
      sortDesc: false,
      mediaType: 'book',
      minified: false,
      collapseseries: false,
      include: '',
    });
    expect(body.results.map((r) => r.id)).toEqual(audioItems.slice(5, 10).map((i) => i.id));
  });

  it('always sends minified items', async () => {
    const body = await page('?limit=1&minified=0');
    const [item] = body.results;
    expect(item?.media.metadata).toHaveProperty('authorName');
    expect(item?.media.metadata).not.toHaveProperty('authors');
    expect(item).not.toHaveProperty('libraryFiles');
    expect(item).toHaveProperty('numFiles');
  });

  it('treats limit 0, absent or non-numeric as everything, and refuses negative or fractional values', async () => {
    expect((await page('?limit=0')).results).toHaveLength(audioItems.length);
    expect((await page('?limit=abc&page=xyz')).results).toHaveLength(audioItems.length);
    const refused: [string, string][] = [
      ['?limit=-1', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?limit=5&page=-1', 'page'],
      ['?limit=-2&page=-1', 'limit'],
      ['?page=0.5', 'page'],
    ];
    for (const [query, key] of refused) {
      const response = await api(`/libraries/${audiobooks.id}/items${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      // LibraryController.middleware names the parameter it refused, limit first.
      expect(await response.text()).toBe(`Invalid request. ${key} must be a positive integer`);
    }
  });

  it('sorts titles case-insensitively (ASCII only, "The" kept), descending on request', async () => {
    const asc = await page('?sort=media.metadata.title');
    const titles = asc.results.map((r) => String(r.media.metadata.title));
    expect(titles).toEqual([...titles].sort(compareNoCase));
    expect(asc.sortBy).toBe('media.metadata.title');
    const desc = await page('?sort=media.metadata.title&desc=1');
    expect(desc.results.map((r) => String(r.media.metadata.title))).toEqual([...titles].reverse());
  });

  it('sorts by addedAt, publishedYear and author name', async () => {
    const added = await page('?sort=addedAt&desc=1');
    const times = added.results.map((r) => (r as unknown as { addedAt: number }).addedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const years = (await page('?sort=media.metadata.publishedYear')).results.map(
      (r) => r.media.metadata.publishedYear as string | null,
    );
    const numeric = years.map((y) => (y === null ? Number.NEGATIVE_INFINITY : Number(y)));
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    const authors = (await page('?sort=media.metadata.authorName')).results.map((r) =>
      String(r.media.metadata.authorName),
    );
    expect(authors).toEqual([...authors].sort(compareNoCase));
  });

  it('sorts by size as each item reports it (all its files), in every library', async () => {
    for (const library of [audiobooks, ebooks]) {
      for (const desc of [0, 1]) {
        const sizes = (await page(`?sort=size&desc=${desc}`, 'alice', library.id)).results.map(
          (r) => (r as unknown as { size: number }).size,
        );
        expect(sizes).toEqual([...sizes].sort((a, b) => (desc ? b - a : a - b)));
      }
    }
  });

  it('sorts by authorNameLF with name particles kept in front of the surname', async () => {
    const results = (await page('?sort=media.metadata.authorNameLF')).results;
    const lastFirst = results.map((r) => String(r.media.metadata.authorNameLF));
    expect(lastFirst).toEqual([...lastFirst].sort(compareNoCase));
    const particle = results.find((r) => /\bvan der Berg$/.test(String(r.media.metadata.authorName)));
    expect(particle?.media.metadata.authorNameLF).toMatch(/^van der Berg, \S+$/);
    expect(lastFirst).toContainEqual(expect.stringMatching(/^Le Guin, /));
  });

  it("sorts by the user's progress, rows without progress last", async () => {
    const body = await page('?sort=progress&desc=1');
    const alice = byName('alice');
    const lastUpdate = new Map(alice.progress.map((p) => [p.libraryItemId, p.lastUpdate]));
    const keys = body.results.map((r) => lastUpdate.get(r.id) ?? null);
    const firstNull = keys.indexOf(null);
    const withProgress = keys.slice(0, firstNull === -1 ? keys.length : firstNull) as number[];
    expect(withProgress).toEqual([...withProgress].sort((a, b) => b - a));
    expect(keys.slice(withProgress.length).every((k) => k === null)).toBe(true);
  });

  it("filters by the user's progress, and lists ebook-only reading under both not-started and in-progress", async () => {
    const alice = byName('alice');
    const finished = new Set(
      alice.progress.filter((p) => p.isFinished && p.episodeId === null).map((p) => p.libraryItemId),
    );
    const body = await page(`?filter=progress.${b64('finished')}`);
    expect(body.filterBy).toBe(`progress.${Buffer.from('finished').toString('base64')}`);
    expect(new Set(body.results.map((r) => r.id))).toEqual(
      new Set(audioItems.filter((i) => finished.has(i.id)).map((i) => i.id)),
    );

    const reading = alice.progress.find(
      (p) => !p.isFinished && p.currentTime === 0 && (p.ebookProgress ?? 0) > 0,
    );
    if (!reading) throw new Error('no ebook in progress');
    const inProgress = await page(`?filter=progress.${b64('in-progress')}`, 'alice', ebooks.id);
    const notStarted = await page(`?filter=progress.${b64('not-started')}`, 'alice', ebooks.id);
    expect(inProgress.results.map((r) => r.id)).toContain(reading.libraryItemId);
    expect(notStarted.results.map((r) => r.id)).toContain(reading.libraryItemId);
  });

  it('filters by author, genre and series; a series filter adds the series to each item', async () => {
    const item = audioItems.find((i) => i.series.length > 0);
    const author = item?.authors[0];
    const series = item?.series[0];
    if (!item || !author || !series) throw new Error('no series item');
    const byAuthor = await page(`?filter=authors.${b64(author.id)}`);
    expect(byAuthor.results.map((r) => r.id)).toEqual(
      audioItems.filter((i) => i.authors.some((a) => a.id === author.id)).map((i) => i.id),
    );
    const genre = item.genres[0] ?? '';
    const byGenre = await page(`?filter=genres.${b64(genre)}`);
    expect(byGenre.total).toBe(audioItems.filter((i) => i.genres.includes(genre)).length);
    const bySeries = await page(`?filter=series.${b64(series.id)}`);
    expect(bySeries.results.map((r) => r.id)).toContain(item.id);
    expect(bySeries.results[0]?.media.metadata.series).toMatchObject({ id: series.id, name: series.name });
  });

  it('collapses a series into one of its books with collapseseries=1', async () => {
    const mistborn = audioItems.filter((i) => i.series[0]?.name === 'Mistborn');
    expect(mistborn).toHaveLength(2);
    const body = await page('?collapseseries=1');
    expect(body.collapseseries).toBe(true);
    const shown = body.results.filter((r) => mistborn.some((i) => i.id === r.id));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ collapsedSeries: { name: 'Mistborn', numBooks: 2 } });
    expect(body.total).toBe(audioItems.length - 1 - countHiddenSeriesBooks());
  });

  it('sorts collapsed series by the series name when sorting by title', async () => {
    type Collapsed = Page['results'][number] & { collapsedSeries?: { name: string } };
    const displayTitle = (r: Collapsed) => r.collapsedSeries?.name ?? String(r.media.metadata.title);
    for (const desc of [0, 1]) {
      const body = await page(`?collapseseries=1&sort=media.metadata.title&desc=${desc}`);
      const results = body.results as Collapsed[];
      const expected = [...results].sort((a, b) => compareNoCase(displayTitle(a), displayTitle(b)));
      if (desc) expected.reverse();
      expect(results.map(displayTitle)).toEqual(expected.map(displayTitle));
    }
  });

  it('hides explicit books from a user without explicit-content permission', async () => {
    const explicit = audioItems.filter((i) => i.explicit);
    expect(explicit.length).toBeGreaterThan(0);
    const carol = await page('', 'carol');
    expect(carol.total).toBe(audioItems.length - explicit.length);
    expect((await page('')).total).toBe(audioItems.length);
  });

  it('pages a podcast library', async () => {
    const body = await page('', 'alice', podcasts.id);
    expect(body.mediaType).toBe('podcast');
    expect(body.results[0]?.media).toHaveProperty('numEpisodes');
  });
});
