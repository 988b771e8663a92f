import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryCache, type MemoryCache } from '../../src/core/cache/memory-cache.ts';
import { PersistentCache } from '../../src/core/cache/persistent-cache.ts';
import { TieredCache } from '../../src/core/cache/tiered-cache.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { type Database, openDatabase } from '../../src/core/db/database.ts';

const Match = z.object({ editionId: z.number() }).nullable();
type Match = z.infer<typeof Match>;

let dir: string;
let database: Database;
let clock: ManualClock;
let persistent: PersistentCache;
let memory: MemoryCache<Match>;
let tiered: TieredCache<Match>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-tiered-'));
  clock = new ManualClock();
  database = await openDatabase({ path: join(dir, 'shelfsync.db'), clock });
  persistent = new PersistentCache({ db: database.db, clock });
  memory = createMemoryCache<Match>({ name: 'matches', max: 100, ttlMs: 60_000, clock });
  tiered = new TieredCache({ memory, persistent, namespace: 'matches', schema: Match, ttlMs: 3_600_000 });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TieredCache', () => {
  it('writes through to the database and answers repeats from memory', async () => {
    await tiered.set('abs-1', { editionId: 9 });
    expect(await tiered.get('abs-1')).toEqual({ editionId: 9 });
    expect(await tiered.get('abs-1')).toEqual({ editionId: 9 });
    expect(memory.stats()).toMatchObject({ hits: 2, misses: 0 });
    const [stats] = await persistent.stats();
    expect(stats).toMatchObject({ namespace: 'matches', entries: 1, hits: 0, misses: 0 });
  });

  it('falls back to the database when memory has forgotten, and refills memory', async () => {
    await tiered.set('abs-1', { editionId: 9 });
    clock.advance(60_001);
    expect(await tiered.get('abs-1')).toEqual({ editionId: 9 });
    expect(await tiered.get('abs-1')).toEqual({ editionId: 9 });
    expect(memory.stats()).toMatchObject({ hits: 1, misses: 1 });
    expect((await persistent.stats())[0]).toMatchObject({ hits: 1, misses: 0 });
  });

  it('remembers a null answer in both levels', async () => {
    await tiered.set('abs-unknown', null);
    memory.clear();
    expect(await tiered.get('abs-unknown')).toBeNull();
    expect(await tiered.get('abs-unknown')).toBeNull();
    expect(memory.stats().hits).toBe(1);
  });

  it('misses when neither level has the key, and delete removes it from both', async () => {
    expect(await tiered.get('nothing')).toBeUndefined();
    expect(memory.has('nothing')).toBe(false);
    await tiered.set('abs-1', { editionId: 9 });
    await tiered.delete('abs-1');
    expect(memory.has('abs-1')).toBe(false);
    expect(await tiered.get('abs-1')).toBeUndefined();
  });
});
