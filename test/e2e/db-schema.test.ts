import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import { migrations } from '../../src/core/db/migrations/index.ts';

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-db-schema-'));
  database = await openDatabase({ path: join(dir, 'shelfsync.db') });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The tables each migration creates, in the order they run. */
const tablesOf: Record<string, string[]> = {
  '001-foundation': ['cache_counters', 'cache_entries', 'meta', 'runs'],
  '002-books': ['book_items', 'book_matches', 'book_sync_state'],
  '003-records': [
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
  ],
  '004-playlists': ['playlists', 'soundcloud_auth', 'track_matches'],
  '005-platform': ['run_lock'],
};

function tableNames(): string[] {
  const rows = database.sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name",
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

describe('the migrations', () => {
  it('name a table list for every migration', () => {
    expect(Object.keys(tablesOf)).toEqual(Object.keys(migrations));
  });

  it('create exactly the tables of every part', () => {
    expect(tableNames()).toEqual(Object.values(tablesOf).flat().sort());
  });

  // A migration that has shipped never changes (see migrations/index.ts), so neither does the schema
  // they build: this snapshot changes only when a new migration is added.
  it('build the schema of the snapshot, keys, constraints and indexes included', () => {
    const objects = database.sqlite
      .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
      .all() as { type: string; name: string; sql: string | null }[];
    expect(
      objects.map((object) => `${object.type} ${object.name}\n${object.sql ?? ''}`).join('\n\n'),
    ).toMatchSnapshot();
  });

  it('each drop their own tables going down, newest first', async () => {
    const remaining = new Set(Object.values(tablesOf).flat());
    for (const name of Object.keys(migrations).reverse()) {
      await migrations[name]?.down?.(database.db as unknown as Kysely<unknown>);
      for (const table of tablesOf[name] ?? []) remaining.delete(table);
      expect(tableNames(), name).toEqual([...remaining].sort());
    }
    expect(tableNames()).toEqual([]);
  });
});
