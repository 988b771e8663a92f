/**
 * What one request executes with: the caller's user id, the data, and the row models that apply
 * Hasura's row permissions for the `user` role: the catalogue and user profiles are public; a
 * reader sees their own user_books and lists and other readers' public ones (privacy_setting_id 1;
 * the docs filter `user_books` by `user_id` to get one's own library), reads and list entries
 * following theirs. Followers-only rows stay hidden: the stand-in has no follows.
 */
import type { Library } from '../library/library.ts';
import type { HardcoverStore } from '../library/store.ts';
import { type ColumnKind, columnKindOfScalar, type Row, type RowModel } from '../query/row-model.ts';
import { scalarOf, tableSpec } from '../schema/tables.ts';
import type { SearchCorpus } from '../search/search.ts';

export interface ExecutionContext {
  userId: number;
  store: HardcoverStore;
  library: Library;
  searchCorpus(type: string): SearchCorpus;
  model(table: string): RowModel;
  visible(table: string, row: Row): boolean;
}

function matchesOnly(row: Row, only: Readonly<Record<string, unknown>> | undefined): boolean {
  return only === undefined || Object.entries(only).every(([column, value]) => row[column] === value);
}

/** `privacy_setting_id` 1 Public, 2 Followers, 3 Private (docs: Schemas/UserBooks.mdx). */
const PUBLIC = 1;

export function visibleTo(store: HardcoverStore, userId: number, table: string, row: Row): boolean {
  if (table === 'user_books') return row.user_id === userId || row.privacy_setting_id === PUBLIC;
  if (table === 'user_book_reads') {
    const userBook = store.one('user_books', 'id', row.user_book_id);
    return userBook !== undefined && visibleTo(store, userId, 'user_books', userBook);
  }
  // Lists: a reader sees their own and public ones (privacy 1); entries follow their list.
  if (table === 'lists') return row.user_id === userId || row.privacy_setting_id === PUBLIC;
  if (table === 'list_books') {
    const list = store.one('lists', 'id', row.list_id);
    return list !== undefined && visibleTo(store, userId, 'lists', list);
  }
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
            store
              .where(rel.table, rel.to, row[rel.from])
              .filter((r) => matchesOnly(r, rel.only) && visible(rel.table, r)),
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
