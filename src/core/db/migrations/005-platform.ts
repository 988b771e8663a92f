import { type Kysely, sql } from 'kysely';

// Tables of the platform part (see ../tables/platform.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  // At most one row: the run that holds the database. Taken and stolen with compare-and-set on `owner`.
  await db.schema
    .createTable('run_lock')
    .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('pid', 'integer', (column) => column.notNull())
    .addColumn('host', 'text', (column) => column.notNull())
    .addColumn('command', 'text', (column) => column.notNull())
    .addColumn('acquired_at', 'integer', (column) => column.notNull())
    .addColumn('heartbeat_at', 'integer', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('run_lock').ifExists().execute();
}
