import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/database.ts';
import { reusingStatements } from '../../src/core/db/statement-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-stmt-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('prepared statements reused by SQL text', () => {
  it('hands back the statement already prepared for the same SQL, a new one for other SQL', () => {
    const sqlite = new BetterSqlite3(join(dir, 'a.db'));
    const connection = reusingStatements(sqlite);
    try {
      const first = connection.prepare('SELECT 1 AS one');
      expect(connection.prepare('SELECT 1 AS one')).toBe(first);
      expect(connection.prepare('SELECT 2 AS two')).not.toBe(first);
      expect(first.all([])).toEqual([{ one: 1 }]);
    } finally {
      connection.close();
    }
    expect(sqlite.open).toBe(false);
  });

  it('gives the same rows through Kysely when one statement runs with many parameter sets', async () => {
    const database = await openDatabase({ path: join(dir, 'b.db') });
    try {
      const { db } = database;
      for (let page = 0; page < 5; page++) {
        const rows = Array.from({ length: 3 }, (_, i) => ({
          namespace: 'stmt-test',
          key: `${page}-${i}`,
          value: JSON.stringify({ page, i }),
          expires_at: null,
          created_at: page,
        }));
        await database.transaction((trx) => trx.insertInto('cache_entries').values(rows).execute());
      }
      const keys = await db
        .selectFrom('cache_entries')
        .select('key')
        .where('namespace', '=', 'stmt-test')
        .orderBy('key')
        .execute();
      expect(keys.map((row) => row.key)).toEqual(
        Array.from({ length: 15 }, (_, n) => `${Math.floor(n / 3)}-${n % 3}`),
      );
    } finally {
      await database.close();
    }
  });
});
