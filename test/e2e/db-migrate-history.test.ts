import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/database.ts';
import { runMigrations } from '../../src/core/db/migrate.ts';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-history-'));
  path = join(dir, 'shelfsync.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const createTable = (name: string): Migration => ({
  up: async (db) => {
    await db.schema.createTable(name).addColumn('id', 'integer').execute();
  },
});

function tableNames(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all();
  return rows.map((row) => (row as { name: string }).name).filter((name) => !name.startsWith('kysely_'));
}

describe('a schema history this shelfsync cannot continue', () => {
  it('names every migration from a newer version', async () => {
    const first = await openDatabase({ path });
    for (const name of ['998-from-the-future', '999-further-still']) {
      await first.db
        .insertInto('kysely_migration' as never)
        .values({ name, timestamp: new Date(0).toISOString() } as never)
        .execute();
    }
    await first.close();
    await expect(openDatabase({ path })).rejects.toMatchObject({
      message: expect.stringContaining('(schema 998-from-the-future, 999-further-still)'),
      code: 'database',
    });
  });

  it('refuses a migration that would run before one already applied, and changes nothing', async () => {
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await runMigrations(db, sqlite, { '002-beta': createTable('beta') });
      const error = await runMigrations(db, sqlite, {
        '001-alpha': createTable('alpha'),
        '002-beta': createTable('beta'),
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: 'database', service: 'shelfsync' });
      expect((error as Error).message).toMatch(
        /^could not update the database schema: corrupted migrations: .*002-beta.*; was it created by a newer shelfsync\?$/,
      );
      expect(tableNames(sqlite)).toEqual(['beta']);
      expect(sqlite.inTransaction).toBe(false);
    } finally {
      await db.destroy();
    }
  });
});
