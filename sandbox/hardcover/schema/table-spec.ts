/** The shape of a table description (see tables.ts). */

/** How a relation joins: `source[from] === target[to]`. */
export interface ObjectRelationSpec {
  table: string;
  /** The GraphQL type the field returns: `books!` or `editions`. */
  nullable: boolean;
  from: string;
  to: string;
}

export interface ArrayRelationSpec {
  table: string;
  from: string;
  to: string;
  /** Hasura also exposes `<name>_aggregate` for this relation. */
  aggregate: boolean;
  /** Extra column values the related rows must have (a polymorphic join: `contributable_type`). */
  only?: Readonly<Record<string, unknown>>;
}

export interface TableSpec {
  name: string;
  primaryKey: string;
  /** Column name → GraphQL type (`Int!`, `citext`, `json!`). json/jsonb columns take a `path` argument. */
  columns: Record<string, string>;
  objectRelations: Record<string, ObjectRelationSpec>;
  arrayRelations: Record<string, ArrayRelationSpec>;
  /** `<name>_aggregate` types are declared (needed when any relation or root field aggregates it). */
  aggregate: boolean;
  /** Root query fields: `<name>`, `<name>_by_pk`, `<name>_aggregate`. */
  root: { list: boolean; byPk: boolean; aggregate: boolean };
  /** The type of the primary key in `<name>_by_pk(id: ...)`. */
  primaryKeyType: string;
}

export const obj = (table: string, from: string, to: string, nullable: boolean): ObjectRelationSpec => ({
  table,
  from,
  to,
  nullable,
});
export const arr = (
  table: string,
  from: string,
  to: string,
  aggregate: boolean,
  only?: Readonly<Record<string, unknown>>,
): ArrayRelationSpec => ({ table, from, to, aggregate, ...(only ? { only } : {}) });
