import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { Aggregate, Query } from '../ast.ts';
import type { FieldName } from '../fields.ts';
import { groupSource, releaseValue } from './release-expressions.ts';

/** One group: its group-by values and aggregates, keyed by field name and aggregate label. */
export type AggregateRow = Record<string, string | number | null>;

/**
 * Counts and other aggregates per group. The inner query lists each matching release once per
 * combination of its group values (`select distinct`), with the values the aggregates need, so a
 * release counts once in each group it belongs to however its rows join.
 */
export async function aggregateRows(
  db: Kysely<DatabaseSchema>,
  query: Query,
  where: RawBuilder<SqlBool>,
): Promise<AggregateRow[]> {
  const sources = query.groupBy.map((field, index) => groupSource(field, `g${index}`));
  const valueFields = [...new Set(allAggregates(query).flatMap((aggregate) => aggregate.field ?? []))];
  const innerColumns = [
    sql`r.id as release_id`,
    ...sources.map((source, index) => sql`${source.value} as ${sql.id(`g${index}`)}`),
    // Titles are shown as written; releaseValue gives the folded form that sorts.
    ...valueFields.map(
      (field) => sql`${field === 'release' ? sql`r.title` : releaseValue(field)} as ${sql.id(`v_${field}`)}`,
    ),
  ];
  const joins = sources.flatMap((source) => (source.join ? [source.join] : []));
  // The matching ids first, on their own: otherwise SQLite may start from a joined table and test the
  // filter once per joined row, several times slower on a large collection.
  const matched = sql`select r.id from releases r where ${where}`;
  // Without joined values each matching release is one row already.
  const distinct = joins.length > 0 ? sql`distinct ` : sql``;
  const inner = sql`select ${distinct}${sql.join(innerColumns)} from matched join releases r on r.id = matched.id ${sql.join(joins, sql` `)}`;

  const outerColumns = [
    ...query.groupBy.map((field, index) => sql`${sql.ref(`g${index}`)} as ${sql.id(field)}`),
    ...query.aggregates.map((aggregate) => sql`${aggregateSql(aggregate)} as ${sql.id(aggregate.label)}`),
  ];
  const groupBy = query.groupBy.length
    ? sql` group by ${sql.join(query.groupBy.map((_, index) => sql.ref(`g${index}`)))}`
    : sql``;
  const orderBy = orderSql(query);
  const limit = query.limit === undefined ? sql`` : sql` limit ${query.limit}`;
  const statement = sql<AggregateRow>`with matched as materialized (${matched}) select ${sql.join(outerColumns)} from (${inner}) m${groupBy}${orderBy}${limit}`;
  const { rows } = await statement.execute(db);
  return rows.map((row) => roundAverages(row, query.aggregates));
}

function allAggregates(query: Query): Aggregate[] {
  const ordered = query.orderBy.flatMap((key) =>
    key.target.kind === 'aggregate' ? [key.target.aggregate] : [],
  );
  return [...query.aggregates, ...ordered];
}

function aggregateSql(aggregate: Aggregate): RawBuilder<unknown> {
  if (aggregate.field === undefined) return sql`count(*)`;
  const value = sql.ref(`v_${aggregate.field as FieldName}`);
  switch (aggregate.fn) {
    case 'count':
      return sql`count(distinct ${value})`;
    case 'min':
      return sql`min(${value})`;
    case 'max':
      return sql`max(${value})`;
    case 'avg':
      return sql`avg(${value})`;
    case 'sum':
      return sql`sum(${value})`;
  }
}

/** Groups in the order asked, then by their values, so the output is stable. */
function orderSql(query: Query): RawBuilder<unknown> {
  const keys = query.orderBy.map((key) => {
    const expression =
      key.target.kind === 'aggregate'
        ? aggregateSql(key.target.aggregate)
        : sql.ref(`g${query.groupBy.indexOf(key.target.field)}`);
    return sql`${expression} ${sql.raw(key.direction)}`;
  });
  keys.push(...query.groupBy.map((_, index) => sql.ref(`g${index}`)));
  return keys.length ? sql` order by ${sql.join(keys)}` : sql``;
}

function roundAverages(row: AggregateRow, aggregates: readonly Aggregate[]): AggregateRow {
  for (const aggregate of aggregates) {
    const value = row[aggregate.label];
    if (aggregate.fn === 'avg' && typeof value === 'number')
      row[aggregate.label] = Math.round(value * 100) / 100;
  }
  return row;
}
