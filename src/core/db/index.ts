export type { Database, OpenDatabaseOptions } from './database.ts';
export { openDatabase } from './database.ts';
export type {
  CacheCountersTable,
  CacheEntriesTable,
  FoundationTables,
  MetaTable,
  RunsTable,
} from './foundation-tables.ts';
export type { MigrationOutcome } from './migrate.ts';
export { runMigrations } from './migrate.ts';
export { migrations } from './migrations/index.ts';
export type { DatabaseSchema } from './schema.ts';
