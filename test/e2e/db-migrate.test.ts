import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../src/core/db/database.ts';
import { runMigrations } from '../../src/core/db/migrate.ts';
import { migrations } from '../../src/core/db/migrations/index.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-migrate-'));
  path = join(dir, 'shelfsync.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function connect() {
  const sqlite = new BetterSqlite3(path);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

const createAlpha: Migration = {
  up: async (db) => {
    await db.schema
      .createTable('alpha')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .execute();
  },
};

const createBetaThenFail: Migration = {
  up: async (db) => {
    await db.schema.createTable('beta').addColumn('id', 'integer').execute();
    throw new Error('second step broke');
  },
};

function tableNames(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all();
  return rows.map((row) => (row as { name: string }).name);
}

describe('runMigrations', () => {
  it('runs migrations in name order and records each once', async () => {
    const { sqlite, db } = connect();
    try {
      const order: string[] = [];
      const track = (name: string): Migration => ({
        up: async () => {
          order.push(name);
        },
      });
      const list = { '002-second': track('002'), '001-first': track('001') };
      expect(await runMigrations(db, sqlite, list)).toEqual({ applied: ['001-first', '002-second'] });
      expect(await runMigrations(db, sqlite, list)).toEqual({ applied: [] });
      expect(order).toEqual(['001', '002']);
    } finally {
      await db.destroy();
    }
  });

  it('leaves no trace of a batch in which one migration fails', async () => {
    const { sqlite, db } = connect();
    try {
      const failure = await runMigrations(db, sqlite, {
        '001-alpha': createAlpha,
        '002-beta': createBetaThenFail,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ShelfsyncError);
      expect((failure as ShelfsyncError).code).toBe('database');
      expect((failure as Error).message).toBe(
        'could not update the database schema (migration 002-beta failed: second step broke); nothing was changed',
      );
      expect((failure as ShelfsyncError).service).toBe('shelfsync');
      expect(sqlite.inTransaction).toBe(false);
      expect(tableNames(sqlite).filter((name) => !name.startsWith('kysely_'))).toEqual([]);

      // Fixed later: the whole batch applies from scratch.
      expect(await runMigrations(db, sqlite, { '001-alpha': createAlpha })).toEqual({
        applied: ['001-alpha'],
      });
      expect(tableNames(sqlite)).toContain('alpha');
    } finally {
      await db.destroy();
    }
  });

  it('refuses a database migrated by a newer version, naming the problem', async () => {
    const first = await openDatabase({ path });
    await first.db
      .insertInto('kysely_migration' as never)
      .values({ name: '999-from-the-future', timestamp: new Date(0).toISOString() } as never)
      .execute();
    await first.close();
    await expect(openDatabase({ path })).rejects.toMatchObject({
      message:
        `the database at ${path} was written by a newer shelfsync (schema 999-from-the-future); ` +
        'upgrade shelfsync or point database.path at another file; the file was left untouched',
      code: 'database',
      service: 'shelfsync',
    });
  });

  it('opens an up-to-date database while another connection holds the write lock', async () => {
    await (await openDatabase({ path })).close();
    const writer = new BetterSqlite3(path);
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.exec("insert into meta (key, value) values ('busy', 'yes')");
      // Needing the write lock here would fail with "database is locked" once busy_timeout ran out.
      const reader = await openDatabase({ path });
      try {
        expect(reader.appliedMigrations).toEqual([]);
        expect(await reader.db.selectFrom('meta').selectAll().execute()).toEqual([]);
      } finally {
        await reader.close();
      }
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('lets two processes open a fresh file at once without applying anything twice', async () => {
    const children = [openInChildProcess(), openInChildProcess()];
    // Both have loaded the code; release them together so their opens overlap as closely as possible.
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();

    const applied = (await Promise.all(children.map((child) => child.applied))).flat();
    const every = Object.keys(migrations);
    expect(applied).toEqual(every);
    const check = new BetterSqlite3(path, { readonly: true });
    try {
      const names = check.prepare('select name from kysely_migration order by name').pluck().all();
      expect(names).toEqual(every);
    } finally {
      check.close();
    }
  });
});

const databaseModule = new URL('../../src/core/db/database.ts', import.meta.url).href;

/** A separate Node process that opens the database when told to and reports the migrations it applied. */
function openInChildProcess(): { ready: Promise<void>; go: () => void; applied: Promise<string[]> } {
  const script = [
    `const { openDatabase } = await import(${JSON.stringify(databaseModule)});`,
    "const { once } = await import('node:events');",
    "process.stdout.write('ready\\n');",
    "await once(process.stdin, 'data');",
    `const database = await openDatabase({ path: ${JSON.stringify(path)} });`,
    'process.stdout.write(JSON.stringify(database.appliedMigrations) + "\\n");',
    'await database.close();',
    'process.exit(0);',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '--eval', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output: string[] = [];
  lines.on('line', (line) => output.push(line));
  const applied = new Promise<string[]>((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(z.array(z.string()).parse(JSON.parse(output.at(-1) ?? 'null')));
    });
  });
  // Whichever settles first: the ready line, or the child dying before it (surfaced through `applied`).
  const ready = Promise.race([
    new Promise<void>((resolve) => {
      lines.once('line', () => resolve());
    }),
    applied.then(() => undefined),
  ]);
  return { ready, go: () => child.stdin.end('go\n'), applied };
}
