import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.ts';
import { type Database, describeOpenFailure, openDatabase } from '../../src/core/db/database.ts';
import { migrations } from '../../src/core/db/migrations/index.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';

let dir: string;
const opened: Database[] = [];

async function open(path = join(dir, 'shelfsync.db')): Promise<Database> {
  const database = await openDatabase({ path });
  opened.push(database);
  return database;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-db-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates missing parent folders and the file', async () => {
    const path = join(dir, 'nested', 'deeper', 'shelfsync.db');
    const database = await open(path);
    expect(database.path).toBe(path);
    expect(database.sqlite.name).toBe(path);
  });

  it('applies every migration on the first open and none on the second', async () => {
    const path = join(dir, 'shelfsync.db');
    const first = await open(path);
    expect(first.appliedMigrations).toEqual(Object.keys(migrations));
    await first.close();

    const second = await open(path);
    expect(second.appliedMigrations).toEqual([]);
    const rows = second.sqlite.prepare('select name from kysely_migration order by name').all();
    expect(rows).toEqual(Object.keys(migrations).map((name) => ({ name })));
  });

  it('creates the foundation tables with their keys', async () => {
    const { db, sqlite } = await open();
    const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual(expect.arrayContaining(['cache_counters', 'cache_entries', 'meta', 'runs']));

    await db.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
    await expect(db.insertInto('meta').values({ key: 'k', value: 'w' }).execute()).rejects.toThrow(/UNIQUE/);

    const row = { namespace: 'n', key: 'k', value: '1', expires_at: null, created_at: 1 };
    await db.insertInto('cache_entries').values(row).execute();
    await expect(db.insertInto('cache_entries').values(row).execute()).rejects.toThrow(/UNIQUE/);
    expect(sqlite.prepare('select hits from cache_entries').get()).toEqual({ hits: 0 });

    const run = await db
      .insertInto('runs')
      .values({ started_at: 1, command: 'sync', finished_at: null, ok: null, report_json: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(run.id).toBe(1);
  });

  it('turns on WAL, NORMAL sync, foreign keys and a busy timeout', async () => {
    const { sqlite, db } = await open();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);

    // foreign_keys is per connection; prove it is enforced, not only reported.
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (parent_id integer references parent(id))`.execute(db);
    await expect(sql`insert into child (parent_id) values (42)`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
  });

  it('closes idempotently and refuses transactions afterwards', async () => {
    const database = await open();
    await database.close();
    await database.close();
    expect(database.sqlite.open).toBe(false);
    await expect(database.transaction(async () => 1)).rejects.toMatchObject({
      message: 'the database is closed',
      code: 'internal',
      service: 'shelfsync',
    });
  });

  it('reports a file that is not a database as a database error', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is plainly not an SQLite file, but it is long enough to look like a header');
    const failure = await openDatabase({ path }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ShelfsyncError);
    expect(failure).toMatchObject({ code: 'database', service: 'shelfsync' });
    expect((failure as Error).message).toBe(
      `cannot open the database at ${path}: the file is not a shelfsync database or is damaged; it was left untouched`,
    );
  });

  it('creates the file readable only by its owner, whatever the umask', async () => {
    const path = join(dir, 'private.db');
    const previous = process.umask(0o277);
    try {
      await open(path);
    } finally {
      process.umask(previous);
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('tells time by the system clock unless given one, and keeps an in-memory database off the disk', async () => {
    const database = await openDatabase({ path: ':memory:' });
    opened.push(database);
    expect(database.clock).toBe(systemClock);
    expect(existsSync(join(process.cwd(), ':memory:'))).toBe(false);
    const clock = { now: () => 42 };
    const clocked = await openDatabase({ path: ':memory:', clock });
    opened.push(clocked);
    expect(clocked.clock).toBe(clock);
  });

  it('lets a second connection read while the first one writes (WAL)', async () => {
    const path = join(dir, 'shelfsync.db');
    const writer = await open(path);
    const reader = await open(path);
    await writer.transaction(async (trx) => {
      await trx.insertInto('meta').values({ key: 'during', value: 'write' }).execute();
      // The uncommitted row is invisible to the other connection, and reading does not block.
      const seen = await reader.db.selectFrom('meta').selectAll().execute();
      expect(seen).toEqual([]);
    });
    expect(await reader.db.selectFrom('meta').selectAll().execute()).toEqual([
      { key: 'during', value: 'write' },
    ]);
  });
});

describe('describeOpenFailure', () => {
  const failing = (code: string) => Object.assign(new Error(`${code}: raw`), { code });

  it.each([
    ['SQLITE_BUSY', 'it is locked by another program (is another shelfsync running?)'],
    ['SQLITE_LOCKED', 'it is locked by another program (is another shelfsync running?)'],
    ['SQLITE_NOTADB', 'the file is not a shelfsync database or is damaged; it was left untouched'],
    ['SQLITE_CORRUPT', 'the file is not a shelfsync database or is damaged; it was left untouched'],
    ['EACCES', 'EACCES: raw (check the path and its permissions)'],
    ['EPERM', 'EPERM: raw (check the path and its permissions)'],
    ['SQLITE_CANTOPEN', 'SQLITE_CANTOPEN: raw (check the path and its permissions)'],
    ['SQLITE_READONLY', 'SQLITE_READONLY: raw (check the path and its permissions)'],
    ['SQLITE_FULL', 'SQLITE_FULL: raw'],
  ])('%s → %s', (code, expected) => {
    expect(describeOpenFailure(failing(code))).toBe(expected);
  });

  it('gives the text of something thrown that is not an Error', () => {
    expect(describeOpenFailure('disk on fire')).toBe('disk on fire');
  });
});
