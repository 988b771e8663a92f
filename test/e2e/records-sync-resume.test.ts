import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressSink } from '../../src/sync/bridge.ts';
import {
  discogsCall,
  discogsStats,
  type RecordsWorld,
  resetDiscogsStats,
  startRecordsWorld,
  syncRecordsOnce,
} from './fixtures/records-sandbox.ts';

/** Aborts the run once the collection phase has stored `pages` pages. */
function stopAfterPages(pages: number, controller: AbortController): ProgressSink {
  return {
    phase: (_bridge, name) => {
      let ticks = 0;
      return {
        tick: () => {
          ticks += 1;
          if (name === 'collection' && ticks >= pages) controller.abort();
        },
        done: () => {},
      };
    },
    note: () => {},
  };
}

function instanceIds(world: RecordsWorld): number[] {
  return world.database.sqlite
    .prepare('select instance_id from collection_instances order by instance_id')
    .pluck()
    .all() as number[];
}

describe('records sync: an interrupted pass resumes where it stopped', () => {
  let world: RecordsWorld | undefined;
  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  it('keeps the pages it stored, continues at the next page, then checks for removals', async () => {
    world = await startRecordsWorld({ seed: 11, records: 500, rateScale: 100 });
    const controller = new AbortController();
    const first = await syncRecordsOnce(world, {
      signal: controller.signal,
      progress: stopAfterPages(2, controller),
    });
    expect(first.records).toMatchObject({ added: 200, removed: 0, complete: false, pages: 2 });
    expect(instanceIds(world)).toHaveLength(200);
    const state = world.database.sqlite
      .prepare("select next_page from records_sync_state where list = 'collection'")
      .get();
    expect(state).toEqual({ next_page: 3 });

    await resetDiscogsStats(world);
    const second = await syncRecordsOnce(world);
    const collection = world.sandbox.worlds.records.discogs.collection;
    expect(second.records).toMatchObject({
      added: collection.length - 200,
      removed: 0,
      complete: true,
      resumedFromPage: 3,
      pages: Math.ceil(collection.length / 100) - 2,
    });
    const stats = await discogsStats(world);
    expect(stats.routes['GET /users/:username/collection/folders/:folder_id/releases']).toBe(
      second.records?.pages,
    );
    expect(instanceIds(world)).toEqual(collection.map((item) => item.instanceId).sort((a, b) => a - b));
    expect(world.database.sqlite.prepare('select count(*) from records_sync_seen').pluck().get()).toBe(0);
  }, 120_000);

  it('starts over when the collection changed since the interruption, and still finds removals', async () => {
    world = await startRecordsWorld({ seed: 11, records: 500, rateScale: 100 });
    const controller = new AbortController();
    await syncRecordsOnce(world, { signal: controller.signal, progress: stopAfterPages(2, controller) });
    const username = world.sandbox.info.discogs.username;
    const gone = world.sandbox.worlds.records.discogs.collection[5];
    const response = await discogsCall(
      world,
      `/users/${username}/collection/folders/${gone?.folderId}/releases/${gone?.releaseId}/instances/${gone?.instanceId}`,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(204);

    const second = await syncRecordsOnce(world);
    expect(second.records?.resumedFromPage).toBeUndefined();
    expect(second.records).toMatchObject({ removed: 1, complete: true });
    const expected = world.sandbox.worlds.records.discogs.collection
      .filter((item) => item.instanceId !== gone?.instanceId)
      .map((item) => item.instanceId)
      .sort((a, b) => a - b);
    expect(instanceIds(world)).toEqual(expected);
  }, 120_000);
});
