import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/**
 * One series or author by id: `GET /api/series/{id}`, `GET /api/libraries/{id}/series/{seriesId}` and
 * `GET /api/authors/{id}` (openapi.json getSeries, getLibrarySeriesById and getAuthorById).
 */

const world = generateBookWorld({ seed: 1, books: 40 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const items = world.audiobookshelf.items;
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

function api(path: string, username = 'alice'): Promise<Response> {
  return fetch(`${server.origin}/api${path}`, {
    headers: { authorization: `Bearer ${abs.apiKeys[byName(username).id]}` },
  });
}

async function json<T>(path: string, username = 'alice'): Promise<T> {
  const response = await api(path, username);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function expectNotFound(path: string): Promise<void> {
  const response = await api(path);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await response.text()).toBe('Not Found');
}

const mistborn = items.filter((i) => i.series[0]?.name === 'Mistborn');
const mistbornId = mistborn[0]?.series[0]?.id ?? '';

describe('audiobookshelf stand-in: GET /api/series/:id', () => {
  it('answers the series, with progress and rssFeed on request', async () => {
    const series = await json<Record<string, unknown>>(`/series/${mistbornId}`);
    expect(Object.keys(series)).toEqual([
      'id',
      'name',
      'nameIgnorePrefix',
      'description',
      'addedAt',
      'updatedAt',
      'libraryId',
    ]);
    expect(series).toMatchObject({ id: mistbornId, name: 'Mistborn', libraryId: mistborn[0]?.libraryId });

    const withProgress = await json<{
      progress: { libraryItemIds: string[]; libraryItemIdsFinished: string[]; isFinished: boolean };
      rssFeed: null;
    }>(`/series/${mistbornId}?include=progress,%20rssfeed`);
    const bySequence = [...mistborn].sort(
      (a, b) => Number(a.series[0]?.sequence) - Number(b.series[0]?.sequence),
    );
    expect(withProgress.progress.libraryItemIds).toEqual(bySequence.map((i) => i.id));
    const me = await json<{ mediaProgress: { libraryItemId: string; isFinished: boolean }[] }>('/me');
    const finished = bySequence.filter((i) =>
      me.mediaProgress.some((p) => p.libraryItemId === i.id && p.isFinished),
    );
    expect(withProgress.progress.libraryItemIdsFinished).toEqual(finished.map((i) => i.id));
    expect(withProgress.progress.isFinished).toBe(finished.length === mistborn.length);
    expect(withProgress.rssFeed).toBeNull();
  });

  it('answers 404 Not Found for an unknown series', async () => {
    await expectNotFound('/series/00000000-0000-4000-8000-000000000000');
  });
});

describe('audiobookshelf stand-in: GET /api/libraries/:id/series/:seriesId (deprecated)', () => {
  it('answers as /api/series/:id does, behind the library checks', async () => {
    const libraryId = mistborn[0]?.libraryId ?? '';
    const direct = await json(`/series/${mistbornId}?include=progress`);
    expect(await json(`/libraries/${libraryId}/series/${mistbornId}?include=PROGRESS`)).toEqual(direct);
    const podcasts = world.audiobookshelf.libraries[2]?.id ?? '';
    expect((await api(`/libraries/${podcasts}/series/${mistbornId}`, 'carol')).status).toBe(403);
    await expectNotFound(`/libraries/${libraryId}/series/00000000-0000-4000-8000-000000000000`);
  });
});

describe('audiobookshelf stand-in: GET /api/authors/:id', () => {
  const author = mistborn[0]?.authors[0];
  const authorItems = items.filter((i) => i.authors.some((a) => a.id === author?.id));

  it('answers the author alone unless items are asked for', async () => {
    if (!author) throw new Error('no author');
    const plain = await json<Record<string, unknown>>(`/authors/${author.id}`);
    expect(Object.keys(plain)).toEqual([
      'id',
      'asin',
      'name',
      'description',
      'imagePath',
      'libraryId',
      'addedAt',
      'updatedAt',
    ]);
    expect(plain).toMatchObject({ id: author.id, name: author.name });
    expect(await json(`/authors/${author.id}?include=series`)).toEqual(plain);
  });

  it('adds the books newest first with include=items, and their series with include=items,series', async () => {
    if (!author) throw new Error('no author');
    const newestFirst = [...authorItems].sort((a, b) => b.addedAt - a.addedAt).map((i) => i.id);
    const withItems = await json<{ libraryItems: { id: string; media: { metadata: object } }[] }>(
      `/authors/${author.id}?include=items`,
    );
    expect(withItems.libraryItems.map((i) => i.id)).toEqual(newestFirst);
    expect(withItems.libraryItems[0]?.media.metadata).toHaveProperty('authorName');

    const withSeries = await json<{
      series: {
        id: string;
        name: string;
        items: { id: string; media: { metadata: { series: object } } }[];
      }[];
      libraryItems: unknown[];
    }>(`/authors/${author.id}?include=items,series`);
    expect(Object.keys(withSeries).slice(-2)).toEqual(['series', 'libraryItems']);
    const group = withSeries.series.find((s) => s.id === mistbornId);
    expect(group?.name).toBe('Mistborn');
    expect(group?.items.map((i) => i.id)).toEqual(
      [...mistborn]
        .sort((a, b) => Number(a.series[0]?.sequence) - Number(b.series[0]?.sequence))
        .map((i) => i.id),
    );
    expect(group?.items[0]?.media.metadata.series).toEqual({
      id: mistbornId,
      name: 'Mistborn',
      nameIgnorePrefix: 'Mistborn',
      sequence: '1',
    });
  });

  it('leaves out explicit books for a user without explicit access, and answers 404 for an unknown id', async () => {
    const explicit = items.find((i) => i.explicit && i.authors.length > 0);
    const explicitAuthor = explicit?.authors[0];
    if (!explicit || !explicitAuthor) throw new Error('no explicit book');
    const forAlice = await json<{ libraryItems: { id: string }[] }>(
      `/authors/${explicitAuthor.id}?include=items`,
    );
    expect(forAlice.libraryItems.map((i) => i.id)).toContain(explicit.id);
    const forCarol = await json<{ libraryItems: { id: string }[] }>(
      `/authors/${explicitAuthor.id}?include=items`,
      'carol',
    );
    expect(forCarol.libraryItems.map((i) => i.id)).not.toContain(explicit.id);
    await expectNotFound('/authors/00000000-0000-4000-8000-000000000000');
  });
});
