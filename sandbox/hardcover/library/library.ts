/**
 * What Hardcover's library mutations do to the data, as observed from its API:
 * - business errors come back in the result's `error` field, not as GraphQL errors;
 * - `update_user_book_read` replaces the read: fields left out become null;
 * - setting a status creates reads the way the site does: Currently Reading opens a read dated
 *   today when none is open, Read finishes the open read (or creates a finished one) dated today,
 *   Paused stamps `paused_at` on the open read. This is why clients must not insert a book straight
 *   as Read, and why inserting a read after setting Currently Reading leaves two open reads;
 * - a user book's read_count and first/last dates follow its reads.
 * No vendor source settles the first two; `LibraryBehaviour` selects the other variant of each so
 * that clients can be tested under both.
 */
import type { Clock } from '../../../src/core/clock.ts';
import { HasuraError } from '../errors.ts';
import { localDate, timestamptz } from './dates.ts';
import { userBookRow } from './from-world.ts';
import {
  type DatesReadInput,
  datesReadInput,
  parseInput,
  type UserBookCreateInput,
  type UserBookUpdateInput,
  userBookCreateInput,
  userBookUpdateInput,
} from './inputs.ts';
import { type ListBookResult, markEditionOwned } from './ownership.ts';
import type { UserBookReadRow, UserBookRow, UserRow } from './rows.ts';
import type { HardcoverStore } from './store.ts';

export interface UserBookResult {
  error: string | null;
  id: number | null;
  user_book: UserBookRow | null;
}

export interface ReadResult {
  error: string | null;
  id: number | null;
  user_book_read: UserBookReadRow | null;
}

const STATUS = { currentlyReading: 2, read: 3, paused: 4 } as const;

/** The two behaviours no vendor source settles; the defaults are the stand-in's original choice. */
export interface LibraryBehaviour {
  /** Setting status 2 (Currently Reading) opens a read dated today when none is open (default true). */
  statusOpensRead: boolean;
  /**
   * How `update_user_book_read` (and an `upsert_user_book_reads` entry with an `id`) rewrites a
   * read: `replace` (default) nulls every field left out, `merge` changes only the fields given.
   */
  readUpdate: 'replace' | 'merge';
}

export const DEFAULT_LIBRARY_BEHAVIOUR: LibraryBehaviour = { statusOpensRead: true, readUpdate: 'replace' };

const READ_FIELDS = [
  'edition_id',
  'started_at',
  'finished_at',
  'finished_at_precision',
  'progress_pages',
  'progress_seconds',
] as const;

const failedBook = (error: string): UserBookResult => ({ error, id: null, user_book: null });
const failedRead = (error: string): ReadResult => ({ error, id: null, user_book_read: null });

export class Library {
  private readonly store: HardcoverStore;
  private readonly clock: Clock;
  private readonly behaviour: LibraryBehaviour;

  constructor(store: HardcoverStore, clock: Clock, behaviour: LibraryBehaviour = DEFAULT_LIBRARY_BEHAVIOUR) {
    this.store = store;
    this.clock = clock;
    this.behaviour = behaviour;
  }

  private today(userId: number): string {
    const user = this.store.one('users', 'id', userId) as UserRow | undefined;
    return localDate(this.clock.now(), user?.timezone ?? null);
  }

  private ownUserBook(userId: number, id: number): UserBookRow | undefined {
    const userBook = this.store.userBook(id);
    return userBook && userBook.user_id === userId ? userBook : undefined;
  }

  private ownRead(userId: number, id: number): UserBookReadRow | undefined {
    const read = this.store.read(id);
    return read && this.ownUserBook(userId, read.user_book_id) ? read : undefined;
  }

  private editionProblem(bookId: number, editionId: number | null | undefined): string | undefined {
    if (editionId === null || editionId === undefined) return undefined;
    const edition = this.store.edition(editionId);
    if (!edition) return 'Edition not found';
    if (edition.book_id !== bookId) return 'Edition does not belong to this book';
    return undefined;
  }

  private touch(userBook: UserBookRow, resetWhenEmpty = false): void {
    this.store.userRowsChanged();
    for (const read of this.store.readsOf(userBook.id)) this.store.refreshProgress(read);
    this.store.refreshUserBook(userBook, resetWhenEmpty);
    this.store.refreshBooksCount(userBook.user_id);
    userBook.updated_at = timestamptz(this.clock.now());
  }

  private addRead(userBook: UserBookRow, input: DatesReadInput): UserBookReadRow {
    const read: UserBookReadRow = {
      id: this.store.nextId('user_book_reads'),
      user_book_id: userBook.id,
      edition_id: null,
      started_at: null,
      finished_at: null,
      finished_at_precision: null,
      paused_at: null,
      progress: null,
      progress_pages: null,
      progress_seconds: null,
    };
    this.writeRead(read, input, 'replace');
    this.store.insert('user_book_reads', read);
    return read;
  }

