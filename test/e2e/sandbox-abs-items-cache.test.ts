/**
 * The server's response cache for GET /api/libraries*: per user and exact URL, kept across progress
 * changes (what a running v2.36 server showed), cleared by what stands for a library change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

const world = generateBookWorld({ seed: 4, books: 40 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const audiobooks = world.audiobookshelf.libraries[0];
if (!audiobooks) throw new Error('no library');
const user = (username: string) => {
  const found = world.audiobookshelf.users.find((u) => u.username === username);
  if (!found) throw new Error(username);
  return found;
};
const alice = user('alice');
const untouched = world.audiobookshelf.items.find(
  (item) => item.libraryId === audiobooks.id && !alice.progress.some((row) => row.libraryItemId === item.id),
);
const IN_PROGRESS = `/libraries/${audiobooks.id}/items?filter=progress.${encodeURIComponent(
  Buffer.from('in-progress').toString('base64'),
)}`;

let server: RunningStandIn;
beforeEach(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterEach(() => server.stop());

function api(path: string, init: RequestInit = {}, username = 'alice'): Promise<Response> {
  return fetch(`${server.origin}/api${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${abs.apiKeys[user(username).id]}`,
      'content-type': 'application/json',
    },
  });
}

async function total(path: string, username = 'alice'): Promise<{ total: number; type: string | null }> {
  const response = await api(path, {}, username);
  expect(response.status).toBe(200);
  const body = JSON.parse(await response.text()) as { total: number };
  return { total: body.total, type: response.headers.get('content-type') };
}

async function startListening(): Promise<void> {
  if (!untouched) throw new Error('alice has progress on every audiobook');
  const patched = await api(`/me/progress/${untouched.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ currentTime: 600, duration: 36_000, progress: 600 / 36_000 }),
  });
  expect(patched.status).toBe(200);
}

describe('audiobookshelf stand-in: the items-list response cache', () => {
  it('serves the same URL its first answer after a progress change; one more parameter is fresh', async () => {
    const before = await total(IN_PROGRESS);
    expect(before.type).toMatch(/^application\/json/);
    await startListening();

    const again = await total(IN_PROGRESS);
    expect(again.total).toBe(before.total);
    // A hit is Express' bare res.send(string): text/html, whatever the first answer's type was.
    expect(again.type).toMatch(/^text\/html/);
    expect((await total(`${IN_PROGRESS}&limit=100`)).total).toBe(before.total + 1);
    // The key is the URL as sent: the same parameters in another order are another entry.
    expect((await total(`${IN_PROGRESS.replace('?', '?limit=100&')}`)).total).toBe(before.total + 1);

    // /api/me is never cached: it shows the change at once.
    const me = (await (await api('/me')).json()) as { mediaProgress: { libraryItemId: string }[] };
    expect(me.mediaProgress.map((row) => row.libraryItemId)).toContain(untouched?.id);

    const stats = server.stats() as unknown as { apiCache: { hits: number; entries: number } };
    expect(stats.apiCache).toEqual({ hits: 1, entries: 3 });
  });

  it('keeps one entry per user: another user’s first request is answered fresh', async () => {
    await total(IN_PROGRESS);
    expect((await total(IN_PROGRESS, 'bob')).type).toMatch(/^application\/json/);
    expect((await total(IN_PROGRESS, 'bob')).type).toMatch(/^text\/html/);
  });

  it('caches an error body too, answered as 200 on the repeat, as the server’s middleware does', async () => {
    const first = await api('/libraries/no-such-library/items');
    expect(first.status).toBe(404);
    const repeat = await api('/libraries/no-such-library/items');
    expect(repeat.status).toBe(200);
    expect(await repeat.text()).toBe(await first.text());
  });

  it('is cleared by a library change (POST /__sandbox/clear-api-cache), not by progress routes', async () => {
    const before = await total(IN_PROGRESS);
    await startListening();
    const batch = await api('/me/progress/batch/update', {
      method: 'PATCH',
      body: JSON.stringify([{ libraryItemId: untouched?.id, currentTime: 700 }]),
    });
    expect(batch.status).toBe(200);
    expect((await total(IN_PROGRESS)).total).toBe(before.total);
    const cleared = await fetch(`${server.origin}/__sandbox/clear-api-cache`, { method: 'POST' });
    expect(cleared.status).toBe(200);
    const after = await total(IN_PROGRESS);
    expect(after).toEqual({ total: before.total + 1, type: expect.stringMatching(/^application\/json/) });
  });
});
