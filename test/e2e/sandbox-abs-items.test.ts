import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import type { AbsItem } from '../../sandbox/books/world.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

const world = generateBookWorld({ seed: 5, books: 20 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const user = (username: string) => {
  const found = world.audiobookshelf.users.find((u) => u.username === username);
  if (!found) throw new Error(username);
  return found;
};
const alice = user('alice');
const items = world.audiobookshelf.items;
const withProgress = items.find((i) =>
  alice.progress.some((p) => p.libraryItemId === i.id && p.episodeId === null),
) as AbsItem;
const withoutProgress = items.find(
  (i) => i.mediaType === 'book' && !alice.progress.some((p) => p.libraryItemId === i.id),
) as AbsItem;
const podcast = items.find((i) => i.mediaType === 'podcast') as AbsItem;
const explicit = items.find((i) => i.explicit) as AbsItem;

let server: RunningStandIn;
beforeAll(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterAll(() => server.stop());

function api(path: string, username = 'alice', init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${abs.apiKeys[user(username).id]}`);
  return fetch(`${server.origin}/api${path}`, { ...init, headers });
}

type Json = Record<string, unknown>;

/** The fields these tests read from item bodies (the assertions check them). */
interface ItemJson {
  id: string;
  mediaType: string;
  libraryFiles?: unknown[];
  userMediaProgress?: { id: string } | null;
  media: {
    libraryItemId?: string;
    metadata: Json & { authors?: unknown; series?: unknown };
    audioFiles: { ino: string }[];
    tracks: { contentUrl: string }[];
    episodes: Json[];
  };
}

async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Every key of `subset` is in `superset`, recursively through objects. */
function missingKeys(subset: unknown, superset: unknown, path = ''): string[] {
  if (subset === null || typeof subset !== 'object' || Array.isArray(subset)) return [];
  if (superset === null || typeof superset !== 'object') return [path || '.'];
  const out: string[] = [];
  for (const [key, value] of Object.entries(subset)) {
    if (!(key in superset)) out.push(`${path}.${key}`);
    else out.push(...missingKeys(value, (superset as Json)[key], `${path}.${key}`));
  }
  return out;
}

describe('audiobookshelf stand-in: one item', () => {
  it('answers without expanded with authors[] and series[] but no authorName', async () => {
    const body = await read<ItemJson>(await api(`/items/${withProgress.id}`));
    expect(body.id).toBe(withProgress.id);
    expect(body.media.metadata.authors).toEqual(withProgress.authors);
    expect(Array.isArray(body.media.metadata.series)).toBe(true);
    expect(body.media.metadata).not.toHaveProperty('authorName');
    expect(body).toHaveProperty('libraryFiles');
    expect(body.media.libraryItemId).toBe(withProgress.id);
    expect(body).not.toHaveProperty('userMediaProgress');
  });

  it('answers expanded=1 with a superset of the minified item, with tracks and the plain description', async () => {
    const expanded = await read<ItemJson>(await api(`/items/${withProgress.id}?expanded=1`));
    const library = await read<{ results: ItemJson[] }>(
      await api(`/libraries/${withProgress.libraryId}/items`),
    );
    const minified = library.results.find((r) => r.id === withProgress.id);
    expect(missingKeys(minified, expanded)).toEqual([]);
    expect(expanded.media.metadata).toHaveProperty('authorName');
    expect(expanded.media.metadata).toHaveProperty('authors');
    expect(expanded.media.metadata).toHaveProperty('descriptionPlain');
    expect(expanded.media.tracks.length).toBe(expanded.media.audioFiles.length);
    expect(expanded.media.tracks[0]?.contentUrl).toBe(
      `/api/items/${withProgress.id}/file/${expanded.media.audioFiles[0]?.ino}`,
    );
  });

  it("adds the user's progress with include=progress, only when expanded", async () => {
    const row = alice.progress.find((p) => p.libraryItemId === withProgress.id);
    const body = await read<ItemJson>(await api(`/items/${withProgress.id}?expanded=1&include=progress`));
    expect(body.userMediaProgress?.id).toBe(row?.id);
    const none = await read<ItemJson>(await api(`/items/${withoutProgress.id}?expanded=1&include=progress`));
    expect(none.userMediaProgress).toBeNull();
    const notExpanded = await read<ItemJson>(await api(`/items/${withProgress.id}?include=progress`));
    expect(notExpanded).not.toHaveProperty('userMediaProgress');
  });

  it('serves podcasts with their episodes', async () => {
    const body = await read<ItemJson>(await api(`/items/${podcast.id}?expanded=1`));
    expect(body.mediaType).toBe('podcast');
    expect(body.media.episodes.map((e) => e.id)).toEqual(podcast.episodes.map((e) => e.id));
    expect(body.media.episodes[0]).toHaveProperty('audioTrack');
  });

  it('answers 404 for an unknown item and 403 without access to its library or to explicit content', async () => {
    const missing = await api('/items/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not Found');
    expect((await api(`/items/${podcast.id}`, 'carol')).status).toBe(403);
    expect((await api(`/items/${explicit.id}`, 'carol')).status).toBe(403);
    expect((await api(`/items/${explicit.id}`, 'alice')).status).toBe(200);
  });
});

describe('audiobookshelf stand-in: batch get', () => {
  function batch(body: unknown, username = 'alice'): Promise<Response> {
    return api('/items/batch/get', username, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it("returns expanded items in the server's order and skips unknown ids", async () => {
    const wanted = [items[5]?.id, 'unknown', items[1]?.id];
    const body = await read<{ libraryItems: ItemJson[] }>(await batch({ libraryItemIds: wanted }));
    expect(body.libraryItems.map((i) => i.id)).toEqual([items[1]?.id, items[5]?.id]);
    expect(body.libraryItems[0]).toHaveProperty('libraryFiles');
    expect(body.libraryItems[0]?.media).toHaveProperty('libraryItemId');
  });

  it('refuses a request without ids with 403 Invalid payload', async () => {
    for (const body of [{}, { libraryItemIds: [] }]) {
      const response = await batch(body);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('Invalid payload');
    }
  });

  it('does not check library access, as the server does not', async () => {
    const body = await read<{ libraryItems: ItemJson[] }>(
      await batch({ libraryItemIds: [podcast.id] }, 'carol'),
    );
    expect(body.libraryItems).toHaveLength(1);
  });

  it('answers 400 for a body that is not JSON, before authentication', async () => {
    const response = await fetch(`${server.origin}/api/items/batch/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
  });
});
