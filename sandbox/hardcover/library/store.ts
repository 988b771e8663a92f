/**
 * The stand-in's in-memory database: the tables, lookups by column, and the columns Hardcover
 * derives itself (read progress, a user book's read count and dates, a user's books_count).
 */
import type { HardcoverWorld } from '../../books/world.ts';
import type { Row } from '../query/row-model.ts';
import { tablesFromWorld } from './from-world.ts';
import type { EditionRow, Tables, UserBookReadRow, UserBookRow } from './rows.ts';

export type TableName = keyof Tables;

const USER_TABLES: ReadonlySet<string> = new Set<TableName>(['user_books', 'user_book_reads', 'users']);

export class HardcoverStore {
  readonly tables: Tables;
  private indexes = new Map<string, Map<unknown, Row[]>>();
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
    this.refreshBooksCounts();
  }

  rows(table: string): readonly Row[] {
    return (this.tables[table as TableName] ?? []) as readonly Row[];
  }

  /** Rows of `table` whose `column` equals `value` (indexed; the index is dropped on every write). */
  where(table: string, column: string, value: unknown): readonly Row[] {
    if (value === null || value === undefined) return [];
    const key = `${table}.${column}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      for (const row of this.rows(table)) {
        const bucket = index.get(row[column]);
        if (bucket) bucket.push(row);
        else index.set(row[column], [row]);
      }
      this.indexes.set(key, index);
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

  /** Call after any write so lookups see it. */
  changed(): void {
    this.indexes.clear();
  }

  /**
   * Call after a write to a user's books or reads (and the counts on users): only those lookups are
   * rebuilt, not the catalogue's, which would make each write cost as much as the whole catalogue.
   */
  userRowsChanged(): void {
    for (const key of this.indexes.keys()) {
      const table = key.slice(0, key.indexOf('.'));
      if (USER_TABLES.has(table)) this.indexes.delete(key);
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

  refreshBooksCounts(): void {
    for (const user of this.tables.users)
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
