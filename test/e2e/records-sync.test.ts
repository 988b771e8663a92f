import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsCollectionItem } from '../../sandbox/records/world.ts';
import { collectionStats } from '../../src/sync/records/stats.ts';
import {
  discogsCall,
  discogsStats,
  type RecordsWorld,
  recordsChecksum,
  resetDiscogsStats,
  runRecordsBridge,
  startRecordsWorld,
  syncRecordsOnce,
} from './fixtures/records-sandbox.ts';

const RECORDS = 1000;

interface StoredInstance {
  instanceId: number;
  releaseId: number;
  folderId: number;
  rating: number;
  dateAdded: string;
  notes: { field_id: number; value: string }[];
}

function storedInstances(world: RecordsWorld): StoredInstance[] {
  const rows = world.database.sqlite
    .prepare(
      'select instance_id, release_id, folder_id, rating, date_added from collection_instances order by instance_id',
    )
    .all() as {
    instance_id: number;
    release_id: number;
    folder_id: number;
    rating: number;
    date_added: string;
  }[];
  const notes = world.database.sqlite
    .prepare('select instance_id, field_id, value from instance_notes order by instance_id, field_id')
    .all() as { instance_id: number; field_id: number; value: string }[];
  return rows.map((row) => ({
    instanceId: row.instance_id,
    releaseId: row.release_id,
    folderId: row.folder_id,
    rating: row.rating,
    dateAdded: row.date_added,
    notes: notes
      .filter((note) => note.instance_id === row.instance_id)
      .map((note) => ({ field_id: note.field_id, value: note.value })),
  }));
}

function expected(items: readonly DiscogsCollectionItem[]): StoredInstance[] {
  return [...items]
    .sort((a, b) => a.instanceId - b.instanceId)
    .map((item) => ({
      instanceId: item.instanceId,
      releaseId: item.releaseId,
      folderId: item.folderId,
      rating: item.rating,
      dateAdded: item.dateAdded,
      notes: [...item.notes].sort((a, b) => a.field_id - b.field_id),
    }));
}

