import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import { type Clock, systemClock } from '../clock.ts';
import { ShelfsyncError } from '../errors.ts';
import { runMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';
import { reusingStatements } from './statement-cache.ts';

const BUSY_TIMEOUT_MS = 5000;
const IN_MEMORY = ':memory:';

export interface OpenDatabaseOptions {
  /** Absolute file path (from `config.database.path`), or ':memory:'. */
  path: string;
  clock?: Clock;
}

export interface Database {
  /**
   * The query builder. All queries go through its single connection one at a time; inside
   * `transaction(fn)` use only the `trx` handed to `fn`, since `db` waits for the transaction to end.
   */
  readonly db: Kysely<DatabaseSchema>;
  /**
   * The raw connection, for pragmas, backups and diagnostics. Statements run on it bypass Kysely's
   * queue and would land inside whatever Kysely transaction is open, so do not write through it.
   */
  readonly sqlite: BetterSqlite3.Database;
  readonly path: string;
  readonly clock: Clock;
  /** Names of the migrations this open applied (empty when the schema was already current). */
  readonly appliedMigrations: readonly string[];
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T>;
  /** Waits for transactions started through `transaction` to settle, then closes. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens (creating when missing) the database file, tunes it and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { path } = options;
  const clock = options.clock ?? systemClock;
  const sqlite = openConnection(path);
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: reusingStatements(sqlite) }),
  });
  let appliedMigrations: string[];
  try {
    ({ applied: appliedMigrations } = await runMigrations(db as Kysely<unknown>, sqlite, migrations));
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  return {
    db,
    sqlite,
    path,
    clock,
    appliedMigrations,
    transaction<T>(fn: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
      if (closing) return Promise.reject(closedError());
      const run = db.transaction().execute(fn);
      pending.add(run);
      // Stryker disable BlockStatement,CallExpression: forgetting a settled run only keeps the set small; close() waits on a settled promise at no cost
      const forget = (): void => {
        pending.delete(run);
      };
      run.then(forget, forget);
      // Stryker restore BlockStatement,CallExpression
      return run;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        await Promise.allSettled([...pending]);
        await db.destroy();
      })();
      return closing;
    },
  };
}

function openConnection(path: string): BetterSqlite3.Database {
  try {
    if (path !== IN_MEMORY) createPrivately(path);
    const sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      // WAL lets `status` read while a sync writes; NORMAL is durable across app crashes in WAL mode.
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch (error) {
      sqlite.close();
      throw error;
    }
    return sqlite;
  } catch (error) {
    throw new ShelfsyncError(`cannot open the database at ${path}: ${describeOpenFailure(error)}`, {
      code: 'database',
      service: 'shelfsync',
      cause: error,
    });
  }
}

/**
 * Creates a missing database file with mode 0600 before SQLite opens it: SQLite gives its -wal and
 * -shm files the main file's mode, so all three stay private to the user whatever the umask.
 * An existing file is left as it is.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  closeSync(fd);
  chmodSync(path, 0o600);
}

export function describeOpenFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return 'it is locked by another program (is another shelfsync running?)';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'the file is not a shelfsync database or is damaged; it was left untouched';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
    return `${reason} (check the path and its permissions)`;
  return reason;
}

function closedError(): ShelfsyncError {
  return new ShelfsyncError('the database is closed', { code: 'internal', service: 'shelfsync' });
}
