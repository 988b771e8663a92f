/**
 * The stand-in's lookups by column follow every library write: after any sequence of writes, each
 * lookup answers what a scan of the table would, the same rows in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Library } from '../../sandbox/hardcover/library/library.ts';
import { HardcoverStore } from '../../sandbox/hardcover/library/store.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ALICE, BOB, BOOK, EDITION, hardcoverWorld } from '../e2e/fixtures/hardcover-world.ts';

const LOOKED_UP: Record<string, string[]> = {
  user_books: ['id', 'user_id', 'book_id', 'status_id', 'edition_id', 'read_count', 'owned'],
  user_book_reads: ['id', 'user_book_id', 'edition_id', 'finished_at', 'progress'],
  users: ['id', 'books_count'],
};

function expectLookupsMatchScans(store: HardcoverStore): void {
  for (const [table, columns] of Object.entries(LOOKED_UP)) {
    const rows = store.rows(table);
    for (const column of columns) {
      const values = new Set([...rows.map((row) => row[column]), 999_999, 'absent']);
      for (const value of values) {
        const scanned = value === null || value === undefined ? [] : rows.filter((r) => r[column] === value);
        const looked = store.where(table, column, value);
        const label = `${table}.${column} = ${String(value)}`;
        expect(looked.length, label).toBe(scanned.length);
        for (const [i, row] of looked.entries()) expect(row, label).toBe(scanned[i]);
      }
    }
  }
  for (const user of store.tables.users)
    expect(user.books_count).toBe(store.tables.user_books.filter((ub) => ub.user_id === user.id).length);
}

const users = fc.constantFrom(ALICE.id, BOB.id);
const books = fc.constantFrom(...Object.values(BOOK), 77);
const editions = fc.option(fc.constantFrom(...Object.values(EDITION)), { nil: undefined });
const dates = fc.option(fc.constantFrom('2026-01-02', '2026-02-03', '2026-03-04'), { nil: null });
/** An id of a row that exists at the time of the write, or one that never did. */
const pick = fc.nat();
const readInput = fc.record(
  {
    edition_id: editions,
    started_at: dates,
    finished_at: dates,
    progress_seconds: fc.option(fc.nat({ max: 40_000 }), { nil: undefined }),
    progress_pages: fc.option(fc.nat({ max: 400 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

const writes = fc.oneof(
  fc.record({
    kind: fc.constant('insertUserBook' as const),
    user: users,
    book: books,
    status: fc.integer({ min: 1, max: 5 }),
    edition: editions,
  }),
  fc.record({
    kind: fc.constant('updateUserBook' as const),
    user: users,
    pick,
    status: fc.integer({ min: 1, max: 5 }),
    edition: editions,
  }),
  fc.record({ kind: fc.constant('deleteUserBook' as const), user: users, pick }),
  fc.record({ kind: fc.constant('insertRead' as const), user: users, pick, input: readInput }),
  fc.record({ kind: fc.constant('updateRead' as const), user: users, pick, input: readInput }),
  fc.record({ kind: fc.constant('deleteRead' as const), user: users, pick }),
  fc.record({
    kind: fc.constant('upsertReads' as const),
    user: users,
    pick,
    input: readInput,
    replace: fc.boolean(),
    drop: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('editionOwned' as const),
    user: users,
    edition: fc.constantFrom(...Object.values(EDITION)),
  }),
);
type Write = typeof writes extends fc.Arbitrary<infer W> ? W : never;

function apply(store: HardcoverStore, library: Library, write: Write): void {
  const userBooks = store.tables.user_books.filter((ub) => ub.user_id === write.user);
  const reads = store.tables.user_book_reads.filter((r) => userBooks.some((ub) => ub.id === r.user_book_id));
  const userBookId = 'pick' in write ? (userBooks[write.pick % (userBooks.length + 1)]?.id ?? 424_242) : 0;
  const readId = 'pick' in write ? (reads[write.pick % (reads.length + 1)]?.id ?? 434_343) : 0;
  switch (write.kind) {
    case 'insertUserBook':
      library.insertUserBook(write.user, {
        book_id: write.book,
        status_id: write.status,
        edition_id: write.edition,
      });
      return;
    case 'updateUserBook':
      library.updateUserBook(write.user, userBookId, { status_id: write.status, edition_id: write.edition });
      return;
    case 'deleteUserBook':
      try {
        library.deleteUserBook(write.user, userBookId);
      } catch {
        // not found: nothing changes
      }
      return;
    case 'insertRead':
      library.insertRead(write.user, userBookId, write.input);
      return;
    case 'updateRead':
      library.updateRead(write.user, readId, write.input);
      return;
    case 'deleteRead':
      library.deleteRead(write.user, readId);
      return;
    case 'upsertReads': {
      const target = store.read(readId);
      const entry =
        write.replace && target
          ? { ...write.input, id: target.id, ...(write.drop ? { action: 'delete' } : {}) }
          : write.input;
      library.upsertReads(write.user, target?.user_book_id ?? userBookId, [entry, write.input]);
      return;
    }
    case 'editionOwned':
      library.editionOwned(write.user, write.edition);
      return;
  }
}

describe('HardcoverStore lookups under writes', () => {
  it('answer as a scan would after any sequence of library writes', () => {
    fc.assert(
      fc.property(fc.array(writes, { maxLength: 25 }), (sequence) => {
        const store = new HardcoverStore(hardcoverWorld());
        const library = new Library(store, new ManualClock(Date.UTC(2026, 2, 10, 12)));
        expectLookupsMatchScans(store);
        for (const write of sequence) {
          apply(store, library, write);
          expectLookupsMatchScans(store);
        }
      }),
      { numRuns: 150 },
    );
  });
});
