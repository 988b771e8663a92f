import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { FieldName } from '../fields.ts';

/**
 * SQL for one value per release of each field (over `releases as r`), used to sort releases and to
 * aggregate them, and the per-value rows a `group by` joins in. Fixed text only: no user input here.
 */

/** Queries select from the collection: releases with at least one owned copy, each once. */
export const OWNED = sql<SqlBool>`r.id in (select release_id from collection_instances)`;

const first = (select: string): RawBuilder<unknown> => sql.raw(`(${select} order by position limit 1)`);

/** One sortable value per release; fields with several values sort by the first (or lowest) one. */
export function releaseValue(field: FieldName): RawBuilder<unknown> {
  switch (field) {
    case 'release':
      return sql`r.title_folded`;
    case 'artist':
      return sql`r.artists_display collate nocase`;
    case 'year':
      return sql`r.year`;
    case 'decade':
      return sql`(r.year / 10 * 10)`;
    case 'id':
      return sql`r.id`;
    case 'country':
      return sql`r.country`;
    case 'label':
      return first(
        'select l.name_folded from release_labels rl join labels l on l.id = rl.label_id where rl.release_id = r.id',
      );
    case 'catno':
      return first('select catno from release_labels where release_id = r.id');
    case 'genre':
      return first('select genre from release_genres where release_id = r.id');
    case 'style':
      return first('select style from release_styles where release_id = r.id');
    case 'format':
      return first('select name from release_formats where release_id = r.id');
    case 'folder':
      return sql`(select min(f.name) from collection_instances ci join collection_folders f on f.id = ci.folder_id where ci.release_id = r.id)`;
    case 'rating':
      return sql`(select max(rating) from collection_instances where release_id = r.id)`;
    case 'added':
      return sql`(select min(added_at) from collection_instances where release_id = r.id)`;
    case 'track':
      return sql`(select min(title_folded) from release_tracks where release_id = r.id and type = 'track')`;
    case 'duration':
      // A release's playing time: the sum of its tracks (known after records enrich).
      return sql`(select sum(duration_seconds) from release_tracks where release_id = r.id and type = 'track')`;
  }
}

/** Where a `group by` field's values come from: a release column, or rows joined per value. */
export interface GroupSource {
  /** A left join (releases without a value form one group with null), or none for a release column. */
  join?: RawBuilder<unknown>;
  value: RawBuilder<unknown>;
}

export function groupSource(field: FieldName, alias: string): GroupSource {
  // Plain joins on release_id (every child table's key starts with it), not subqueries, which SQLite
  // would materialise and index on every run.
  const t = sql.id(alias);
  const link = sql.id(`${alias}_link`);
  const column = (table: RawBuilder<unknown>, name: string) => sql`${table}.${sql.id(name)}`;
  const child = (table: string, name: string, extra = sql``): GroupSource => ({
    join: sql`left join ${sql.id(table)} ${t} on ${t}.release_id = r.id${extra}`,
    value: column(t, name),
  });
  switch (field) {
    case 'release':
      return { value: sql`r.title` };
    case 'year':
    case 'decade':
    case 'id':
    case 'country':
    case 'duration':
      return { value: releaseValue(field) };
    case 'artist':
      return {
        join: sql`left join release_artists ${link} on ${link}.release_id = r.id and ${link}.kind = 'main' left join artists ${t} on ${t}.id = ${link}.artist_id`,
        value: column(t, 'display_name'),
      };
    case 'label':
      return {
        join: sql`left join release_labels ${link} on ${link}.release_id = r.id left join labels ${t} on ${t}.id = ${link}.label_id`,
        value: column(t, 'name'),
      };
    case 'folder':
      return {
        join: sql`left join collection_instances ${link} on ${link}.release_id = r.id left join collection_folders ${t} on ${t}.id = ${link}.folder_id`,
        value: sql`coalesce(${column(t, 'name')}, ${column(link, 'folder_id')})`,
      };
    case 'catno':
      return child('release_labels', 'catno');
    case 'genre':
      return child('release_genres', 'genre');
    case 'style':
      return child('release_styles', 'style');
    case 'format':
      return child('release_formats', 'name');
    case 'rating':
      return child('collection_instances', 'rating');
    case 'added':
      return {
        ...child('collection_instances', 'added_at'),
        value: sql`substr(${column(t, 'added_at')}, 1, 10)`,
      };
    case 'track':
      return child('release_tracks', 'title', sql` and ${t}.type = 'track'`);
  }
}