describe('records sync against the Discogs stand-in (seed 11, 1000 records)', () => {
  let world: RecordsWorld;
  let coldPages = 0;

  beforeAll(async () => {
    world = await startRecordsWorld({ seed: 11, records: RECORDS, rateScale: 100 });
  }, 60_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('cold: lists pages only, never a single release, and stores every instance as Discogs has it', async () => {
    const discogs = world.sandbox.worlds.records.discogs;
    const { records, exitCode } = await syncRecordsOnce(world);
    expect(exitCode).toBe(0);
    const stats = await discogsStats(world);
    const wantPages = Math.ceil(discogs.wantlist.length / 100);
    expect(stats.requests).toBeLessThanOrEqual(Math.ceil(RECORDS / 100) + wantPages + 3);
    expect(stats.routes['GET /releases/:release_id'] ?? 0).toBe(0);
    expect(stats.status['429'] ?? 0).toBe(0);
    expect(records).toMatchObject({
      added: discogs.collection.length,
      updated: 0,
      removed: 0,
      complete: true,
    });
    expect(records?.wantlist).toMatchObject({ added: discogs.wantlist.length, removed: 0 });
    coldPages = records?.pages ?? 0;

    expect(storedInstances(world)).toEqual(expected(discogs.collection));
    const folders = world.database.sqlite
      .prepare('select id, name from collection_folders order by id')
      .all();
    expect(folders).toEqual(
      [...discogs.folders].sort((a, b) => a.id - b.id).map(({ id, name }) => ({ id, name })),
    );
    const wants = world.database.sqlite
      .prepare('select release_id, rating, notes, date_added from wantlist order by release_id')
      .all();
    expect(wants).toEqual(
      [...discogs.wantlist]
        .sort((a, b) => a.releaseId - b.releaseId)
        .map((want) => ({
          release_id: want.releaseId,
          rating: want.rating,
          notes: want.notes,
          date_added: want.dateAdded,
        })),
    );
    const releases = world.database.sqlite.prepare('select count(*) from releases').pluck().get();
    const owned = new Set([
      ...discogs.collection.map((i) => i.releaseId),
      ...discogs.wantlist.map((w) => w.releaseId),
    ]);
    expect(releases).toBe(owned.size);
  }, 120_000);

  it('stores genres, styles, credits, labels and formats as rows, as listed', async () => {
    const discogs = world.sandbox.worlds.records.discogs;
    const release = discogs.releases.find(
      (r) =>
        r.styles.length > 1 && r.labels.length > 0 && discogs.collection.some((i) => i.releaseId === r.id),
    );
    expect(release).toBeDefined();
    if (!release) return;
    const sqlite = world.database.sqlite;
    expect(
      sqlite
        .prepare('select style from release_styles where release_id = ? order by position')
        .pluck()
        .all(release.id),
    ).toEqual(release.styles);
    expect(
      sqlite
        .prepare('select genre from release_genres where release_id = ? order by position')
        .pluck()
        .all(release.id),
    ).toEqual(release.genres);
    expect(
      sqlite
        .prepare('select artist_id from release_artists where release_id = ? and kind = ? order by position')
        .pluck()
        .all(release.id, 'main'),
    ).toEqual(release.artists.map((a) => a.id));
    expect(
      sqlite
        .prepare('select catno from release_labels where release_id = ? order by position')
        .pluck()
        .all(release.id),
    ).toEqual(release.labels.map((l) => l.catno));
    expect(
      sqlite
        .prepare('select name from release_formats where release_id = ? order by position')
        .pluck()
        .all(release.id),
    ).toEqual(release.formats.map((f) => f.name));
    const suffixed = sqlite
      .prepare("select name, display_name, name_suffix from artists where name like '% (_)' limit 1")
      .get() as { name: string; display_name: string; name_suffix: number } | undefined;
    if (suffixed) expect(`${suffixed.display_name} (${suffixed.name_suffix})`).toBe(suffixed.name);
  });

  it('records stats counts owned releases as the stand-in has them', async () => {
    const discogs = world.sandbox.worlds.records.discogs;
    const stats = await collectionStats(world.database.db, { top: 100 });
    const owned = new Set(discogs.collection.map((item) => item.releaseId));
    expect(stats.totals).toMatchObject({
      instances: discogs.collection.length,
      releases: owned.size,
      wantlist: discogs.wantlist.length,
      folders: discogs.folders.length,
    });
    const ownedReleases = discogs.releases.filter((release) => owned.has(release.id));
    for (const row of stats.genres) {
      expect(row.releases).toBe(ownedReleases.filter((release) => release.genres.includes(row.name)).length);
    }
    const decade = (year: number) => `${Math.floor(year / 10) * 10}s`;
    for (const row of stats.decades) {
      expect(row.releases).toBe(ownedReleases.filter((release) => decade(release.year) === row.name).length);
    }
    expect(stats.decades.reduce((sum, row) => sum + row.releases, 0)).toBe(owned.size);
  });

  it('re-run without changes: the same pages or fewer, and not one write', async () => {
    await resetDiscogsStats(world);
    const before = recordsChecksum(world.database);
    const { records } = await syncRecordsOnce(world);
    expect(records).toMatchObject({ added: 0, updated: 0, removed: 0, transactions: 0 });
    expect(records?.pages).toBeLessThanOrEqual(coldPages);
    expect(recordsChecksum(world.database)).toBe(before);
    const stats = await discogsStats(world);
    expect(stats.routes['GET /releases/:release_id'] ?? 0).toBe(0);

    // Seen from another connection: the bridge commits nothing at all.
    const watcher = new BetterSqlite3(world.database.path, { readonly: true });
    try {
      const version = watcher.pragma('data_version', { simple: true });
      await runRecordsBridge(world);
      expect(watcher.pragma('data_version', { simple: true })).toBe(version);
    } finally {
      watcher.close();
    }
  }, 120_000);

  it('remove 3 instances and add 5 on Discogs: exactly those changes', async () => {
    const username = world.sandbox.info.discogs.username;
    const listed = (await (await discogsCall(world, '/__sandbox/collection')).json()) as {
      instances: { instance_id: number; release_id: number; folder_id: number }[];
    };
    const removed = listed.instances.slice(10, 13);
    for (const instance of removed) {
      const response = await discogsCall(
        world,
        `/users/${username}/collection/folders/${instance.folder_id}/releases/${instance.release_id}/instances/${instance.instance_id}`,
        { method: 'DELETE' },
      );
      expect(response.status).toBe(204);
    }
    const releases = world.sandbox.worlds.records.discogs.releases.slice(0, 5);
    const added: number[] = [];
    for (const release of releases) {
      const response = await discogsCall(
        world,
        `/users/${username}/collection/folders/1/releases/${release.id}`,
        {
          method: 'POST',
        },
      );
      expect(response.status).toBe(201);
      added.push(((await response.json()) as { instance_id: number }).instance_id);
    }
    const before = storedInstances(world);
    const { records } = await syncRecordsOnce(world);
    expect(records).toMatchObject({ added: 5, updated: 0, removed: 3, complete: true });
    const after = storedInstances(world);
    const gone = new Set(removed.map((i) => i.instance_id));
    expect(after.filter((i) => !added.includes(i.instanceId))).toEqual(
      before.filter((i) => !gone.has(i.instanceId)),
    );
    expect(after.filter((i) => added.includes(i.instanceId)).map((i) => i.releaseId)).toEqual(
      releases.map((r) => r.id),
    );
    expect(world.database.sqlite.prepare('select count(*) from records_sync_state').pluck().get()).toBe(0);
  }, 120_000);

  it('dry run: reports what it would do and writes nothing', async () => {
    const username = world.sandbox.info.discogs.username;
    const release = world.sandbox.worlds.records.discogs.releases[6];
    await discogsCall(world, `/users/${username}/collection/folders/1/releases/${release?.id}`, {
      method: 'POST',
    });
    const before = recordsChecksum(world.database);
    const { records, report } = await syncRecordsOnce(world, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(records).toMatchObject({ added: 1, removed: 0, transactions: 0 });
    expect(recordsChecksum(world.database)).toBe(before);
  }, 120_000);
});
