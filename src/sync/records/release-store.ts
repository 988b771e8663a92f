import type { InsertObject, Kysely } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { ArtistsTable, LabelsTable } from '../../core/db/tables/records.ts';
import type { ReleaseRows } from './release-rows.ts';

type Db = Kysely<DatabaseSchema>;

export async function loadReleaseHashes(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('releases')
    .select(['id', 'basic_hash'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.basic_hash]));
}

/** Inserts artists, or renames them when Discogs did; an unchanged artist is not written. */
export async function upsertArtists(db: Db, artists: readonly ArtistsTable[]): Promise<void> {
  const unique = [...new Map(artists.map((artist) => [artist.id, artist])).values()];
  for (const chunk of insertChunks(unique)) {
    await db
      .insertInto('artists')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            display_name: eb.ref('excluded.display_name'),
            name_suffix: eb.ref('excluded.name_suffix'),
            name_folded: eb.ref('excluded.name_folded'),
          }))
          .where((eb) => eb('artists.name', 'is not', eb.ref('excluded.name'))),
      )
      .execute();
  }
}

export async function upsertLabels(db: Db, labels: readonly LabelsTable[]): Promise<void> {
  const unique = [...new Map(labels.map((label) => [label.id, label])).values()];
  for (const chunk of insertChunks(unique)) {
    await db
      .insertInto('labels')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_folded: eb.ref('excluded.name_folded'),
          }))
          .where((eb) => eb('labels.name', 'is not', eb.ref('excluded.name'))),
      )
      .execute();
  }
}

/**
 * Writes listed releases: the row (keeping what enrich added: country, released, tracklist) and its
 * child rows, replaced as a whole. Call inside a transaction.
 */
export async function writeReleases(db: Db, releases: readonly ReleaseRows[]): Promise<void> {
  if (releases.length === 0) return;
  await upsertArtists(
    db,
    releases.flatMap((rows) => rows.artists),
  );
  await upsertLabels(
    db,
    releases.flatMap((rows) => rows.labels),
  );
  for (const chunk of insertChunks(releases)) {
    await db
      .insertInto('releases')
      .values(
        chunk.map((rows) => ({
          ...rows.release,
          country: null,
          released: null,
          data_quality: null,
          tracklist_fetched_at: null,
          tracklist_status: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          title_folded: eb.ref('excluded.title_folded'),
          artists_display: eb.ref('excluded.artists_display'),
          year: eb.ref('excluded.year'),
          thumb: eb.ref('excluded.thumb'),
          cover_image: eb.ref('excluded.cover_image'),
          master_id: eb.ref('excluded.master_id'),
          basic_hash: eb.ref('excluded.basic_hash'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  const ids = releases.map((rows) => rows.release.id);
  await db.deleteFrom('release_artists').where('release_id', 'in', ids).where('kind', '=', 'main').execute();
  for (const table of [
    'release_labels',
    'release_formats',
    'release_format_descriptions',
    'release_genres',
    'release_styles',
  ] as const) {
    await db.deleteFrom(table).where('release_id', 'in', ids).execute();
  }
  await insertAll(
    db,
    'release_artists',
    releases.flatMap((rows) => rows.credits),
  );
  await insertAll(
    db,
    'release_labels',
    releases.flatMap((rows) => rows.releaseLabels),
  );
  await insertAll(
    db,
    'release_formats',
    releases.flatMap((rows) => rows.formats),
  );
  await insertAll(
    db,
    'release_format_descriptions',
    releases.flatMap((rows) => rows.formatDescriptions),
  );
  await insertAll(
    db,
    'release_genres',
    releases.flatMap((rows) => rows.genres),
  );
  await insertAll(
    db,
    'release_styles',
    releases.flatMap((rows) => rows.styles),
  );
}

/** The most rows one insert carries (SQLite binds at most 32,766 values a statement). */
const ROWS_PER_INSERT = 128;

/**
 * Rows cut into inserts of 128, then the rest in powers of two (237 rows: 128, 64, 32, 8, 4, 1), so
 * that a table's inserts use at most eight SQL texts and the statement cache keeps each prepared.
 * Cut only at 500, every page's own row count made a new text: prepared for one page, pushed out of
 * the cache, its native memory (about 160 kB for 100 rows of 15 columns) held until V8 collected it.
 */
export function insertChunks<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  for (let size = ROWS_PER_INSERT; size >= 1; ) {
    if (rows.length - start >= size) {
      chunks.push(rows.slice(start, start + size));
      start += size;
    } else {
      size /= 2;
    }
  }
  return chunks;
}

export async function insertAll<T extends keyof DatabaseSchema & string>(
  db: Db,
  table: T,
  rows: readonly InsertObject<DatabaseSchema, T>[],
): Promise<void> {
  for (const chunk of insertChunks(rows)) {
    await db.insertInto(table).values(chunk).execute();
  }
}
