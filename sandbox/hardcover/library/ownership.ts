/**
 * `edition_owned(id)`: Hardcover keeps what a reader owns in their "Owned" list (created on first
 * use). Marking an edition owned puts its book on that list with that edition (a second call for
 * the same book switches the edition) and flags the reader's user book, if any, as owned.
 */
import type { Clock } from '../../../src/core/clock.ts';
import { timestamp, timestamptz } from './dates.ts';
import type { ListBookRow, ListRow, UserBookRow } from './rows.ts';
import type { HardcoverStore } from './store.ts';

export interface ListBookResult {
  id: number | null;
  list_book: ListBookRow | null;
}

export const OWNED_LIST_NAME = 'Owned';

function nextId(rows: readonly { id: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;
}

function ownedList(store: HardcoverStore, userId: number, now: number): ListRow {
  const lists = store.tables.lists;
  const existing = lists.find((l) => l.user_id === userId && l.name === OWNED_LIST_NAME);
  if (existing) return existing;
  const list: ListRow = {
    id: nextId(lists),
    user_id: userId,
    name: OWNED_LIST_NAME,
    slug: 'owned',
    description: null,
    books_count: 0,
    default_view: 'card',
    featured: false,
    featured_profile: false,
    followers_count: 0,
    imported: false,
    likes_count: 0,
    object_type: 'List',
    privacy_setting_id: 1,
    public: true,
    ranked: false,
    url: null,
    created_at: timestamp(now),
    updated_at: timestamptz(now),
  };
  lists.push(list);
  return list;
}

export function markEditionOwned(
  store: HardcoverStore,
  clock: Clock,
  userId: number,
  editionId: number,
): ListBookResult {
  const edition = store.edition(editionId);
  if (!edition) return { id: null, list_book: null };
  const now = clock.now();
  const list = ownedList(store, userId, now);
  const entries = store.tables.list_books;
  let entry = entries.find((e) => e.list_id === list.id && e.book_id === edition.book_id);
  if (entry) {
    entry.edition_id = edition.id;
    entry.updated_at = timestamptz(now);
  } else {
    entry = {
      id: nextId(entries),
      list_id: list.id,
      book_id: edition.book_id,
      edition_id: edition.id,
      position: entries.filter((e) => e.list_id === list.id).length + 1,
      reason: null,
      imported: false,
      date_added: timestamptz(now),
      merged_at: null,
      original_book_id: null,
      original_edition_id: null,
      created_at: timestamp(now),
      updated_at: timestamptz(now),
    };
    entries.push(entry);
  }
  list.books_count = entries.filter((e) => e.list_id === list.id).length;
  list.updated_at = timestamptz(now);
  const userBook = store.tables.user_books.find(
    (ub: UserBookRow) => ub.user_id === userId && ub.book_id === edition.book_id,
  );
  if (userBook) userBook.owned = true;
  store.changed();
  return { id: entry.id, list_book: entry };
}
