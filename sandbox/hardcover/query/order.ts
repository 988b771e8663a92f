/**
 * Hasura `order_by`: a list of objects whose keys are columns (with an `order_by` direction),
 * object relations (a nested order_by) or `<array relation>_aggregate: {count: direction}` or
 * `{max: {column: direction}}` (any aggregate function over one column).
 * Postgres defaults: `asc` puts NULLs last, `desc` puts them first.
 */
import { HasuraError } from '../errors.ts';
import { isAggregateFunction } from '../schema/aggregate-sdl.ts';
import { aggregateColumn } from './aggregate.ts';
import type { ColumnKind, Row, RowModel } from './row-model.ts';
import { compareNormalized, normalize } from './values.ts';

const DIRECTIONS = new Set([
  'asc',
  'asc_nulls_first',
  'asc_nulls_last',
  'desc',
  'desc_nulls_first',
  'desc_nulls_last',
]);

export type OrderBy = Readonly<Record<string, unknown>>;

interface SortKey {
  /** Top-level column name when the key is a plain column of the table (for distinct_on checks). */
  column: string | undefined;
  value(row: Row): unknown;
  kind: ColumnKind;
  descending: boolean;
  nullsFirst: boolean;
}

function direction(value: unknown, path: string): { descending: boolean; nullsFirst: boolean } {
  if (typeof value !== 'string' || !DIRECTIONS.has(value))
    throw new HasuraError(`expected one of the values of order_by at ${path}`, 'validation-failed', path);
  const descending = value.startsWith('desc');
  const nullsFirst = value.endsWith('nulls_first') || (descending && !value.endsWith('nulls_last'));
  return { descending, nullsFirst };
}

function collectKeys(
  spec: OrderBy,
  model: RowModel,
  reach: (row: Row) => Row | undefined,
  topLevel: boolean,
  path: string,
): SortKey[] {
  const keys: SortKey[] = [];
  for (const [name, value] of Object.entries(spec)) {
    const at = `${path}.${name}`;
    if (value === null || value === undefined) continue;
    const kind = model.column(name);
    if (kind) {
      keys.push({
        column: topLevel ? name : undefined,
        value: (row) => reach(row)?.[name],
        kind,
        ...direction(value, at),
      });
      continue;
    }
    const object = model.objectRelation(name);
    if (object) {
      if (typeof value !== 'object') throw new HasuraError('expected an object', 'validation-failed', at);
      const next = (row: Row) => {
        const parent = reach(row);
        return parent ? object.resolve(parent) : undefined;
      };
      keys.push(...collectKeys(value as OrderBy, object.model, next, false, at));
      continue;
    }
    const array = name.endsWith('_aggregate')
      ? model.arrayRelation(name.slice(0, -'_aggregate'.length))
      : undefined;
    if (array && typeof value === 'object') {
      for (const [fn, dir] of Object.entries(value as Record<string, unknown>)) {
        if (dir === null || dir === undefined) continue;
        const related = (row: Row) => {
          const parent = reach(row);
          return parent ? array.resolve(parent) : [];
        };
        if (fn === 'count') {
          keys.push({
            column: undefined,
            value: (row) => related(row).length,
            kind: 'number',
            ...direction(dir, `${at}.count`),
          });
          continue;
        }
        if (!isAggregateFunction(fn) || typeof dir !== 'object')
          throw new HasuraError(`aggregate "${fn}" is not supported`, 'validation-failed', at);
        for (const [column, columnDir] of Object.entries(dir as Record<string, unknown>)) {
          const kind = array.model.column(column);
          if (!kind || columnDir === null || columnDir === undefined) continue;
          keys.push({
            column: undefined,
            value: (row) => aggregateColumn(fn, related(row), column, kind),
            kind: fn === 'max' || fn === 'min' ? kind : 'number',
            ...direction(columnDir, `${at}.${fn}.${column}`),
          });
        }
      }
      continue;
    }
    throw new HasuraError(`field '${name}' not found in the order_by expression`, 'validation-failed', at);
  }
  return keys;
}

/** The sort keys of an order_by argument (a single object counts as a list of one). */
export function sortKeys(orderBy: OrderBy | readonly OrderBy[], model: RowModel): SortKey[] {
  const list = Array.isArray(orderBy) ? orderBy : [orderBy as OrderBy];
  return list.flatMap((spec, i) => collectKeys(spec, model, (row) => row, true, `$.order_by[${i}]`));
}

function compareByKey(a: Row, b: Row, key: SortKey): number {
  const va = key.value(a);
  const vb = key.value(b);
  const aNull = va === null || va === undefined;
  const bNull = vb === null || vb === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    return aNull === key.nullsFirst ? -1 : 1;
  }
  const order = compareNormalized(normalize(key.kind, va), normalize(key.kind, vb));
  return key.descending ? -order : order;
}

/** A sorted copy; ties fall back to the primary key so results are deterministic. */
export function sortRows(rows: readonly Row[], keys: readonly SortKey[], primaryKey: string): Row[] {
  const tiebreak: SortKey = {
    column: primaryKey,
    value: (row) => row[primaryKey],
    kind: 'number',
    descending: false,
    nullsFirst: false,
  };
  const all = [...keys, tiebreak];
  return [...rows].sort((a, b) => {
    for (const key of all) {
      const order = compareByKey(a, b, key);
      if (order !== 0) return order;
    }
    return 0;
  });
}
