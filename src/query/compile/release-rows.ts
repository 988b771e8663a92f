import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { Query } from '../ast.ts';
import { releaseValue } from './release-expressions.ts';

/** One owned release as a list shows it. Lists keep Discogs' order. */
export interface ReleaseRow {
  id: number;
  artist: string;
  title: string;
  year: number | null;
  country: string | null;
  labels: string[];
  catnos: string[];
  /** "Vinyl (LP, Album)": each format with its descriptions. */
  formats: string[];
  genres: string[];
  styles: string[];
  /** Highest rating of its copies, 0 when unrated. */
  rating: number;
  /** The first copy's date added, as Discogs gave it. */
  added: string;
  folders: string[];
  copies: number;
}

/** Default order: by artist, then year, then title; the release id always breaks ties. */
function orderedQuery(db: Kysely<DatabaseSchema>, query: Query, where: RawBuilder<SqlBool>) {
  let select = db.selectFrom('releases as r').where(where);
  const keys: [RawBuilder<unknown>, 'asc' | 'desc'][] = query.orderBy.length
    ? query.orderBy.map((key) => [
        releaseValue(key.target.kind === 'field' ? key.target.field : 'id'),
        key.direction,
      ])
    : [
        [releaseValue('artist'), 'asc'],
        [releaseValue('year'), 'asc'],
        [releaseValue('release'), 'asc'],
      ];
  for (const [expression, direction] of keys) select = select.orderBy(expression, direction);
  select = select.orderBy('r.id', 'asc');
  if (query.limit !== undefined) select = select.limit(query.limit);
  return select;
}

export async function releaseIds(
  db: Kysely<DatabaseSchema>,
  query: Query,
  where: RawBuilder<SqlBool>,
): Promise<number[]> {
  const rows = await orderedQuery(db, query, where).select('r.id').execute();
  return rows.map((row) => row.id);
}

const list = (select: string): RawBuilder<string> =>
  sql<string>`(select json_group_array(value) from (${sql.raw(select)}))`;

export async function releaseRows(
  db: Kysely<DatabaseSchema>,
  query: Query,
  where: RawBuilder<SqlBool>,
): Promise<ReleaseRow[]> {
  const rows = await orderedQuery(db, query, where)
    .select([
      'r.id',
      'r.artists_display as artist',
      'r.title',
      'r.year',
      'r.country',
      list(
        'select l.name as value from release_labels rl join labels l on l.id = rl.label_id where rl.release_id = r.id order by rl.position',
      ).as('labels'),
      list('select catno as value from release_labels where release_id = r.id order by position').as(
        'catnos',
      ),
      list(
        `select f.name || coalesce(' (' || (select group_concat(description, ', ') from (select description from release_format_descriptions d where d.release_id = f.release_id and d.format_position = f.position order by d.position)) || ')', '') as value from release_formats f where f.release_id = r.id order by f.position`,
      ).as('formats'),
      list('select genre as value from release_genres where release_id = r.id order by position').as(
        'genres',
      ),
      list('select style as value from release_styles where release_id = r.id order by position').as(
        'styles',
      ),
      sql<number>`(select max(rating) from collection_instances where release_id = r.id)`.as('rating'),
      sql<string>`(select date_added from collection_instances where release_id = r.id order by added_at limit 1)`.as(
        'added',
      ),
      list(
        'select distinct coalesce(f.name, ci.folder_id) as value from collection_instances ci left join collection_folders f on f.id = ci.folder_id where ci.release_id = r.id order by 1',
      ).as('folders'),
      sql<number>`(select count(*) from collection_instances where release_id = r.id)`.as('copies'),
    ])
    .execute();
  return rows.map((row) => ({
    ...row,
    labels: JSON.parse(row.labels) as string[],
    catnos: JSON.parse(row.catnos) as string[],
    formats: JSON.parse(row.formats) as string[],
    genres: JSON.parse(row.genres) as string[],
    styles: JSON.parse(row.styles) as string[],
    folders: (JSON.parse(row.folders) as (string | number)[]).map(String),
  }));
}
