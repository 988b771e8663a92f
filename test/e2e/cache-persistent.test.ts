import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PersistentCache } from '../../src/core/cache/persistent-cache.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';

const MINUTE = 60_000;
const Edition = z.object({ id: z.number(), title: z.string() });
const Tracklist = z.array(z.object({ position: z.string(), title: z.string() }));

let dir: string;
let path: string;
let database: Database;
let clock: ManualClock;
let cache: PersistentCache;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-cache-'));
  path = join(dir, 'shelfsync.db');
  clock = new ManualClock();
  database = await openDatabase({ path, clock });
  cache = new PersistentCache({ db: database.db, clock });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PersistentCache expiry', () => {
  it('hits before the TTL runs out and misses from the moment it does', async () => {
    await cache.set('matches', 'abs-1', { id: 7, title: 'Dune' }, 10 * MINUTE);
    clock.advance(10 * MINUTE - 1);
    expect(await cache.get('matches', 'abs-1', Edition)).toEqual({ id: 7, title: 'Dune' });
    clock.advance(1);
    expect(await cache.get('matches', 'abs-1', Edition)).toBeUndefined();
  });

  it('deletes an expired entry when it is looked up', async () => {
    await cache.set('matches', 'abs-1', { id: 7, title: 'Dune' }, MINUTE);
    clock.advance(2 * MINUTE);
    await cache.get('matches', 'abs-1', Edition);
    expect(await database.db.selectFrom('cache_entries').selectAll().execute()).toEqual([]);
  });

  it('never expires permanent entries', async () => {
    const tracks = [{ position: 'A1', title: 'So What' }];
    await cache.set('tracklists', 'release-1', tracks, null);
    clock.advance(20 * 365 * 24 * 60 * MINUTE);
    expect(await cache.purgeExpired()).toBe(0);
    expect(await cache.get('tracklists', 'release-1', Tracklist)).toEqual(tracks);
  });

  it('replaces an entry on set, with a fresh lifetime and hit count', async () => {
    await cache.set('matches', 'abs-1', { id: 1, title: 'Old' }, MINUTE);
    await cache.get('matches', 'abs-1', Edition);
    clock.advance(50_000);
    await cache.set('matches', 'abs-1', { id: 2, title: 'New' }, MINUTE);
    clock.advance(50_000);
    expect(await cache.get('matches', 'abs-1', Edition)).toEqual({ id: 2, title: 'New' });
    const row = await database.db
      .selectFrom('cache_entries')
      .select(['hits', 'created_at'])
      .executeTakeFirst();
    expect(row).toEqual({ hits: 1, created_at: clock.now() - 50_000 });
  });

  it('purges only expired entries', async () => {
    await cache.set('searches', 'short', 'a', MINUTE);
    await cache.set('searches', 'long', 'b', 10 * MINUTE);
    await cache.set('tracklists', 'forever', [], null);
    clock.advance(5 * MINUTE);
    expect(await cache.purgeExpired()).toBe(1);
    const keys = await database.db.selectFrom('cache_entries').select('key').orderBy('key').execute();
    expect(keys.map((row) => row.key)).toEqual(['forever', 'long']);
  });

  it('survives closing and reopening the database', async () => {
    await cache.set('identities', 'discogs', { id: 3, title: 'me' }, null);
    await database.close();
    database = await openDatabase({ path, clock });
    cache = new PersistentCache({ db: database.db, clock });
    expect(await cache.get('identities', 'discogs', Edition)).toEqual({ id: 3, title: 'me' });
  });
});

describe('PersistentCache values', () => {
  it('keeps a cached null apart from a miss, so "not found" can be remembered', async () => {
    await cache.set('searches', 'no-such-book', null, MINUTE);
    expect(await cache.get('searches', 'no-such-book', Edition.nullable())).toBeNull();
    expect(await cache.get('searches', 'never-asked', Edition.nullable())).toBeUndefined();
  });

  it('treats a row that no longer fits the schema as a miss and deletes it', async () => {
    await cache.set('matches', 'abs-1', { id: 'seven' }, MINUTE);
    expect(await cache.get('matches', 'abs-1', Edition)).toBeUndefined();
    expect(await cache.delete('matches', 'abs-1')).toBe(false);
  });

  it('treats a row that is not JSON as a miss and deletes it', async () => {
    await database.db
      .insertInto('cache_entries')
      .values({ namespace: 'matches', key: 'broken', value: '{not json', expires_at: null, created_at: 0 })
      .execute();
    expect(await cache.get('matches', 'broken', z.unknown())).toBeUndefined();
    expect(await database.db.selectFrom('cache_entries').selectAll().execute()).toEqual([]);
  });

  it('applies schema transforms on the way out', async () => {
    await cache.set('searches', 'k', '42', MINUTE);
    expect(await cache.get('searches', 'k', z.string().transform(Number))).toBe(42);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a TTL of %s', async (ttl) => {
    await expect(cache.set('searches', 'k', 1, ttl)).rejects.toBeInstanceOf(ShelfsyncError);
    await expect(cache.set('searches', 'k', 1, ttl)).rejects.toMatchObject({
      message: `cache ttl must be a positive integer or null, got ${ttl}`,
      code: 'internal',
      service: 'shelfsync',
    });
  });

  it('rejects values that have no JSON form', async () => {
    await expect(cache.set('searches', 'k', undefined, MINUTE)).rejects.toThrow(/cannot cache/);
    await expect(cache.set('searches', 'k', () => 1, MINUTE)).rejects.toThrow(/cannot cache/);
  });

  it('keeps namespaces apart', async () => {
    await cache.set('matches', 'k', 'match', null);
    await cache.set('searches', 'k', 'search', null);
    expect(await cache.get('matches', 'k', z.string())).toBe('match');
    expect(await cache.get('searches', 'k', z.string())).toBe('search');
  });
});

