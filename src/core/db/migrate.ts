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
  if (alreadyApplied(sqlite, Object.keys(migrations))) return { applied: [] };
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
    return { applied: (results ?? []).map((result) => result.migrationName) };
  } finally {
    if (!committed && sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

function alreadyApplied(sqlite: BetterSqlite3.Database, names: readonly string[]): boolean {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATION_TABLE);
  if (table === undefined) return false;
  const rows = sqlite.prepare(`select name from ${MIGRATION_TABLE}`).pluck().all();
  const applied = new Set(rows);
  // Exactly the same set: extra names (a newer shelfsync) go through the migrator, which reports them.
  return applied.size === names.length && names.every((name) => applied.has(name));
}

function migrationError(error: unknown, results: readonly MigrationResult[] | undefined): ShelfsyncError {
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  const message = failed
    ? `could not update the database schema (migration ${failed} failed: ${reason}); nothing was changed`
    : `could not update the database schema: ${reason}; was it created by a newer shelfsync?`;
  return new ShelfsyncError(message, { code: 'database', service: 'shelfsync', cause: error });
}
