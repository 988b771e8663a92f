import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/core/db/database.ts';

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-trx-'));
  database = await openDatabase({ path: join(dir, 'shelfsync.db') });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function metaKeys(): Promise<string[]> {
  const rows = await database.db.selectFrom('meta').select('key').orderBy('key').execute();
  return rows.map((row) => row.key);
}

describe('Database.transaction', () => {
  it('commits everything when the function resolves and returns its result', async () => {
    const result = await database.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'a', value: '1' }).execute();
      await trx.insertInto('meta').values({ key: 'b', value: '2' }).execute();
      return 'done';
    });
    expect(result).toBe('done');
    expect(await metaKeys()).toEqual(['a', 'b']);
  });

  it('rolls back every write when the function throws, and rethrows', async () => {
    await database.db.insertInto('meta').values({ key: 'before', value: 'kept' }).execute();
    const failure = database.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'a', value: '1' }).execute();
      await trx.updateTable('meta').set({ value: 'changed' }).where('key', '=', 'before').execute();
      await trx
        .insertInto('runs')
        .values({ started_at: 1, command: 'sync', finished_at: null, ok: null, report_json: null })
        .execute();
      throw new Error('boom');
    });
    await expect(failure).rejects.toThrow('boom');
    expect(await metaKeys()).toEqual(['before']);
    expect(await database.db.selectFrom('meta').select('value').executeTakeFirst()).toEqual({
      value: 'kept',
    });
    expect(await database.db.selectFrom('runs').selectAll().execute()).toEqual([]);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it('rolls back when a statement inside fails', async () => {
    const failure = database.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'a', value: '1' }).execute();
      await trx.insertInto('meta').values({ key: 'a', value: 'duplicate' }).execute();
    });
    await expect(failure).rejects.toThrow(/UNIQUE/);
    expect(await metaKeys()).toEqual([]);
  });

  it('keeps concurrent transactions apart: one failing does not undo or absorb the other', async () => {
    let releaseFailing: () => void = () => {};
    const failingMayContinue = new Promise<void>((resolve) => {
      releaseFailing = resolve;
    });
    const failing = database.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'failing', value: '1' }).execute();
      await failingMayContinue;
      throw new Error('late failure');
    });
    // Started while the first is open: Kysely's single-connection mutex must queue it, not interleave it.
    const succeeding = database.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'succeeding', value: '1' }).execute();
      return 'ok';
    });
    const outsideWrite = database.db.insertInto('meta').values({ key: 'outside', value: '1' }).execute();
    releaseFailing();
    await expect(failing).rejects.toThrow('late failure');
    await expect(succeeding).resolves.toBe('ok');
    await outsideWrite;
    expect(await metaKeys()).toEqual(['outside', 'succeeding']);
  });

  it('lets close wait for a transaction still in flight, then commits it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inFlight = database.transaction(async (trx) => {
      await gate;
      await trx.insertInto('meta').values({ key: 'late', value: '1' }).execute();
    });
    const closing = database.close();
    await expect(database.transaction(async () => 1)).rejects.toThrow(/closed/);
    release();
    await inFlight;
    await closing;
    expect(database.sqlite.open).toBe(false);

    const reopened = await openDatabase({ path: join(dir, 'shelfsync.db') });
    try {
      expect(await reopened.db.selectFrom('meta').select('key').execute()).toEqual([{ key: 'late' }]);
    } finally {
      await reopened.close();
    }
  });
});
