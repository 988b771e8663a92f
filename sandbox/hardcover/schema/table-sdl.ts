/**
 * Writes the SDL Hasura generates for a table: the object type, `_bool_exp`, `_order_by`,
 * `_select_column`, the `_aggregate` family (the aggregate functions and orderings by them, but
 * `_aggregate` filters by `count` only; the vendor also has `bool_and`/`bool_or`), and root fields.
 */
import { aggregateFieldsSdl, aggregateOrderBySdl } from './aggregate-sdl.ts';
import { scalarOf, type TableSpec, tableSpec } from './tables.ts';

const JSON_SCALARS = new Set(['json', 'jsonb']);

/** The arguments Hasura puts on every list field and array relation. */
export function listArgs(table: string): string {
  return (
    `(distinct_on: [${table}_select_column!], limit: Int, offset: Int, ` +
    `order_by: [${table}_order_by!], where: ${table}_bool_exp)`
  );
}

function objectType(spec: TableSpec): string {
  const lines: string[] = [];
  for (const [name, type] of Object.entries(spec.columns)) {
    const pathArg = JSON_SCALARS.has(scalarOf(type)) ? '(path: String)' : '';
    lines.push(`  ${name}${pathArg}: ${type}`);
  }
  for (const [name, rel] of Object.entries(spec.objectRelations)) {
    lines.push(`  ${name}: ${rel.table}${rel.nullable ? '' : '!'}`);
  }
  for (const [name, rel] of Object.entries(spec.arrayRelations)) {
    lines.push(`  ${name}${listArgs(rel.table)}: [${rel.table}!]!`);
    if (rel.aggregate) lines.push(`  ${name}_aggregate${listArgs(rel.table)}: ${rel.table}_aggregate!`);
  }
  return `type ${spec.name} {\n${lines.sort().join('\n')}\n}`;
}

function boolExp(spec: TableSpec): string {
  const t = spec.name;
  const lines = [`  _and: [${t}_bool_exp!]`, `  _not: ${t}_bool_exp`, `  _or: [${t}_bool_exp!]`];
  for (const [name, type] of Object.entries(spec.columns)) {
    lines.push(`  ${name}: ${scalarOf(type)}_comparison_exp`);
  }
  for (const [name, rel] of Object.entries(spec.objectRelations))
    lines.push(`  ${name}: ${rel.table}_bool_exp`);
  for (const [name, rel] of Object.entries(spec.arrayRelations)) {
    lines.push(`  ${name}: ${rel.table}_bool_exp`);
    if (rel.aggregate) lines.push(`  ${name}_aggregate: ${rel.table}_aggregate_bool_exp`);
  }
  return `input ${t}_bool_exp {\n${lines.sort().join('\n')}\n}`;
}

function orderBy(spec: TableSpec): string {
  const lines: string[] = [];
  for (const name of Object.keys(spec.columns)) lines.push(`  ${name}: order_by`);
  for (const [name, rel] of Object.entries(spec.objectRelations))
    lines.push(`  ${name}: ${rel.table}_order_by`);
  for (const [name, rel] of Object.entries(spec.arrayRelations)) {
    if (tableSpec(rel.table).aggregate) lines.push(`  ${name}_aggregate: ${rel.table}_aggregate_order_by`);
  }
  return `input ${spec.name}_order_by {\n${lines.sort().join('\n')}\n}`;
}

function selectColumn(spec: TableSpec): string {
  return `enum ${spec.name}_select_column {\n${Object.keys(spec.columns)
    .sort()
    .map((c) => `  ${c}`)
    .join('\n')}\n}`;
}

function aggregateTypes(spec: TableSpec): string {
  const t = spec.name;
  return [
    `type ${t}_aggregate {\n  aggregate: ${t}_aggregate_fields\n  nodes: [${t}!]!\n}`,
    aggregateFieldsSdl(spec),
    `input ${t}_aggregate_bool_exp {\n  count: ${t}_aggregate_bool_exp_count\n}`,
    `input ${t}_aggregate_bool_exp_count {\n  arguments: [${t}_select_column!]\n  distinct: Boolean\n` +
      `  filter: ${t}_bool_exp\n  predicate: Int_comparison_exp!\n}`,
    aggregateOrderBySdl(spec),
  ].join('\n\n');
}

export function tableSdl(spec: TableSpec): string {
  for (const rel of Object.values(spec.arrayRelations)) {
    if (rel.aggregate && !tableSpec(rel.table).aggregate)
      throw new Error(`${spec.name}: ${rel.table} needs aggregate types`);
  }
  const parts = [objectType(spec), boolExp(spec), orderBy(spec), selectColumn(spec)];
  if (spec.aggregate) parts.push(aggregateTypes(spec));
  return parts.join('\n\n');
}

/** The table's fields on `query_root`. */
export function rootFieldsSdl(spec: TableSpec): string[] {
  const t = spec.name;
  const fields: string[] = [];
  if (spec.root.list) fields.push(`  ${t}${listArgs(t)}: [${t}!]!`);
  if (spec.root.aggregate) fields.push(`  ${t}_aggregate${listArgs(t)}: ${t}_aggregate!`);
  if (spec.root.byPk) fields.push(`  ${t}_by_pk(id: ${spec.primaryKeyType}): ${t}`);
  return fields;
}
