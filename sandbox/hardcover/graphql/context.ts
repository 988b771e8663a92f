/**
 * What one request executes with: the caller's user id, the data, and the row models that apply
 * Hasura's row permissions for the `user` role (own user_books and reads only; the catalogue and
 * user profiles are public).
 */
import type { Library } from '../library/library.ts';
import type { HardcoverStore } from '../library/store.ts';
import { type ColumnKind, columnKindOfScalar, type Row, type RowModel } from '../query/row-model.ts';
import { scalarOf, tableSpec } from '../schema/tables.ts';
import type { SearchDocument } from '../search/book-documents.ts';

export interface ExecutionContext {
  userId: number;
  store: HardcoverStore;
  library: Library;
  searchDocuments(type: string): SearchDocument[];
  model(table: string): RowModel;
  visible(table: string, row: Row): boolean;
}

export function visibleTo(store: HardcoverStore, userId: number, table: string, row: Row): boolean {
  if (table === 'user_books') return row.user_id === userId;
  if (table === 'user_book_reads') return store.one('user_books', 'id', row.user_book_id)?.user_id === userId;
  return true;
}

/** Row models for one caller; relations only reach rows that caller may see. */
export function rowModels(store: HardcoverStore, userId: number): (table: string) => RowModel {
  const cache = new Map<string, RowModel>();
  const visible = (table: string, row: Row) => visibleTo(store, userId, table, row);
  const modelFor = (table: string): RowModel => {
    const existing = cache.get(table);
    if (existing) return existing;
    const spec = tableSpec(table);
    const kinds = new Map<string, ColumnKind>(
      Object.entries(spec.columns).map(([name, type]) => [name, columnKindOfScalar(scalarOf(type))]),
    );
    const model: RowModel = {
      column: (name) => kinds.get(name),
      objectRelation(name) {
        const rel = spec.objectRelations[name];
        if (!rel) return undefined;
        return {
          resolve: (row) => {
            const target = store.one(rel.table, rel.to, row[rel.from]);
            return target && visible(rel.table, target) ? target : undefined;
          },
          get model() {
            return modelFor(rel.table);
          },
        };
      },
      arrayRelation(name) {
        const rel = spec.arrayRelations[name];
        if (!rel) return undefined;
        return {
          resolve: (row) =>
            store.where(rel.table, rel.to, row[rel.from]).filter((r) => visible(rel.table, r)),
          get model() {
            return modelFor(rel.table);
          },
        };
      },
    };
    cache.set(table, model);
    return model;
  };
  return modelFor;
}
