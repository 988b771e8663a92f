import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import * as recordsMigration from '../../src/core/db/migrations/003-records.ts';

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-records-schema-'));
  database = await openDatabase({ path: join(dir, 'shelfsync.db') });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const RECORDS_TABLES = [
  'artists',
  'collection_fields',
  'collection_folders',
  'collection_instances',
  'instance_notes',
  'labels',
  'records_sync_seen',
  'records_sync_state',
  'release_artists',
  'release_format_descriptions',
  'release_formats',
  'release_genres',
  'release_labels',
  'release_styles',
  'release_tracks',
  'releases',
  'track_artists',
  'wantlist',
];

async function insertRelease(id: number): Promise<void> {
  await database.db
    .insertInto('releases')
    .values({
      id,
      title: 'Kind of Blue',
      title_folded: 'kind of blue',
      artists_display: 'Miles Davis',
      year: 1959,
      country: null,
      released: null,
      thumb: null,
      cover_image: null,
      master_id: null,
      data_quality: null,
      basic_hash: 'h',
      updated_at: 0,
      tracklist_fetched_at: null,
      tracklist_status: null,
    })
    .execute();
}

describe('records schema', () => {
  it('creates every records table', () => {
    const names = database.sqlite
      .prepare("select name from sqlite_master where type = 'table'")
      .pluck()
      .all() as string[];
    for (const table of RECORDS_TABLES) expect(names).toContain(table);
  });

  it('indexes the columns the query language filters on', () => {
    const indexed = database.sqlite
      .prepare(
        "select m.tbl_name || '.' || i.name from sqlite_master m, pragma_index_info(m.name) i where m.type = 'index'",
      )
      .pluck()
      .all() as string[];
    for (const column of [
      'releases.year',
      'release_genres.genre',
      'release_styles.style',
      'artists.name_folded',
      'labels.name_folded',
      'release_formats.name',
      'release_format_descriptions.description',
      'collection_instances.added_at',
      'collection_instances.folder_id',
    ]) {
      expect(indexed).toContain(column);
    }
  });

  it('drops a release’s child rows with it, and keeps instances from pointing at nothing', async () => {
    await insertRelease(1);
    await database.db
      .insertInto('release_genres')
      .values({ release_id: 1, position: 0, genre: 'Jazz' })
      .execute();
    await database.db
      .insertInto('release_tracks')
      .values({
        release_id: 1,
        seq: 1,
        parent_seq: null,
        type: 'track',
        position: '',
        title: 'So What',
        title_folded: 'so what',
        duration: '',
        duration_seconds: null,
      })
      .execute();
    await expect(
      database.db
        .insertInto('collection_instances')
        .values({ instance_id: 9, release_id: 2, folder_id: 1, rating: 0, date_added: 'x', added_at: 'x' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await database.db.deleteFrom('releases').where('id', '=', 1).execute();
    expect(await database.db.selectFrom('release_genres').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('release_tracks').selectAll().execute()).toEqual([]);
  });

  it('rejects a track type that Discogs does not have', async () => {
    await insertRelease(1);
    const insert = database.sqlite.prepare(
      "insert into release_tracks (release_id, seq, type, position, title, title_folded, duration) values (1, 1, ?, '', 't', 't', '')",
    );
    expect(() => insert.run('bonus')).toThrow(/CHECK/);
    expect(insert.run('heading').changes).toBe(1);
  });

  it('migrates down and up again cleanly', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await recordsMigration.up(db);
      await recordsMigration.down(db);
      expect(sqlite.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get()).toBe(0);
      await recordsMigration.up(db);
    } finally {
      await db.destroy();
    }
  });
});
