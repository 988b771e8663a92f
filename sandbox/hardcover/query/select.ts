/** Hasura's list pipeline: where → order_by → distinct_on → offset → limit. */
import { HasuraError } from '../errors.ts';
import { type OrderBy, sortKeys, sortRows } from './order.ts';
import type { Row, RowModel } from './row-model.ts';
import { canonicalJson } from './values.ts';
import { type BoolExp, matchesWhere } from './where.ts';

export interface ListArgs {
  where?: BoolExp | null;
  order_by?: OrderBy | readonly OrderBy[] | null;
  distinct_on?: string | readonly string[] | null;
  limit?: number | null;
  offset?: number | null;
}

function nonNegative(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0)
    throw new HasuraError(`expecting a non-negative integer for "${name}"`, 'validation-failed', `$.${name}`);
  return value;
}

export function selectRows(rows: readonly Row[], args: ListArgs, model: RowModel, primaryKey: string): Row[] {
  const limit = nonNegative(args.limit, 'limit');
  const offset = nonNegative(args.offset, 'offset') ?? 0;
  const where = args.where;
  let selected = where ? rows.filter((row) => matchesWhere(row, where, model)) : [...rows];

  const distinct =
    args.distinct_on === null || args.distinct_on === undefined
      ? []
      : typeof args.distinct_on === 'string'
        ? [args.distinct_on]
        : [...args.distinct_on];
  let keys = args.order_by ? sortKeys(args.order_by, model) : [];
  if (distinct.length > 0) {
    if (keys.length === 0) {
      keys = sortKeys(Object.fromEntries(distinct.map((c) => [c, 'asc'])), model);
    } else {
      const leading = new Set(keys.slice(0, distinct.length).map((k) => k.column));
      if (leading.size !== distinct.length || distinct.some((c) => !leading.has(c)))
        throw new HasuraError(
          '"distinct_on" columns must match initial "order_by" columns',
          'validation-failed',
          '$',
        );
    }
  }
  selected = sortRows(selected, keys, primaryKey);
  if (distinct.length > 0) {
    const seen = new Set<string>();
    selected = selected.filter((row) => {
      const key = canonicalJson(distinct.map((c) => row[c]));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return selected.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** `count(columns, distinct)` of an aggregate: rows where every column is non-null, optionally distinct. */
export function countRows(
  rows: readonly Row[],
  columns: readonly string[] | null | undefined,
  distinct: boolean | null | undefined,
): number {
  const cols = columns ?? [];
  if (cols.length === 0) return rows.length;
  const present = rows.filter((row) => cols.every((c) => row[c] !== null && row[c] !== undefined));
  if (!distinct) return present.length;
  return new Set(present.map((row) => canonicalJson(cols.map((c) => row[c])))).size;
}
