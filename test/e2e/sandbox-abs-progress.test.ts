import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import type { AbsItem } from '../../sandbox/books/world.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

const world = generateBookWorld({ seed: 1, books: 20 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const alice = world.audiobookshelf.users.find((u) => u.username === 'alice');
if (!alice) throw new Error('no alice');
const token = abs.apiKeys[alice.id] ?? '';
const started = new Set(alice.progress.map((p) => p.libraryItemId));
const freshBook = world.audiobookshelf.items.find(
  (i) => i.mediaType === 'book' && i.numAudioFiles > 0 && !started.has(i.id),
) as AbsItem;
const podcast = world.audiobookshelf.items.find((i) => i.mediaType === 'podcast') as AbsItem;

interface InProgressJson {
  libraryItems: { mediaType: string; progressLastUpdate: number; recentEpisode?: { id: string } }[];
}

async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

let server: RunningStandIn;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(world.now);
  server = await startStandIn(abs.build, { clock, rateScale: 1 });
});
afterEach(() => server.stop());

function api(path: string, method = 'GET', body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.origin}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function progressOf(itemId: string, episodeId?: string): Promise<Record<string, unknown>> {
  const response = await api(`/me/progress/${itemId}${episodeId ? `/${episodeId}` : ''}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('audiobookshelf stand-in: reading progress', () => {
  it("lists the user's progress in /api/me and /api/me/progress", async () => {
    const me = await read<{ mediaProgress: unknown[] }>(await api('/me'));
    expect(me.mediaProgress).toHaveLength(alice.progress.length);
    const all = await read<{ mediaProgress: { id: string }[] }>(await api('/me/progress'));
    expect(all.mediaProgress.map((p) => p.id)).toEqual(alice.progress.map((p) => p.id));
  });

  it('answers 404 Not Found (text/plain) for an item without progress', async () => {
    const response = await api(`/me/progress/${freshBook.id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('Not Found');
  });

  it('answers a PATCH with a bare OK and never auto-finishes on the first write', async () => {
    const duration = freshBook.duration;
    const first = await api(`/me/progress/${freshBook.id}`, 'PATCH', { duration, currentTime: duration - 5 });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await first.text()).toBe('OK');
    expect(await progressOf(freshBook.id)).toMatchObject({
      isFinished: false,
      progress: 0,
      startedAt: world.now,
      lastUpdate: world.now,
    });

    clock.advance(60_000);
    await api(`/me/progress/${freshBook.id}`, 'PATCH', { duration, currentTime: duration - 5 });
    expect(await progressOf(freshBook.id)).toMatchObject({
      isFinished: true,
      progress: 1,
      finishedAt: world.now + 60_000,
    });
  });

  it('un-finishes a restarted book but leaves progress at 1, and resets on isFinished:false', async () => {
    const done = alice.progress.find((p) => p.isFinished && p.episodeId === null && p.duration > 0);
    if (!done) throw new Error('no finished row');
    await api(`/me/progress/${done.libraryItemId}`, 'PATCH', { duration: done.duration, currentTime: 3.25 });
    expect(await progressOf(done.libraryItemId)).toMatchObject({
      isFinished: false,
      progress: 1,
      currentTime: 3.25,
      finishedAt: null,
    });

    await api(`/me/progress/${done.libraryItemId}`, 'PATCH', { isFinished: true });
    await api(`/me/progress/${done.libraryItemId}`, 'PATCH', { isFinished: false, currentTime: 7.5 });
    expect(await progressOf(done.libraryItemId)).toMatchObject({
      isFinished: false,
      progress: 0,
      currentTime: 0,
      finishedAt: null,
    });
  });

  it('keeps numbers sent as strings on a later write', async () => {
    await api(`/me/progress/${freshBook.id}`, 'PATCH', { currentTime: '10' });
    await api(`/me/progress/${freshBook.id}`, 'PATCH', { currentTime: '14.5' });
    expect((await progressOf(freshBook.id)).currentTime).toBe('14.5');
  });

  it('explains bad targets: unknown item, podcast without episode, unknown episode', async () => {
    const unknown = await api('/me/progress/00000000-0000-4000-8000-000000000000', 'PATCH', {
      currentTime: 1,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await unknown.text()).toBe('Library item not found');
    const notBook = await api(`/me/progress/${podcast.id}`, 'PATCH', { currentTime: 1 });
    expect(notBook.status).toBe(400);
    expect(await notBook.text()).toBe('Library item is not a book');
    const noEpisode = await api(`/me/progress/${podcast.id}/nope`, 'PATCH', { currentTime: 1 });
    expect(noEpisode.status).toBe(404);
    expect(await noEpisode.text()).toBe('Episode not found');
  });

  it('tracks podcast episodes separately', async () => {
    const episode = podcast.episodes[podcast.episodes.length - 1];
    if (!episode) throw new Error('no episode');
    expect(
      (
        await api(`/me/progress/${podcast.id}/${episode.id}`, 'PATCH', {
          duration: episode.duration,
          currentTime: 30,
        })
      ).status,
    ).toBe(200);
    expect(await progressOf(podcast.id, episode.id)).toMatchObject({
      episodeId: episode.id,
      mediaItemId: episode.id,
      mediaItemType: 'podcastEpisode',
      currentTime: 30,
    });
  });

  it('batch-updates, skipping unknown items, and refuses an empty batch', async () => {
    const empty = await api('/me/progress/batch/update', 'PATCH', []);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe('Missing request payload');
    const response = await api('/me/progress/batch/update', 'PATCH', [
      { libraryItemId: 'nope', currentTime: 5 },
      { libraryItemId: freshBook.id, currentTime: 42 },
    ]);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    expect((await progressOf(freshBook.id)).currentTime).toBe(42);
  });

  it('deletes by progress id, not by library item id', async () => {
    const row = alice.progress[0];
    if (!row) throw new Error('no row');
    expect((await api(`/me/progress/${row.libraryItemId}`, 'DELETE')).status).toBe(404);
    const deleted = await api(`/me/progress/${row.id}`, 'DELETE');
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe('OK');
    expect((await api(`/me/progress/${row.libraryItemId}`)).status).toBe(404);
  });

  it('lists items in progress, newest first, with progressLastUpdate and the recent episode', async () => {
    const body = await read<InProgressJson>(await api('/me/items-in-progress?limit=100'));
    const expected = alice.progress
      .filter((p) => !p.isFinished && (p.currentTime > 0 || (p.ebookProgress ?? 0) > 0))
      .sort((a, b) => b.lastUpdate - a.lastUpdate);
    expect(body.libraryItems.map((i) => i.progressLastUpdate)).toEqual(expected.map((p) => p.lastUpdate));
    const withEpisode = body.libraryItems.find((i) => i.mediaType === 'podcast');
    expect(withEpisode?.recentEpisode).toHaveProperty('id');
    const limited = await read<InProgressJson>(await api('/me/items-in-progress?limit=2'));
    expect(limited.libraryItems).toHaveLength(2);
    const defaults = await read<InProgressJson>(await api('/me/items-in-progress?limit=0'));
    expect(defaults.libraryItems.length).toBe(Math.min(25, expected.length));
  });

  it('gives each started server its own progress', async () => {
    await api(`/me/progress/${freshBook.id}`, 'PATCH', { currentTime: 99 });
    const other = await startStandIn(abs.build, { clock, rateScale: 1 });
    try {
      const response = await fetch(`${other.origin}/api/me/progress/${freshBook.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(404);
    } finally {
      await other.stop();
    }
  });

  it('pages listening sessions, which the generated world leaves empty', async () => {
    expect(await (await api('/me/listening-sessions?itemsPerPage=5&page=2')).json()).toEqual({
      total: 0,
      numPages: 0,
      page: 2,
      itemsPerPage: 5,
      sessions: [],
    });
  });

  it('hides a row from continue listening by its progress id', async () => {
    const row = alice.progress.find((p) => !p.hideFromContinueListening);
    if (!row) throw new Error('no row');
    const response = await api(`/me/progress/${row.id}/remove-from-continue-listening`);
    expect(response.status).toBe(200);
    expect((await progressOf(row.libraryItemId, row.episodeId ?? undefined)).hideFromContinueListening).toBe(
      true,
    );
  });
});
