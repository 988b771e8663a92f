import type { Kysely } from 'kysely';

// Tables of the playlists part (see ../tables/playlists.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('soundcloud_auth')
    .addColumn('account', 'text', (column) => column.primaryKey())
    .addColumn('access_sealed', 'text', (column) => column.notNull())
    .addColumn('refresh_sealed', 'text')
    .addColumn('expires_at', 'integer', (column) => column.notNull())
    .addColumn('scope', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('user_urn', 'text')
    .addColumn('username', 'text')
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('track_matches')
    .addColumn('release_id', 'integer', (column) => column.notNull())
    .addColumn('position', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('urn', 'text')
    .addColumn('score', 'real', (column) => column.notNull().defaultTo(0))
    .addColumn('decision', 'text')
    .addColumn('checked_at', 'integer', (column) => column.notNull())
    .addColumn('expires_at', 'integer')
    .addPrimaryKeyConstraint('track_matches_pk', ['release_id', 'position'])
    .execute();

  await db.schema
    .createTable('playlists')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('query', 'text', (column) => column.notNull())
    .addColumn('private', 'integer', (column) => column.notNull())
    .addColumn('overflow', 'text', (column) => column.notNull())
    .addColumn('track_limit', 'integer')
    .addColumn('parts_json', 'text', (column) => column.notNull())
    .addColumn('report_json', 'text', (column) => column.notNull())
    .addColumn('created_at', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'integer', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['playlists', 'track_matches', 'soundcloud_auth']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
