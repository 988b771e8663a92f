import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Filter } from '../ast.ts';
import type { FieldName } from '../fields.ts';
import { compareCondition, inCondition, type ValueCondition } from './condition.ts';
import { type ColumnKind, columnCondition, FALSE } from './value-sql.ts';
import { matchingKeys, type Vocabularies, type VocabularyName } from './vocabulary.ts';

/**
 * A filter as a SQL condition on `releases as r`. Fields with several values per release (genres,
 * artists, the folders of its copies, its tracks) match when any value does: `r.id in (subquery)`,
 * which SQLite evaluates once for the whole query, not per release.
 */
export function filterSql(filter: Filter, vocabularies: Vocabularies): RawBuilder<SqlBool> {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const parts = filter.operands.map((operand) => filterSql(operand, vocabularies));
      return sql<SqlBool>`(${sql.join(parts, filter.kind === 'and' ? sql` and ` : sql` or `)})`;
    }
    case 'not':
      return sql<SqlBool>`not ${filterSql(filter.operand, vocabularies)}`;
    case 'compare':
      return fieldSql(filter.field.name, compareCondition(filter.op, filter.value), vocabularies);
    case 'in':
      return fieldSql(filter.field.name, inCondition(filter.items), vocabularies);
  }
}

const r = (column: string): RawBuilder<unknown> => sql.ref(`r.${column}`);

/** Conditions never yield NULL, so `not` of one is always its opposite (unknown years included). */
function nullable(column: RawBuilder<unknown>, condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${column} is not null and ${condition})`;
}

function releasesWhere(from: RawBuilder<unknown>, condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`r.id in (select release_id from ${from} where ${condition})`;
}

function fieldSql(
  field: FieldName,
  condition: ValueCondition,
  vocabularies: Vocabularies,
): RawBuilder<SqlBool> {
  const on = (column: string, kind: ColumnKind) => columnCondition(sql.ref(column), kind, condition);
  const keys = (name: VocabularyName) => matchingKeys(vocabularies.get(name) ?? [], condition);
  switch (field) {
    case 'release':
      return columnCondition(r('title_folded'), 'folded', condition);
    case 'year':
      return nullable(r('year'), columnCondition(r('year'), 'number', condition));
    case 'decade':
      return nullable(r('year'), columnCondition(sql`(r.year / 10 * 10)`, 'number', condition));
    case 'id':
      return columnCondition(r('id'), 'number', condition);
    case 'country':
      return nullable(r('country'), inKeys(r('country'), keys('country')));
    case 'artist':
      return releasesWhere(
        sql`release_artists ra join artists a on a.id = ra.artist_id`,
        sql<SqlBool>`ra.kind = 'main' and ${on('a.name_folded', 'folded')}`,
      );
    case 'label':
      return releasesWhere(
        sql`release_labels rl join labels l on l.id = rl.label_id`,
        on('l.name_folded', 'folded'),
      );
    case 'catno':
      // Catalogue numbers are many and plain ASCII: lower() is folding enough, and stays in SQL.
      return releasesWhere(sql`release_labels`, columnCondition(sql`lower(catno)`, 'folded', condition));
    case 'genre':
      return releasesWhere(sql`release_genres`, inKeys(sql.ref('genre'), keys('genre')));
    case 'style':
      return releasesWhere(sql`release_styles`, inKeys(sql.ref('style'), keys('style')));
    case 'format':
      return sql<SqlBool>`(${releasesWhere(sql`release_formats`, inKeys(sql.ref('name'), keys('format')))} or ${releasesWhere(
        sql`release_format_descriptions`,
        inKeys(sql.ref('description'), keys('format_description')),
      )})`;
    case 'folder':
      return releasesWhere(sql`collection_instances`, inKeys(sql.ref('folder_id'), keys('folder')));
    case 'rating':
      return releasesWhere(sql`collection_instances`, on('rating', 'number'));
    case 'added':
      return releasesWhere(sql`collection_instances`, on('added_at', 'date'));
    case 'track':
      return releasesWhere(
        sql`release_tracks`,
        sql<SqlBool>`type = 'track' and ${on('title_folded', 'folded')}`,
      );
    case 'duration':
      return releasesWhere(
        sql`release_tracks`,
        sql<SqlBool>`type = 'track' and ${nullable(sql.ref('duration_seconds'), on('duration_seconds', 'number'))}`,
      );
  }
}

function inKeys(column: RawBuilder<unknown>, keys: readonly (string | number)[]): RawBuilder<SqlBool> {
  if (keys.length === 0) return FALSE;
  return sql<SqlBool>`${column} in (${sql.join(keys)})`;
}
