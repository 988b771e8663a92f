import type { Kysely } from 'kysely';

// Migrations take an untyped Kysely: they describe the schema as it was then, not as it is now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_items')
    .addColumn('abs_item_id', 'text', (column) => column.primaryKey())
    .addColumn('library_id', 'text', (column) => column.notNull())
    .addColumn('media_type', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('authors', 'text', (column) => column.notNull())
    .addColumn('isbn', 'text')
    .addColumn('asin', 'text')
    .addColumn('duration', 'real', (column) => column.notNull())
    .addColumn('has_audio', 'integer', (column) => column.notNull())
    .addColumn('has_ebook', 'integer', (column) => column.notNull())
    .addColumn('fetched_at', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('book_matches')
    .addColumn('abs_item_id', 'text', (column) => column.primaryKey())
    .addColumn('hc_book_id', 'integer')
    .addColumn('edition_json', 'text')
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('pinned', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('expires_at', 'integer')
    .addColumn('matched_at', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('book_sync_state')
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('abs_item_id', 'text', (column) => column.notNull())
    .addColumn('fingerprint', 'text')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('waiting', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('book_sync_state_pk', ['user_id', 'abs_item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['book_sync_state', 'book_matches', 'book_items']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