describe('PersistentCache clear and delete', () => {
  beforeEach(async () => {
    await cache.set('matches', 'a', 1, null);
    await cache.set('matches', 'b', 2, null);
    await cache.set('tracklists', 'c', 3, null);
  });

  it('deletes one entry', async () => {
    expect(await cache.delete('matches', 'a')).toBe(true);
    expect(await cache.get('matches', 'a', z.number())).toBeUndefined();
    expect(await cache.get('matches', 'b', z.number())).toBe(2);
  });

  it('clears one namespace and leaves the others', async () => {
    expect(await cache.clear('matches')).toBe(2);
    expect(await cache.get('matches', 'b', z.number())).toBeUndefined();
    expect(await cache.get('tracklists', 'c', z.number())).toBe(3);
  });

  it('clears every namespace', async () => {
    expect(await cache.clear()).toBe(3);
    expect(await database.db.selectFrom('cache_entries').selectAll().execute()).toEqual([]);
  });

  it('restarts the hit counters of the namespaces it clears', async () => {
    await cache.get('matches', 'a', z.number());
    await cache.get('tracklists', 'c', z.number());
    await cache.clear('matches');
    const stats = await cache.stats();
    expect(stats.map((row) => row.namespace)).toEqual(['tracklists']);
    expect(stats[0]).toMatchObject({ hits: 1, totalHits: 1 });
    await cache.clear();
    expect(await cache.stats()).toEqual([]);
  });

  it('counts from zero in a namespace filled again after it was cleared', async () => {
    await cache.get('matches', 'a', z.number());
    await cache.get('tracklists', 'c', z.number());
    await cache.clear('matches');
    await cache.set('matches', 'a', 1, null);
    expect(await cache.stats()).toEqual([
      expect.objectContaining({ namespace: 'matches', hits: 0, totalHits: 0 }),
      expect.objectContaining({ namespace: 'tracklists', hits: 1, totalHits: 1 }),
    ]);
    await cache.clear();
    await cache.set('tracklists', 'c', 3, null);
    expect(await cache.stats()).toEqual([
      expect.objectContaining({ namespace: 'tracklists', hits: 0, totalHits: 0 }),
    ]);
  });

  it('gives the share of lookups that hit', async () => {
    await cache.get('matches', 'a', z.number());
    await cache.get('matches', 'missing', z.number());
    await cache.get('tracklists', 'c', z.number());
    expect(await cache.stats()).toEqual([
      expect.objectContaining({ namespace: 'matches', totalHits: 1, totalMisses: 1, hitRate: 0.5 }),
      expect.objectContaining({ namespace: 'tracklists', totalHits: 1, totalMisses: 0, hitRate: 1 }),
    ]);
  });

  it('clears nothing for an unknown namespace', async () => {
    expect(await cache.clear('nope')).toBe(0);
  });
});

describe('PersistentCache stats', () => {
  it('reports entries, expired entries, bytes and hit/miss counters per namespace', async () => {
    expect(await cache.stats()).toEqual([]);
    await cache.set('matches', 'ab', { id: 1, title: 'x' }, MINUTE);
    await cache.set('matches', 'cd', 'é', 10 * MINUTE);
    await cache.set('tracklists', 'r1', [], null);
    clock.advance(2 * MINUTE);

    await cache.get('matches', 'cd', z.string());
    await cache.get('matches', 'cd', z.string());
    await cache.get('matches', 'missing', z.string());
    await cache.get('searches', 'missing', z.string());

    const bytes = (key: string, value: unknown) =>
      Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
    expect(await cache.stats()).toEqual([
      {
        namespace: 'matches',
        entries: 2,
        expired: 1,
        bytes: bytes('ab', { id: 1, title: 'x' }) + bytes('cd', 'é'),
        hits: 2,
        misses: 1,
        totalHits: 2,
        totalMisses: 1,
        hitRate: 2 / 3,
      },
      {
        namespace: 'searches',
        entries: 0,
        expired: 0,
        bytes: 0,
        hits: 0,
        misses: 1,
        totalHits: 0,
        totalMisses: 1,
        hitRate: 0,
      },
      {
        namespace: 'tracklists',
        entries: 1,
        expired: 0,
        bytes: bytes('r1', []),
        hits: 0,
        misses: 0,
        totalHits: 0,
        totalMisses: 0,
        hitRate: null,
      },
    ]);
  });

  it('keeps lifetime counters across processes while per-process counters start at zero', async () => {
    await cache.set('matches', 'k', 1, null);
    await cache.get('matches', 'k', z.number());
    await cache.get('matches', 'nope', z.number());

    const nextRun = new PersistentCache({ db: database.db, clock });
    await nextRun.get('matches', 'k', z.number());
    const [matches] = await nextRun.stats();
    expect(matches).toMatchObject({ hits: 1, misses: 0, totalHits: 2, totalMisses: 1 });
    const entry = await database.db.selectFrom('cache_entries').select('hits').executeTakeFirst();
    expect(entry).toEqual({ hits: 2 });
  });
});
