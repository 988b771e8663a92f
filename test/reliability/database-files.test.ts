import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/database.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-dbfiles-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

async function openFailure(path: string): Promise<ShelfsyncError> {
  const failure = await openDatabase({ path }).then(
    async (database) => {
      await database.close();
      throw new Error('opened a database that should have been refused');
    },
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ShelfsyncError);
  const error = failure as ShelfsyncError;
  expect(error.code).toBe('database');
  expect(error.message).not.toContain('\n');
  return error;
}

/** A minimal config whose only bridge is records, pointing at a port nothing listens on. */
function recordsConfig(databasePath: string): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(
    path,
    [
      `database: { path: "${databasePath}" }`,
      `log: { file: "${join(dir, 'shelfsync.log')}" }`,
      'records:',
      '  discogs: { username: someone, token: "t0ken-value-1234", url: "http://127.0.0.1:9" }',
    ].join('\n'),
    { mode: 0o600 },
  );
  return path;
}

describe('database files: created private', () => {
  it.each([0o022, 0o002, 0o000])(
    'creates the file, -wal and -shm with mode 0600 under umask %o',
    async (mask) => {
      const previous = process.umask(mask);
      try {
        const path = join(dir, `umask-${mask}`, 'shelfsync.db');
        const database = await openDatabase({ path });
        await database.db.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
        expect(mode(path)).toBe(0o600);
        expect(mode(`${path}-wal`)).toBe(0o600);
        expect(mode(`${path}-shm`)).toBe(0o600);
        await database.close();
      } finally {
        process.umask(previous);
      }
    },
  );

  it('leaves the mode of an existing database file alone', async () => {
    const path = join(dir, 'shelfsync.db');
    (await openDatabase({ path })).close();
    chmodSync(path, 0o640);
    const database = await openDatabase({ path });
    await database.close();
    expect(mode(path)).toBe(0o640);
  });
});

describe('database files: refused with one clear line and never overwritten', () => {
  it('a corrupt file (garbage after a valid header)', async () => {
    const path = join(dir, 'shelfsync.db');
    const database = await openDatabase({ path });
    await database.close();
    const bytes = readFileSync(path);
    // Wreck everything after the 100-byte header: the schema page is unreadable.
    const wrecked = Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xa5)]);
    writeFileSync(path, wrecked);
    const error = await openFailure(path);
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(wrecked)).toBe(true);
  });

  it('a file that is not a database at all', async () => {
    const path = join(dir, 'notes.db');
    const text = 'my shopping list, not a database; long enough to pass for a header of some kind\n'.repeat(
      60,
    );
    writeFileSync(path, text);
    const error = await openFailure(path);
    expect(error.message).toMatch(/not a shelfsync database|damaged/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a database written by a newer shelfsync (a migration this one does not know)', async () => {
    const path = join(dir, 'shelfsync.db');
    const database = await openDatabase({ path });
    await database.close();
    const raw = new BetterSqlite3(path);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('999-future', 'now');
    raw.close();
    const before = readFileSync(path);
    const error = await openFailure(path);
    expect(error.message).toMatch(/newer shelfsync/);
    expect(error.message).toContain('999-future');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a path that is a folder (unreadable as a file)', async () => {
    const path = join(dir, 'folder.db');
    mkdirSync(path);
    const error = await openFailure(path);
    expect(error.message).toContain(path);
  });

  it.skipIf(process.getuid?.() === 0)('a file the user may not read', async () => {
    const path = join(dir, 'shelfsync.db');
    (await openDatabase({ path })).close();
    chmodSync(path, 0o000);
    const error = await openFailure(path);
    expect(error.message).toMatch(/permission/);
  });

  it('a database locked by another program (after the busy timeout)', async () => {
    const path = join(dir, 'shelfsync.db');
    const holder = new BetterSqlite3(path);
    holder.exec('create table theirs (x); begin exclusive; insert into theirs values (1);');
    try {
      const error = await openFailure(path);
      expect(error.message).toMatch(/locked by another program/);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  });

  it('the CLI prints one error line, exits non-zero, and leaves a corrupt file as it was', () => {
    const path = join(dir, 'shelfsync.db');
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(path, garbage);
    const result = runCli(['sync', '--config', recordsConfig(path), '--only', 'records'], { HOME: dir });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error cannot open the database at .*shelfsync\.db/);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });
});