  /** `replace`: what the input leaves out becomes null; `merge`: only the fields given change. */
  private writeRead(read: UserBookReadRow, input: DatesReadInput, mode = this.behaviour.readUpdate): void {
    const target = read as Record<(typeof READ_FIELDS)[number], unknown>;
    for (const field of READ_FIELDS) {
      const value = input[field];
      if (value !== undefined || mode === 'replace') target[field] = value ?? null;
    }
  }

  private openRead(userBook: UserBookRow): UserBookReadRow | undefined {
    return this.store
      .readsOf(userBook.id)
      .filter((r) => r.finished_at === null)
      .sort((a, b) => b.id - a.id)[0];
  }

  private applyStatusChange(
    userBook: UserBookRow,
    previous: number | undefined,
    input: UserBookUpdateInput,
  ): void {
    const status = userBook.status_id;
    if (status === previous) return;
    this.store.userRowsChanged();
    const today = this.today(userBook.user_id);
    const open = this.openRead(userBook);
    if (status === STATUS.currentlyReading && !open && this.behaviour.statusOpensRead) {
      this.addRead(userBook, {
        edition_id: userBook.edition_id,
        started_at: input.user_start_date ?? input.user_date ?? today,
      });
    } else if (status === STATUS.read) {
      if (open) {
        open.finished_at = input.user_date ?? today;
        open.finished_at_precision = input.finished_at_precision ?? open.finished_at_precision;
      } else if (this.store.readsOf(userBook.id).length === 0) {
        this.addRead(userBook, {
          edition_id: userBook.edition_id,
          started_at: input.user_start_date ?? null,
          finished_at: input.user_date ?? today,
          finished_at_precision: input.finished_at_precision ?? null,
        });
      }
    } else if (status === STATUS.paused && open) {
      open.paused_at = input.user_date ?? today;
    }
  }

  private writeUserBook(userBook: UserBookRow, input: UserBookUpdateInput): void {
    const assign = <K extends keyof UserBookRow & keyof UserBookUpdateInput>(key: K) => {
      if (input[key] !== undefined) (userBook as Record<K, unknown>)[key] = input[key];
    };
    for (const key of [
      'edition_id',
      'rating',
      'private_notes',
      'media_url',
      'url',
      'recommended_by',
      'recommended_for',
      'referrer_user_id',
      'first_started_reading_date',
      'last_read_date',
    ] as const)
      assign(key);
    if (input.status_id !== undefined && input.status_id !== null) userBook.status_id = input.status_id;
    if (input.date_added) userBook.date_added = input.date_added;
    if (input.privacy_setting_id) userBook.privacy_setting_id = input.privacy_setting_id;
    if (input.read_count !== undefined && input.read_count !== null) userBook.read_count = input.read_count;
    if (input.review_has_spoilers !== undefined && input.review_has_spoilers !== null)
      userBook.review_has_spoilers = input.review_has_spoilers;
    if (input.sponsored_review !== undefined && input.sponsored_review !== null)
      userBook.sponsored_review = input.sponsored_review;
    if (input.review_slate !== undefined && input.review_slate !== null)
      userBook.review_slate = input.review_slate;
    if (input.reviewed_at !== undefined)
      userBook.reviewed_at = input.reviewed_at ? `${input.reviewed_at}T00:00:00` : null;
  }

  editionOwned(userId: number, editionId: number): ListBookResult {
    return markEditionOwned(this.store, this.clock, userId, editionId);
  }

  insertUserBook(userId: number, raw: unknown): UserBookResult {
    const parsed = parseInput<UserBookCreateInput>(userBookCreateInput, raw);
    if (!parsed.ok) return failedBook(parsed.error);
    const input = parsed.value;
    if (!this.store.one('books', 'id', input.book_id)) return failedBook('Book not found');
    const problem = this.editionProblem(input.book_id, input.edition_id);
    if (problem) return failedBook(problem);
    const existing = this.store
      .where('user_books', 'book_id', input.book_id)
      .find((row) => row.user_id === userId) as UserBookRow | undefined;
    if (existing) return { error: 'Book is already in your library', id: existing.id, user_book: existing };

    const now = this.clock.now();
    const userBook = userBookRow({
      id: this.store.nextId('user_books'),
      userId,
      bookId: input.book_id,
      editionId: null,
      statusId: 1,
      rating: null,
      dateAdded: this.today(userId),
      firstStartedReadingDate: null,
      lastReadDate: null,
      privacySettingId: 1,
      createdAt: timestamptz(now),
    });
    this.writeUserBook(userBook, input);
    this.store.insert('user_books', userBook);
    this.applyStatusChange(userBook, undefined, input);
    this.touch(userBook);
    return { error: null, id: userBook.id, user_book: userBook };
  }

