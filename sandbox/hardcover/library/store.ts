/**
 * The stand-in's in-memory database: the tables, lookups by column, and the columns Hardcover
 * derives itself (read progress, a user book's read count and dates, a user's books_count).
 */
import type { HardcoverWorld } from '../../books/world.ts';
import type { Row } from '../query/row-model.ts';
import { tablesFromWorld } from './from-world.ts';
import type { EditionRow, Tables, UserBookReadRow, UserBookRow, UserRow } from './rows.ts';

export type TableName = keyof Tables;

const USER_TABLES: ReadonlySet<string> = new Set<TableName>(['user_books', 'user_book_reads', 'users']);

/**
 * Columns a user row keeps for life: their lookups follow inserts and deletes instead of being
 * rebuilt after every write. Any other column of a user table may change in place (a status, a
 * date, a count), so its lookups are dropped on every write, as before.
 */
const FIXED_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  user_books: new Set(['id', 'user_id', 'book_id']),
  user_book_reads: new Set(['id', 'user_book_id']),
  users: new Set(['id']),
};

type Index = Map<unknown, readonly Row[]>;

export class HardcoverStore {
  readonly tables: Tables;
  /** table → column → value → rows, in table order. */
  private indexes = new Map<string, Map<string, Index>>();
  private nextIds: Record<'user_books' | 'user_book_reads', number>;

  constructor(world: HardcoverWorld) {
    this.tables = tablesFromWorld(world);
    const maxId = (rows: { id: number }[]) => rows.reduce((max, row) => Math.max(max, row.id), 0);
    this.nextIds = {
      user_books: maxId(this.tables.user_books) + 1,
      user_book_reads: maxId(this.tables.user_book_reads) + 1,
    };
    for (const read of this.tables.user_book_reads) this.refreshProgress(read);
    for (const userBook of this.tables.user_books) this.refreshUserBook(userBook);
    for (const user of this.tables.users) this.countBooks(user);
  }

  rows(table: string): readonly Row[] {
    return (this.tables[table as TableName] ?? []) as readonly Row[];
  }

  /** Rows of `table` whose `column` equals `value`, in table order (indexed; see `FIXED_COLUMNS`). */
  where(table: string, column: string, value: unknown): readonly Row[] {
    if (value === null || value === undefined) return [];
    let columns = this.indexes.get(table);
    if (!columns) {
      columns = new Map();
      this.indexes.set(table, columns);
    }
    let index = columns.get(column);
    if (!index) {
      const built = new Map<unknown, Row[]>();
      for (const row of this.rows(table)) {
        const bucket = built.get(row[column]);
        if (bucket) bucket.push(row);
        else built.set(row[column], [row]);
      }
      index = built;
      columns.set(column, index);
    }
    return index.get(value) ?? [];
  }

  one(table: string, column: string, value: unknown): Row | undefined {
    return this.where(table, column, value)[0];
  }

  edition(id: number | null): EditionRow | undefined {
    return id === null ? undefined : (this.one('editions', 'id', id) as EditionRow | undefined);
  }

  userBook(id: number): UserBookRow | undefined {
    return this.one('user_books', 'id', id) as UserBookRow | undefined;
  }

  read(id: number): UserBookReadRow | undefined {
    return this.one('user_book_reads', 'id', id) as UserBookReadRow | undefined;
  }

  readsOf(userBookId: number): UserBookReadRow[] {
    return this.where('user_book_reads', 'user_book_id', userBookId) as UserBookReadRow[];
  }

  nextId(table: 'user_books' | 'user_book_reads'): number {
    const id = this.nextIds[table];
    this.nextIds[table] = id + 1;
    return id;
  }

  /** Appends a user book or read; lookups see it. */
  insert(table: 'user_books', row: UserBookRow): void;
  insert(table: 'user_book_reads', row: UserBookReadRow): void;
  insert(table: 'user_books' | 'user_book_reads', row: UserBookRow | UserBookReadRow): void {
    (this.tables[table] as (UserBookRow | UserBookReadRow)[]).push(row);
    // A new array per change: a list handed out earlier stays as it was, as a rebuilt index left it.
    this.followFixed(table, (index, column) => {
      const key = (row as Row)[column];
      index.set(key, [...(index.get(key) ?? []), row]);
    });
  }

