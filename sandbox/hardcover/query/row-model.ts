/** A table row as Hasura exposes it: column name → value. */
export type Row = Readonly<Record<string, unknown>>;

/** How a column's values compare; derived from its GraphQL scalar. */
export type ColumnKind = 'number' | 'text' | 'citext' | 'date' | 'timestamp' | 'boolean' | 'json';

export interface RelationAccess<T> {
  resolve(row: Row): T;
  model: RowModel;
}

/** What the where/order evaluators need to know about a table. */
export interface RowModel {
  /** The column's kind, or undefined when `name` is not a column. */
  column(name: string): ColumnKind | undefined;
  objectRelation(name: string): RelationAccess<Row | undefined> | undefined;
  /** Rows of an array relation, already filtered by the caller's permissions. */
  arrayRelation(name: string): RelationAccess<Row[]> | undefined;
}

const KIND_BY_SCALAR: Record<string, ColumnKind> = {
  Int: 'number',
  Float: 'number',
  bigint: 'number',
  float8: 'number',
  numeric: 'number',
  smallint: 'number',
  String: 'text',
  citext: 'citext',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  Boolean: 'boolean',
  json: 'json',
  jsonb: 'json',
};

export function columnKindOfScalar(scalar: string): ColumnKind {
  const kind = KIND_BY_SCALAR[scalar];
  if (!kind) throw new Error(`no column kind for scalar ${scalar}`);
  return kind;
}
