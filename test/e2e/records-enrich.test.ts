import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsTrack } from '../../sandbox/records/world.ts';
import { silentProgress } from '../../src/sync/bridge.ts';
import { enrichReleases } from '../../src/sync/records/enrich.ts';
import { enrichCollection } from '../../src/sync/records/enrich-collection.ts';
import { createDiscogsClient } from '../../src/upstream/discogs/client.ts';
import { repoRoot } from '../helpers/cli.ts';
import {
  discogsStats,
  type RecordsWorld,
  resetDiscogsStats,
  startRecordsWorld,
  syncRecordsOnce,
} from './fixtures/records-sandbox.ts';

interface FlatTrack {
  seq: number;
  parent_seq: number | null;
  type: string;
  position: string;
  title: string;
  duration: string;
}

/** The stand-in's tracklist flattened the way it is stored: sub-tracks right after their index. */
function flatten(tracklist: readonly DiscogsTrack[]): FlatTrack[] {
  const out: FlatTrack[] = [];
  const add = (track: DiscogsTrack, parent: number | null) => {
    const seq = out.length + 1;
    out.push({
      seq,
      parent_seq: parent,
      type: track.type_,
      position: track.position,
      title: track.title,
      duration: track.duration,
    });
    for (const sub of track.sub_tracks ?? []) add(sub, seq);
  };
  for (const track of tracklist) add(track, null);
  return out;
}

function storedTracks(sqlite: BetterSqlite3.Database, releaseId: number): FlatTrack[] {
  return sqlite
    .prepare(
      'select seq, parent_seq, type, position, title, duration from release_tracks where release_id = ? order by seq',
    )
    .all(releaseId) as FlatTrack[];
}

function enrichedIds(sqlite: BetterSqlite3.Database): number[] {
  return sqlite
    .prepare("select id from releases where tracklist_status = 'ok' order by id")
    .pluck()
    .all() as number[];
}

/** `shelfsync ...` as a child process, without blocking this process (which serves the sandbox). */
function cli(args: string[], home: string) {
  const child = spawn(process.execPath, ['bin/shelfsync.js', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout })),
  );
  return { child, exited };
}

describe('records enrich against the Discogs stand-in', () => {
  let world: RecordsWorld;

  beforeAll(async () => {
    world = await startRecordsWorld({ seed: 11, records: 1000, rateScale: 100 });
    await syncRecordsOnce(world);
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('--limit 100 makes exactly 100 requests, one per release, and stores each tracklist as Discogs has it', async () => {
    await resetDiscogsStats(world);
    const client = createDiscogsClient(world.config.records?.discogs ?? { url: '', token: '' });
    try {
      const result = await enrichCollection(
        { database: world.database, client, clock: world.database.clock },
        { limit: 100, progress: silentProgress },
      );
      expect(result).toMatchObject({ fetched: 100, failed: [], requests: 100 });
    } finally {
      await client.close();
    }
    const stats = await discogsStats(world);
    expect(stats.requests).toBe(100);
    expect(stats.routes['GET /releases/:release_id']).toBe(100);
    expect(stats.status['429'] ?? 0).toBe(0);

    const releases = new Map(
      world.sandbox.worlds.records.discogs.releases.map((release) => [release.id, release]),
    );
    const enriched = enrichedIds(world.database.sqlite);
    expect(enriched).toHaveLength(100);
    let headings = 0;
    let subTracks = 0;
    let positionless = 0;
    for (const id of enriched) {
      const expected = flatten(releases.get(id)?.tracklist ?? []);
      expect(storedTracks(world.database.sqlite, id)).toEqual(expected);
      headings += expected.filter((t) => t.type === 'heading').length;
      subTracks += expected.filter((t) => t.parent_seq !== null).length;
      positionless += expected.filter((t) => t.type === 'track' && t.position === '').length;
    }
    // The sample really covers the awkward cases.
    expect(headings).toBeGreaterThan(0);
    expect(subTracks).toBeGreaterThan(0);
    expect(positionless).toBeGreaterThan(0);
  }, 180_000);

  it('asks nothing for releases that already have a tracklist', async () => {
    await resetDiscogsStats(world);
    const client = createDiscogsClient(world.config.records?.discogs ?? { url: '', token: '' });
    try {
      const ids = enrichedIds(world.database.sqlite).slice(0, 20);
      const result = await enrichReleases(
        { database: world.database, client, clock: world.database.clock },
        ids,
      );
      expect(result).toMatchObject({ alreadyFetched: 20, fetched: 0 });
    } finally {
      await client.close();
    }
    expect((await discogsStats(world)).requests).toBe(0);
  });

  it('a query picks what to enrich', async () => {
    const client = createDiscogsClient(world.config.records?.discogs ?? { url: '', token: '' });
    try {
      const result = await enrichCollection(
        { database: world.database, client, clock: world.database.clock },
        { query: 'genre = Jazz and year in 1960..1969', progress: silentProgress },
      );
      expect(result.selected).toBeGreaterThan(0);
      expect(result.remaining).toBe(0);
    } finally {
      await client.close();
    }
    const missing = world.database.sqlite
      .prepare(
        `select count(*) from releases r join release_genres g on g.release_id = r.id
         where g.genre = 'Jazz' and r.year between 1960 and 1969 and r.tracklist_fetched_at is null
         and r.id in (select release_id from collection_instances)`,
      )
      .pluck()
      .get();
    expect(missing).toBe(0);
  }, 180_000);

  it('killed half-way, the CLI continues where it stopped with no duplicate tracks', async () => {
    const config = world.sandbox.info.config;
    const home = world.dir;
    const sync = await cli(['records', 'sync', '--config', config], home).exited;
    expect(sync.code).toBe(0);
    const watcher = new BetterSqlite3(`${world.sandbox.info.dir}/shelfsync.db`, { readonly: true });
    try {
      const first = cli(['records', 'enrich', '--config', config, '--limit', '120'], home);
      const deadline = Date.now() + 120_000;
      let done = 0;
      while (Date.now() < deadline) {
        done = watcher
          .prepare('select count(*) from releases where tracklist_fetched_at is not null')
          .pluck()
          .get() as number;
        if (done >= 30) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(done).toBeGreaterThanOrEqual(30);
      first.child.kill('SIGKILL');
      await first.exited;
      const afterKill = enrichedIds(watcher);
      expect(afterKill.length).toBeLessThan(120);

      await resetDiscogsStats(world);
      const second = await cli(['records', 'enrich', '--config', config, '--limit', '120', '--json'], home)
        .exited;
      expect(second.code).toBe(0);
      const result = JSON.parse(second.stdout) as { fetched: number; requests: number };
      expect(result.fetched).toBe(120);
      expect((await discogsStats(world)).routes['GET /releases/:release_id']).toBe(120);
      const all = enrichedIds(watcher);
      expect(all).toHaveLength(afterKill.length + 120);
      expect(afterKill.every((id) => all.includes(id))).toBe(true);
      const duplicates = watcher
        .prepare(
          'select count(*) from (select release_id, position, title, count(*) c from release_tracks group by release_id, seq having c > 1)',
        )
        .pluck()
        .get();
      expect(duplicates).toBe(0);
      const releases = new Map(
        world.sandbox.worlds.records.discogs.releases.map((release) => [release.id, release]),
      );
      for (const id of all)
        expect(storedTracks(watcher, id)).toEqual(flatten(releases.get(id)?.tracklist ?? []));
    } finally {
      watcher.close();
    }
  }, 300_000);
});
