/**
 * The `<table>_aggregate_fields` Hasura generates: `count`, then one object per aggregate function
 * whose fields are the columns it applies to. `max`/`min` take every column but booleans and json
 * (same scalar), `sum` the numeric ones (same scalar), the averaging and spread functions the
 * numeric ones as `Float` (schema.graphql: `type user_book_reads_aggregate_fields` and its
 * `_max_fields`, `_sum_fields`, `_avg_fields`).
 */
import { scalarOf, type TableSpec } from './tables.ts';

const NUMERIC_SCALARS = new Set(['Int', 'Float', 'bigint', 'float8', 'numeric', 'smallint']);
const UNORDERED_SCALARS = new Set(['Boolean', 'json', 'jsonb']);

/** Averaging and spread functions: numeric columns, answered as Float. */
export const STATISTIC_FUNCTIONS = [
  'avg',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'var_pop',
  'var_samp',
  'variance',
] as const;
export const EXTREME_FUNCTIONS = ['max', 'min'] as const;
export type AggregateFunction =
  | (typeof STATISTIC_FUNCTIONS)[number]
  | (typeof EXTREME_FUNCTIONS)[number]
  | 'sum';

/** Column name → output scalar, for one aggregate function. */
function functionColumns(spec: TableSpec, fn: AggregateFunction): [string, string][] {
  const columns = Object.entries(spec.columns).map(([name, type]) => [name, scalarOf(type)] as const);
  if (fn === 'max' || fn === 'min')
    return columns.filter(([, scalar]) => !UNORDERED_SCALARS.has(scalar)).map(([n, s]) => [n, s]);
  const numeric = columns.filter(([, scalar]) => NUMERIC_SCALARS.has(scalar));
  return numeric.map(([name, scalar]) => [name, fn === 'sum' ? scalar : 'Float']);
}

const ALL_FUNCTIONS: readonly AggregateFunction[] = [...STATISTIC_FUNCTIONS, ...EXTREME_FUNCTIONS, 'sum'];

export function isAggregateFunction(name: string): name is AggregateFunction {
  return (ALL_FUNCTIONS as readonly string[]).includes(name);
}

/** `<table>_aggregate_order_by`: by `count`, or by any function over one of its columns. */
export function aggregateOrderBySdl(spec: TableSpec): string {
  const t = spec.name;
  const fields = ['  count: order_by'];
  const types: string[] = [];
  for (const fn of ALL_FUNCTIONS) {
    const columns = functionColumns(spec, fn);
    if (columns.length === 0) continue;
    fields.push(`  ${fn}: ${t}_${fn}_order_by`);
    const lines = columns.map(([name]) => `  ${name}: order_by`).sort();
    types.push(`input ${t}_${fn}_order_by {\n${lines.join('\n')}\n}`);
  }
  return [`input ${t}_aggregate_order_by {\n${fields.sort().join('\n')}\n}`, ...types].join('\n\n');
}

/** `<table>_aggregate_fields` and the `<table>_<fn>_fields` types it points at. */
export function aggregateFieldsSdl(spec: TableSpec): string {
  const t = spec.name;
  const fields = [`  count(columns: [${t}_select_column!], distinct: Boolean): Int!`];
  const types: string[] = [];
  for (const fn of ALL_FUNCTIONS) {
    const columns = functionColumns(spec, fn);
    if (columns.length === 0) continue;
    fields.push(`  ${fn}: ${t}_${fn}_fields`);
    const lines = columns.map(([name, scalar]) => `  ${name}: ${scalar}`).sort();
    types.push(`type ${t}_${fn}_fields {\n${lines.join('\n')}\n}`);
  }
  return [`type ${t}_aggregate_fields {\n${fields.sort().join('\n')}\n}`, ...types].join('\n\n');
}
