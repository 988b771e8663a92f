import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';

type Db = Kysely<DatabaseSchema>;

/** Discogs' "Various" (compilations): not an artist anyone collects. */
const VARIOUS_ARTIST_ID = 194;

export interface CountRow {
  name: string;
  /** Owned releases with this value (a release owned twice counts once). */
  releases: number;
}

export interface CollectionStats {
  totals: {
    instances: number;
    releases: number;
    wantlist: number;
    withTracklist: number;
    folders: number;
  };
  genres: CountRow[];
  styles: CountRow[];
  decades: CountRow[];
  formats: CountRow[];
  labels: CountRow[];
  artists: CountRow[];
}

const owned = (db: Db) => db.selectFrom('collection_instances').select('release_id');

async function count(query: Promise<{ n: number | bigint | string } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}

function rows(list: { name: string | number | null; releases: number | bigint | string }[]): CountRow[] {
  return list.map((row) => ({
    name: row.name === null ? '(unknown)' : String(row.name),
    releases: Number(row.releases),
  }));
}

/** Counts of the owned collection by genre, style, decade, format, label and artist, largest first. */
export async function collectionStats(db: Db, options: { top?: number } = {}): Promise<CollectionStats> {
  const top = options.top ?? 15;
  const distinctReleases = sql<number>`count(distinct release_id)`;
  const byValue = async (
    table: 'release_genres' | 'release_styles' | 'release_formats',
    column: 'genre' | 'style' | 'name',
  ) =>
    rows(
      await db
        .selectFrom(table)
        .select([sql<string>`${sql.ref(column)}`.as('name'), distinctReleases.as('releases')])
        .where('release_id', 'in', owned(db))
        .groupBy(column)
        .orderBy('releases', 'desc')
        .orderBy('name')
        .limit(top)
        .execute(),
    );

  const [instances, releases, wantlist, withTracklist, folders] = await Promise.all([
    count(
      db
        .selectFrom('collection_instances')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
    count(db.selectFrom('collection_instances').select(distinctReleases.as('n')).executeTakeFirst()),
    count(
      db
        .selectFrom('wantlist')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('releases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', owned(db))
        .where('tracklist_status', '=', 'ok')
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('collection_folders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
  ]);

  const decade = sql<number | null>`(year / 10) * 10`;
  const decades = await db
    .selectFrom('releases')
    .select([decade.as('name'), sql<number>`count(*)`.as('releases')])
    .where('id', 'in', owned(db))
    .groupBy(decade)
    .orderBy(decade)
    .execute();

  const labels = await db
    .selectFrom('release_labels as rl')
    .innerJoin('labels as l', 'l.id', 'rl.label_id')
    .select(['l.name as name', sql<number>`count(distinct rl.release_id)`.as('releases')])
    .where('rl.release_id', 'in', owned(db))
    .groupBy('l.id')
    .orderBy('releases', 'desc')
    .orderBy('name')
    .limit(top)
    .execute();

  const artists = await db
    .selectFrom('release_artists as ra')
    .innerJoin('artists as a', 'a.id', 'ra.artist_id')
    .select(['a.display_name as name', sql<number>`count(distinct ra.release_id)`.as('releases')])
    .where('ra.kind', '=', 'main')
    .where('ra.artist_id', '!=', VARIOUS_ARTIST_ID)
    .where('ra.release_id', 'in', owned(db))
    .groupBy('a.id')
    .orderBy('releases', 'desc')
    .orderBy('name')
    .limit(top)
    .execute();

  return {
    totals: { instances, releases, wantlist, withTracklist, folders },
    genres: await byValue('release_genres', 'genre'),
    styles: await byValue('release_styles', 'style'),
    decades: rows(
      decades.map((row) => ({ name: row.name === null ? null : `${row.name}s`, releases: row.releases })),
    ),
    formats: await byValue('release_formats', 'name'),
    labels: rows(labels),
    artists: rows(artists),
  };
}
