/**
 * Evaluates a Hasura `where` (a `<table>_bool_exp`) against one row, with Postgres semantics:
 * a comparison with a NULL column is false, `_is_null` is the only way to match NULL, `{}` is true,
 * `_or: []` is false. Relations follow the model: an object relation must exist and match, an
 * array relation needs at least one matching row, `<rel>_aggregate: {count: ...}` counts them.
 */
import { HasuraError } from '../errors.ts';
import type { ColumnKind, Row, RowModel } from './row-model.ts';
import { canonicalJson, compareNormalized, normalize } from './values.ts';

/** Operators present in Hardcover's schema that its API refuses. */
export const DISABLED_OPERATORS: ReadonlySet<string> = new Set([
  '_like',
  '_nlike',
  '_ilike',
  '_nilike',
  '_regex',
  '_nregex',
  '_iregex',
  '_niregex',
  '_similar',
  '_nsimilar',
]);

export type BoolExp = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (value === null || value === undefined)
    throw new HasuraError('unexpected null value for type "bool_exp"', 'validation-failed', path);
  if (!isPlainObject(value)) throw new HasuraError('expected an object', 'validation-failed', path);
  return value;
}

function expectList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new HasuraError('expected a list', 'validation-failed', path);
  return value;
}

function jsonContains(container: unknown, contained: unknown): boolean {
  if (Array.isArray(contained)) {
    if (!Array.isArray(container)) return false;
    return contained.every((item) => container.some((candidate) => jsonContains(candidate, item)));
  }
  if (isPlainObject(contained)) {
    if (!isPlainObject(container)) return false;
    return Object.entries(contained).every(
      ([key, item]) => key in container && jsonContains(container[key], item),
    );
  }
  return canonicalJson(container) === canonicalJson(contained);
}

function compare(kind: ColumnKind, value: unknown, op: string, operand: unknown, path: string): boolean {
  if (DISABLED_OPERATORS.has(op))
    throw new HasuraError(`the operator "${op}" is disabled on this API`, 'validation-failed', path);
  if (operand === null || operand === undefined)
    throw new HasuraError(`unexpected null value for type "${kind}"`, 'validation-failed', path);
  if (op === '_is_null') {
    if (typeof operand !== 'boolean') throw new HasuraError('expected a boolean', 'validation-failed', path);
    return (value === null || value === undefined) === operand;
  }
  if (op === '_nin' && expectList(operand, path).length === 0) return true;
  if (value === null || value === undefined) return false;
  const own = normalize(kind, value);
  switch (op) {
    case '_eq':
      return own === normalize(kind, operand);
    case '_neq':
      return own !== normalize(kind, operand);
    case '_in':
      return expectList(operand, path).some((item) => own === normalize(kind, item));
    case '_nin':
      return !expectList(operand, path).some((item) => own === normalize(kind, item));
    case '_gt':
      return compareNormalized(own, normalize(kind, operand)) > 0;
    case '_gte':
      return compareNormalized(own, normalize(kind, operand)) >= 0;
    case '_lt':
      return compareNormalized(own, normalize(kind, operand)) < 0;
    case '_lte':
      return compareNormalized(own, normalize(kind, operand)) <= 0;
  }
  if (kind === 'json') {
    switch (op) {
      case '_contains':
        return jsonContains(value, operand);
      case '_contained_in':
        return jsonContains(operand, value);
      case '_has_key':
        return isPlainObject(value) && String(operand) in value;
      case '_has_keys_any':
        return isPlainObject(value) && expectList(operand, path).some((key) => String(key) in value);
      case '_has_keys_all':
        return isPlainObject(value) && expectList(operand, path).every((key) => String(key) in value);
    }
  }
  throw new HasuraError(`unknown operator "${op}"`, 'validation-failed', path);
}

function matchesColumn(kind: ColumnKind, value: unknown, comparison: unknown, path: string): boolean {
  const ops = expectObject(comparison, path);
  return Object.entries(ops).every(([op, operand]) => compare(kind, value, op, operand, `${path}.${op}`));
}

function matchesAggregate(rows: Row[], model: RowModel, exp: unknown, path: string): boolean {
  const spec = expectObject(exp, path);
  for (const [fn, raw] of Object.entries(spec)) {
    if (fn !== 'count')
      throw new HasuraError(`aggregate "${fn}" is not supported`, 'validation-failed', path);
    const count = expectObject(raw, `${path}.count`);
    const filter =
      count.filter === undefined ? undefined : expectObject(count.filter, `${path}.count.filter`);
    let selected = filter
      ? rows.filter((row) => matchesWhere(row, filter, model, `${path}.count.filter`))
      : rows;
    const columns = count.arguments === undefined ? [] : (expectList(count.arguments, path) as string[]);
    if (columns.length > 0) selected = selected.filter((row) => columns.every((c) => row[c] != null));
    let n = selected.length;
    if (count.distinct === true && columns.length > 0)
      n = new Set(selected.map((row) => canonicalJson(columns.map((c) => row[c])))).size;
    if (!matchesColumn('number', n, count.predicate, `${path}.count.predicate`)) return false;
  }
  return true;
}

/** True when `row` satisfies `where`. Throws HasuraError for invalid input (nulls, unknown fields). */
export function matchesWhere(row: Row, where: BoolExp, model: RowModel, path = '$.where'): boolean {
  for (const [key, value] of Object.entries(where)) {
    const at = `${path}.${key}`;
    if (key === '_and') {
      if (!expectList(value, at).every((item) => matchesWhere(row, expectObject(item, at), model, at)))
        return false;
      continue;
    }
    if (key === '_or') {
      if (!expectList(value, at).some((item) => matchesWhere(row, expectObject(item, at), model, at)))
        return false;
      continue;
    }
    if (key === '_not') {
      if (matchesWhere(row, expectObject(value, at), model, at)) return false;
      continue;
    }
    const kind = model.column(key);
    if (kind) {
      if (!matchesColumn(kind, row[key], value, at)) return false;
      continue;
    }
    const object = model.objectRelation(key);
    if (object) {
      const related = object.resolve(row);
      if (!related || !matchesWhere(related, expectObject(value, at), object.model, at)) return false;
      continue;
    }
    const array = model.arrayRelation(key);
    if (array) {
      const exp = expectObject(value, at);
      if (!array.resolve(row).some((related) => matchesWhere(related, exp, array.model, at))) return false;
      continue;
    }
    const aggregated = key.endsWith('_aggregate')
      ? model.arrayRelation(key.slice(0, -'_aggregate'.length))
      : undefined;
    if (aggregated) {
      if (!matchesAggregate(aggregated.resolve(row), aggregated.model, value, at)) return false;
      continue;
    }
    throw new HasuraError(`field '${key}' not found in the boolean expression`, 'validation-failed', at);
  }
  return true;
}