  updateUserBook(userId: number, id: number, raw: unknown): UserBookResult {
    const parsed = parseInput<UserBookUpdateInput>(userBookUpdateInput, raw);
    if (!parsed.ok) return failedBook(parsed.error);
    const userBook = this.ownUserBook(userId, id);
    if (!userBook) return failedBook('User book not found');
    const problem = this.editionProblem(userBook.book_id, parsed.value.edition_id);
    if (problem) return failedBook(problem);
    const previous = userBook.status_id;
    this.writeUserBook(userBook, parsed.value);
    this.applyStatusChange(userBook, previous, parsed.value);
    this.touch(userBook);
    return { error: null, id: userBook.id, user_book: userBook };
  }

  deleteUserBook(
    userId: number,
    id: number,
  ): { id: number; book_id: number; user_id: number; user_book: null } {
    const userBook = this.ownUserBook(userId, id);
    if (!userBook) throw new HasuraError('User book not found', 'unexpected');
    this.store.remove('user_book_reads', (r) => r.user_book_id === id);
    this.store.remove('user_books', (row) => row.id === id);
    this.store.userRowsChanged();
    this.store.refreshBooksCount(userId);
    return { id, book_id: userBook.book_id, user_id: userId, user_book: null };
  }

  insertRead(userId: number, userBookId: number, raw: unknown): ReadResult {
    const parsed = parseInput<DatesReadInput>(datesReadInput, raw);
    if (!parsed.ok) return failedRead(parsed.error);
    const userBook = this.ownUserBook(userId, userBookId);
    if (!userBook) return failedRead('User book not found');
    const problem = this.editionProblem(userBook.book_id, parsed.value.edition_id);
    if (problem) return failedRead(problem);
    const read = this.addRead(userBook, parsed.value);
    this.touch(userBook);
    return { error: null, id: read.id, user_book_read: read };
  }

  updateRead(userId: number, id: number, raw: unknown): ReadResult {
    const parsed = parseInput<DatesReadInput>(datesReadInput, raw);
    if (!parsed.ok) return failedRead(parsed.error);
    const read = this.ownRead(userId, id);
    const userBook = read ? this.store.userBook(read.user_book_id) : undefined;
    if (!read || !userBook) return failedRead('User book read not found');
    const problem = this.editionProblem(userBook.book_id, parsed.value.edition_id);
    if (problem) return failedRead(problem);
    this.writeRead(read, parsed.value);
    this.touch(userBook);
    return { error: null, id: read.id, user_book_read: read };
  }

  deleteRead(userId: number, id: number): ReadResult {
    const read = this.ownRead(userId, id);
    const userBook = read ? this.store.userBook(read.user_book_id) : undefined;
    if (!read || !userBook) return failedRead('User book read not found');
    this.store.remove('user_book_reads', (r) => r.id === id);
    this.touch(userBook, true);
    return { error: null, id, user_book_read: null };
  }

  /** Each entry with an `id` replaces that read (or deletes it with `action: "delete"`); others are added. */
  upsertReads(
    userId: number,
    userBookId: number,
    rawList: readonly unknown[],
  ): { error: string | null; user_book_id: number | null; user_book: UserBookRow | null } {
    const userBook = this.ownUserBook(userId, userBookId);
    if (!userBook) return { error: 'User book not found', user_book_id: null, user_book: null };
    const entries: DatesReadInput[] = [];
    for (const raw of rawList) {
      const parsed = parseInput<DatesReadInput>(datesReadInput, raw ?? {});
      if (!parsed.ok) return { error: parsed.error, user_book_id: userBookId, user_book: userBook };
      const entry = parsed.value;
      if (entry.id !== null && entry.id !== undefined) {
        const read = this.store.read(entry.id);
        if (!read || read.user_book_id !== userBookId)
          return { error: 'User book read not found', user_book_id: userBookId, user_book: userBook };
      }
      const problem = this.editionProblem(userBook.book_id, entry.edition_id);
      if (problem) return { error: problem, user_book_id: userBookId, user_book: userBook };
      entries.push(entry);
    }
    for (const entry of entries) {
      const read = entry.id === null || entry.id === undefined ? undefined : this.store.read(entry.id);
      if (read && entry.action?.toLowerCase() === 'delete') {
        this.store.remove('user_book_reads', (r) => r.id === read.id);
      } else if (read) {
        this.writeRead(read, entry);
      } else {
        this.addRead(userBook, entry);
      }
      this.store.userRowsChanged();
    }
    this.touch(userBook, true);
    return { error: null, user_book_id: userBookId, user_book: userBook };
  }
}
