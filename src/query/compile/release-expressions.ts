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
  const g = (column: string) => sql.ref(`${alias}.${column}`);
  const per = (rows: string, column = 'value'): GroupSource => ({
    join: sql`left join (${sql.raw(rows)}) ${sql.id(alias)} on ${g('release_id')} = r.id`,
    value: g(column),
  });
  switch (field) {
    case 'release':
      return { value: sql`r.title` };
    case 'year':
    case 'decade':
    case 'id':
    case 'country':
      return { value: releaseValue(field) };
    case 'artist':
      return per(
        "select ra.release_id, a.display_name as value from release_artists ra join artists a on a.id = ra.artist_id where ra.kind = 'main'",
      );
    case 'label':
      return per(
        'select rl.release_id, l.name as value from release_labels rl join labels l on l.id = rl.label_id',
      );
    case 'catno':
      return per('select release_id, catno as value from release_labels');
    case 'genre':
      return per('select release_id, genre as value from release_genres');
    case 'style':
      return per('select release_id, style as value from release_styles');
    case 'format':
      return per('select release_id, name as value from release_formats');
    case 'folder':
      return per(
        'select ci.release_id, coalesce(f.name, ci.folder_id) as value from collection_instances ci left join collection_folders f on f.id = ci.folder_id',
      );
    case 'rating':
      return per('select release_id, rating as value from collection_instances');
    case 'added':
      return per('select release_id, substr(added_at, 1, 10) as value from collection_instances');
    case 'track':
      return per("select release_id, title as value from release_tracks where type = 'track'");
    case 'duration':
      return { value: releaseValue('duration') };
  }
}
