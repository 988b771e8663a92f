import { type Kysely, sql } from 'kysely';

/**
 * Tables of the records part (see ../tables/records.ts): a Discogs collection and wantlist mirrored
 * as rows. Lists (artists, labels, formats, genres, styles, tracks) are child rows, never joined text.
 * Child rows of a release are replaced as a whole when the release changes, so they cascade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createReleaseTables(db);
  await createCollectionTables(db);
  await createTrackTables(db);
  await createSyncStateTables(db);
  await createIndexes(db);
}

async function createReleaseTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('artists_display', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('country', 'text')
    .addColumn('released', 'text')
    .addColumn('thumb', 'text')
    .addColumn('cover_image', 'text')
    .addColumn('master_id', 'integer')
    .addColumn('data_quality', 'text')
    .addColumn('basic_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('tracklist_fetched_at', 'integer')
    .addColumn('tracklist_status', 'text', (c) => c.check(sql`tracklist_status in ('ok', 'not_found')`))
    .execute();

  await db.schema
    .createTable('artists')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('name_suffix', 'integer')
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('release_artists')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('main', 'extra')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('artist_id', 'integer', (c) => c.notNull().references('artists.id'))
    .addColumn('anv', 'text', (c) => c.notNull())
    .addColumn('join_text', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('tracks', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_artists_pk', ['release_id', 'kind', 'position'])
    .execute();

  await db.schema
    .createTable('labels')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('release_labels')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id'))
    .addColumn('catno', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_type_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_labels_pk', ['release_id', 'position'])
    .execute();

  await db.schema
    .createTable('release_formats')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('qty', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('release_formats_pk', ['release_id', 'position'])
    .execute();

  await db.schema
    .createTable('release_format_descriptions')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('format_position', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_format_descriptions_pk', ['release_id', 'format_position', 'position'])
    .execute();

  for (const [table, column] of [
    ['release_genres', 'genre'],
    ['release_styles', 'style'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['release_id', 'position'])
      .execute();
  }
}

async function createCollectionTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collection_folders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('collection_fields')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('options_json', 'text')
    .addColumn('lines', 'integer')
    .execute();

  // No foreign key to folders: Discogs may list an instance before we have seen its folder.
  await db.schema
    .createTable('collection_instances')
    .addColumn('instance_id', 'integer', (c) => c.primaryKey())
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id'))
    .addColumn('folder_id', 'integer', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instance_notes')
    .addColumn('instance_id', 'integer', (c) =>
      c.notNull().references('collection_instances.instance_id').onDelete('cascade'),
    )
    .addColumn('field_id', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('instance_notes_pk', ['instance_id', 'field_id'])
    .execute();

  await db.schema
    .createTable('wantlist')
    .addColumn('release_id', 'integer', (c) => c.primaryKey().references('releases.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('notes_public', 'integer', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
}

async function createTrackTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('release_tracks')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('parent_seq', 'integer')
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('track', 'heading', 'index')`))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('duration', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer')
    .addPrimaryKeyConstraint('release_tracks_pk', ['release_id', 'seq'])
    .execute();

  await db.schema
    .createTable('track_artists')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('track_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('main', 'extra')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('artist_id', 'integer', (c) => c.notNull().references('artists.id'))
    .addColumn('anv', 'text', (c) => c.notNull())
    .addColumn('join_text', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('track_artists_pk', ['release_id', 'track_seq', 'kind', 'position'])
    .execute();
}

async function createSyncStateTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('records_sync_state')
    .addColumn('list', 'text', (c) => c.primaryKey().check(sql`list in ('collection', 'wantlist')`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('next_page', 'integer', (c) => c.notNull())
    .addColumn('per_page', 'integer', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records_sync_seen')
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_sync_seen_pk', ['list', 'id'])
    .execute();
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  const indexes: [name: string, table: string, columns: string[]][] = [
    ['releases_year', 'releases', ['year']],
    ['releases_country', 'releases', ['country']],
    ['releases_title_folded', 'releases', ['title_folded']],
    ['artists_name_folded', 'artists', ['name_folded']],
    ['release_artists_artist', 'release_artists', ['artist_id', 'release_id']],
    ['labels_name_folded', 'labels', ['name_folded']],
    ['release_labels_label', 'release_labels', ['label_id', 'release_id']],
    ['release_formats_name', 'release_formats', ['name', 'release_id']],
    ['release_format_descriptions_description', 'release_format_descriptions', ['description', 'release_id']],
    ['release_genres_genre', 'release_genres', ['genre', 'release_id']],
    ['release_styles_style', 'release_styles', ['style', 'release_id']],
    ['collection_instances_release', 'collection_instances', ['release_id']],
    ['collection_instances_folder', 'collection_instances', ['folder_id']],
    ['collection_instances_added', 'collection_instances', ['added_at']],
    ['collection_instances_rating', 'collection_instances', ['rating']],
    ['release_tracks_title_folded', 'release_tracks', ['title_folded']],
    ['track_artists_artist', 'track_artists', ['artist_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  // Enrich looks for releases without a tracklist; a partial index keeps that cheap at any size.
  await db.schema
    .createIndex('releases_tracklist_missing')
    .on('releases')
    .column('id')
    .where(sql.ref('tracklist_fetched_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'records_sync_seen',
    'records_sync_state',
    'track_artists',
    'release_tracks',
    'wantlist',
    'instance_notes',
    'collection_instances',
    'collection_fields',
    'collection_folders',
    'release_styles',
    'release_genres',
    'release_format_descriptions',
    'release_formats',
    'release_labels',
    'labels',
    'release_artists',
    'artists',
    'releases',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
