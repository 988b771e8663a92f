import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/database.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-open-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Files this process has open (Linux). A long-running daemon must not leak one per open. */
function openFiles(): number {
  return readdirSync('/proc/self/fd').length;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error(`expected an error, got ${String(error)}`);
  return error;
}

describe.runIf(process.platform === 'linux')('opening a database leaves no file open behind', () => {
  it('after creating a new database and closing it', async () => {
    const before = openFiles();
    const database = await openDatabase({ path: join(dir, 'new.db') });
    await database.close();
    expect(openFiles()).toBe(before);
  });

  it('after refusing a file that is not a database', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'shopping list: milk, eggs, a new turntable belt\n'.repeat(100));
    const before = openFiles();
    const error = await failure(openDatabase({ path }));
    expect(error.message).toBe(
      `cannot open the database at ${path}: the file is not a shelfsync database or is damaged; it was left untouched`,
    );
    expect(openFiles()).toBe(before);
  });
});

describe('a database file that cannot be created', () => {
  it('says why in the system’s words', async () => {
    const path = join(dir, `${'x'.repeat(300)}.db`);
    const error = await failure(openDatabase({ path }));
    expect(error).toMatchObject({ code: 'database', service: 'shelfsync' });
    expect(error.message).toMatch(/^cannot open the database at .*: ENAMETOOLONG: name too long/);
  });
});
