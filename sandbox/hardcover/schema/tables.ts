/**
 * The Hasura tables the Hardcover stand-in serves, described once: the SDL (object types, bool_exp,
 * order_by, select_column, aggregates) is generated from this, and the executor resolves relations
 * and compares columns with it. Names, types and nullability follow Hardcover's published schema
 * (the user role's view); the contract test checks every one of them against the vendor SDL.
 */

import { authors, books, contributions, editions, images, languages, publishers } from './catalog-tables.ts';
import { readingFormats, userBookReads, userBookStatuses, userBooks, users } from './library-tables.ts';
import { listBooks, lists } from './list-tables.ts';
import { bookSeries, series } from './series-tables.ts';
import type { TableSpec } from './table-spec.ts';

export type { ArrayRelationSpec, ObjectRelationSpec, TableSpec } from './table-spec.ts';

export const TABLES: readonly TableSpec[] = [
  users,
  userBooks,
  userBookReads,
  userBookStatuses,
  readingFormats,
  books,
  editions,
  authors,
  contributions,
  publishers,
  languages,
  images,
  series,
  bookSeries,
  lists,
  listBooks,
];

export const TABLES_BY_NAME: ReadonlyMap<string, TableSpec> = new Map(TABLES.map((t) => [t.name, t]));

export function tableSpec(name: string): TableSpec {
  const spec = TABLES_BY_NAME.get(name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
}

/** The column's scalar name without list or non-null markers: `json!` → `json`. */
export function scalarOf(columnType: string): string {
  return columnType.replace(/[![\]]/g, '');
}
