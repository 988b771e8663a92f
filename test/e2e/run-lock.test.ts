import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';
import { acquireRunLock, STALE_AFTER_MS } from '../../src/sync/run-lock.ts';
import { emptyConfig, silentLogger, withDatabase } from '../helpers/platform.ts';

const base = { command: 'sync', dryRun: false, logger: silentLogger };

async function lockRows(database: Parameters<Parameters<typeof withDatabase>[1]>[0]) {
  return database.db.selectFrom('run_lock').selectAll().execute();
}

describe('run lock (one run per database)', () => {
  it('lets one holder in; a second waits, then fails naming the holder; release frees it', async () => {
    const { database: path } = emptyConfig();
    await withDatabase(path, async (database) => {
      const lock = await acquireRunLock(database, { ...base, waitMs: 0 });
      const refused = await acquireRunLock(database, { ...base, waitMs: 300 }).catch((error) => error);
      const known = findShelfsyncError(refused);
      expect(known?.code).toBe('conflict');
      expect(known?.message).toContain(`pid ${process.pid}`);
      expect(known?.message).toContain(path);
      await lock.release();
      expect(await lockRows(database)).toEqual([]);
      const again = await acquireRunLock(database, { ...base, waitMs: 0 });
      await again.release();
    });
  });

  it('gives the lock to exactly one of two connections racing for it', async () => {
    const { database: path } = emptyConfig();
    await withDatabase(path, (first) =>
      withDatabase(path, async (second) => {
        const results = await Promise.allSettled([
          acquireRunLock(first, { ...base, waitMs: 0 }),
          acquireRunLock(second, { ...base, waitMs: 0 }),
        ]);
        const won = results.filter((result) => result.status === 'fulfilled');
        expect(won).toHaveLength(1);
        await (won[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
      }),
    );
  });

  it('takes over a lock whose process is gone from this host', async () => {
    const { database: path } = emptyConfig();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await withDatabase(path, async (database) => {
      const now = Date.now();
      await database.db
        .insertInto('run_lock')
        .values({
          id: 1,
          owner: 'dead',
          pid: gone,
          host: hostname(),
          command: 'sync',
          acquired_at: now,
          heartbeat_at: now,
        })
        .execute();
      const lock = await acquireRunLock(database, { ...base, waitMs: 0 });
      expect((await lockRows(database))[0]?.pid).toBe(process.pid);
      await lock.release();
    });
  });

  it('takes over a lock from another host only once its heartbeat is stale', async () => {
    const { database: path } = emptyConfig();
    const clock = new ManualClock(1_000_000);
    await withDatabase(path, async (database) => {
      await database.db
        .insertInto('run_lock')
        .values({
          id: 1,
          owner: 'far',
          pid: 1,
          host: 'elsewhere',
          command: 'daemon',
          acquired_at: clock.now(),
          heartbeat_at: clock.now(),
        })
        .execute();
      clock.advance(STALE_AFTER_MS);
      const fresh = await acquireRunLock(database, { ...base, clock, waitMs: 0 }).catch((error) => error);
      expect(findShelfsyncError(fresh)?.code).toBe('conflict');
      clock.advance(1);
      const lock = await acquireRunLock(database, { ...base, clock, waitMs: 0 });
      expect((await lockRows(database))[0]?.owner).not.toBe('far');
      await lock.release();
    });
  });

  it('in a dry run writes nothing, and waits for a real run holding the database', async () => {
    const { database: path } = emptyConfig();
    await withDatabase(path, async (database) => {
      const changes = () => database.sqlite.prepare('select total_changes() as n').get() as { n: number };
      const before = changes().n;
      const dry = await acquireRunLock(database, { ...base, dryRun: true, waitMs: 0 });
      await dry.release();
      expect(changes().n).toBe(before);
      expect(await lockRows(database)).toEqual([]);
      const real = await acquireRunLock(database, { ...base, waitMs: 0 });
      const refused = await acquireRunLock(database, { ...base, dryRun: true, waitMs: 100 }).catch((e) => e);
      expect(findShelfsyncError(refused)?.code).toBe('conflict');
      await real.release();
    });
  });
});
