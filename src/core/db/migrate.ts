import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import {
  DEFAULT_MIGRATION_TABLE as MIGRATION_TABLE,
  type Migration,
  type MigrationResult,
  Migrator,
} from 'kysely/migration';
import { ShelfsyncError } from '../errors.ts';

export interface MigrationOutcome {
  /** Names of the migrations applied by this call, in order; empty when the schema was current. */
  applied: string[];
}

/**
 * Brings the schema up to date inside one IMMEDIATE transaction. Kysely runs SQLite migrations
 * without a transaction, but SQLite can roll back DDL, so we hold one ourselves: a failing migration
 * leaves nothing half-made, and a second process opening the same file waits (busy_timeout) and then
 * finds the work done instead of racing to create the same tables.
 */
export async function runMigrations(
  db: Kysely<unknown>,
  sqlite: BetterSqlite3.Database,
  migrations: Readonly<Record<string, Migration>>,
): Promise<MigrationOutcome> {
  // The common case, checked without the write lock so that opening never waits for another
  // process's long write (a running sync) just to learn that there is nothing to do.
  const known = Object.keys(migrations);
  const applied = appliedNames(sqlite);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw newerVersionError(sqlite.name, unknown);
  // Every applied name is known and names are unique (the table's key): as many means the same ones.
  if (applied.length === known.length) return { applied: [] };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
  });
  sqlite.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const { error, results } = await migrator.migrateToLatest();
    if (error !== undefined) throw migrationError(error, results);
    sqlite.exec('COMMIT');
    committed = true;
    // Stryker disable next-line ArrayDeclaration: Kysely leaves results undefined only along with an error, thrown above
    return { applied: (results ?? []).map((result) => result.migrationName) };
  } finally {
    if (!committed && sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

function appliedNames(sqlite: BetterSqlite3.Database): string[] {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATION_TABLE);
  if (table === undefined) return [];
  return sqlite.prepare(`select name from ${MIGRATION_TABLE}`).pluck().all() as string[];
}

/** A schema this shelfsync does not know: touching it could lose a newer version's data. */
function newerVersionError(path: string, unknown: readonly string[]): ShelfsyncError {
  return new ShelfsyncError(
    `the database at ${path} was written by a newer shelfsync (schema ${unknown.join(', ')}); ` +
      'upgrade shelfsync or point database.path at another file; the file was left untouched',
    { code: 'database', service: 'shelfsync' },
  );
}

function migrationError(error: unknown, results: readonly MigrationResult[] | undefined): ShelfsyncError {
  // Along with an error, Kysely returns results only when a migration failed, and one of them says so.
  const failed = results?.find((result) => result.status === 'Error');
  const reason = error instanceof Error ? error.message : String(error);
  const message = failed
    ? `could not update the database schema (migration ${failed.migrationName} failed: ${reason}); nothing was changed`
    : `could not update the database schema: ${reason}; was it created by a newer shelfsync?`;
  return new ShelfsyncError(message, { code: 'database', service: 'shelfsync', cause: error });
}