  /** Removes the user books or reads `doomed` picks; lookups stop seeing them. */
  remove(table: 'user_books', doomed: (row: UserBookRow) => boolean): void;
  remove(table: 'user_book_reads', doomed: (row: UserBookReadRow) => boolean): void;
  remove(table: 'user_books' | 'user_book_reads', doomed: (row: never) => boolean): void {
    const removed = new Set<Row>();
    const kept = (this.tables[table] as Row[]).filter((row) => {
      if (!(doomed as (row: Row) => boolean)(row)) return true;
      removed.add(row);
      return false;
    });
    (this.tables as unknown as Record<string, Row[]>)[table] = kept;
    this.followFixed(table, (index, column) => {
      for (const key of new Set([...removed].map((row) => row[column]))) {
        const left = (index.get(key) ?? []).filter((row) => !removed.has(row));
        if (left.length > 0) index.set(key, left);
        else index.delete(key);
      }
    });
  }

  /** Keeps `table`'s fixed-column lookups with `update` and drops its others. */
  private followFixed(table: string, update: (index: Index, column: string) => void): void {
    const columns = this.indexes.get(table);
    if (!columns) return;
    for (const [column, index] of columns) {
      if (FIXED_COLUMNS[table]?.has(column)) update(index, column);
      else columns.delete(column);
    }
  }

  /** Call after any write so lookups see it. */
  changed(): void {
    this.indexes.clear();
  }

  /**
   * Call after a change in place to a user's books or reads (and the counts on users): only the
   * lookups on columns that can change are rebuilt, not the catalogue's nor the ids', which would
   * make each write cost as much as the whole catalogue.
   */
  userRowsChanged(): void {
    for (const table of USER_TABLES) {
      const columns = this.indexes.get(table);
      if (!columns) continue;
      for (const column of columns.keys()) if (!FIXED_COLUMNS[table]?.has(column)) columns.delete(column);
    }
  }

  /** Hardcover computes `progress` (a percentage) from pages or seconds and the edition's length. */
  refreshProgress(read: UserBookReadRow): void {
    const userBook = this.userBook(read.user_book_id);
    const edition = this.edition(read.edition_id) ?? this.edition(userBook?.edition_id ?? null);
    const book = userBook ? this.one('books', 'id', userBook.book_id) : undefined;
    const useSeconds =
      read.progress_seconds !== null && (read.progress_pages === null || edition?.reading_format_id === 2);
    const done = useSeconds ? read.progress_seconds : read.progress_pages;
    const total = useSeconds
      ? (edition?.audio_seconds ?? (book?.audio_seconds as number | null | undefined))
      : (edition?.pages ?? (book?.pages as number | null | undefined));
    read.progress = done === null || !total ? null : (done / total) * 100;
  }

  /**
   * read_count and the first/last dates follow the user book's reads, as Hardcover's triggers keep
   * them. With no reads the stored values stay, unless `resetWhenEmpty` (the last read was deleted).
   */
  refreshUserBook(userBook: UserBookRow, resetWhenEmpty = false): void {
    const reads = this.readsOf(userBook.id);
    if (reads.length === 0 && !resetWhenEmpty) return;
    const started = reads.flatMap((r) => (r.started_at ? [r.started_at] : [])).sort();
    const finished = reads.flatMap((r) => (r.finished_at ? [r.finished_at] : [])).sort();
    userBook.read_count = finished.length;
    userBook.first_started_reading_date = started[0] ?? null;
    userBook.first_read_date = finished[0] ?? null;
    userBook.last_read_date = finished.at(-1) ?? null;
  }

  /** A user's books_count follows their user books; call after adding or removing one of them. */
  refreshBooksCount(userId: number): void {
    const user = this.one('users', 'id', userId) as UserRow | undefined;
    if (user) this.countBooks(user);
  }

  private countBooks(user: UserRow): void {
    user.books_count = this.where('user_books', 'user_id', user.id).length;
  }

  /** User books beyond the first for one person and one book (Hardcover allows only one). */
  duplicateUserBooks(): number {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const userBook of this.tables.user_books) {
      const key = `${userBook.user_id}:${userBook.book_id}`;
      if (seen.has(key)) duplicates += 1;
      else seen.add(key);
    }
    return duplicates;
  }

  /** Reads beyond the first of one user book with the same start and finish: one read written twice. */
  duplicateReads(): number {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const read of this.tables.user_book_reads) {
      const key = `${read.user_book_id}:${read.started_at}:${read.finished_at}`;
      if (seen.has(key)) duplicates += 1;
      else seen.add(key);
    }
    return duplicates;
  }

  /** User books holding more than one unfinished read at this moment. */
  duplicateOpenReads(): number {
    const open = new Map<number, number>();
    for (const read of this.tables.user_book_reads) {
      if (read.finished_at === null) open.set(read.user_book_id, (open.get(read.user_book_id) ?? 0) + 1);
    }
    return [...open.values()].filter((n) => n > 1).length;
  }
}
