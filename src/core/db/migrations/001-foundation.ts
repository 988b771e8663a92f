import type { Kysely } from 'kysely';

// Migrations take an untyped Kysely: they describe the schema as it was then, not as it is now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cache_entries')
    .addColumn('namespace', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'integer')
    .addColumn('created_at', 'integer', (column) => column.notNull())
    .addColumn('hits', 'integer', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('cache_entries_pk', ['namespace', 'key'])
    .execute();
  await db.schema
    .createIndex('cache_entries_expires_at')
    .on('cache_entries')
    .column('expires_at')
    .where('expires_at', 'is not', null)
    .execute();

  await db.schema
    .createTable('cache_counters')
    .addColumn('namespace', 'text', (column) => column.primaryKey())
    .addColumn('hits', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('misses', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('runs')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('started_at', 'integer', (column) => column.notNull())
    .addColumn('finished_at', 'integer')
    .addColumn('command', 'text', (column) => column.notNull())
    .addColumn('ok', 'integer')
    .addColumn('report_json', 'text')
    .execute();
  await db.schema.createIndex('runs_started_at').on('runs').column('started_at').execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['meta', 'runs', 'cache_counters', 'cache_entries']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
