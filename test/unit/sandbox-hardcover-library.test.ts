import { describe, expect, it } from 'vitest';
import { Library } from '../../sandbox/hardcover/library/library.ts';
import { HardcoverStore } from '../../sandbox/hardcover/library/store.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ALICE, BOB, BOOK, EDITION, hardcoverWorld } from '../e2e/fixtures/hardcover-world.ts';

function setup(now = Date.UTC(2026, 2, 10, 12)) {
  const store = new HardcoverStore(hardcoverWorld());
  const clock = new ManualClock(now);
  return { store, clock, library: new Library(store, clock) };
}

describe('HardcoverStore derived columns', () => {
  it('computes progress from seconds on audio editions and from pages otherwise', () => {
    const { store } = setup();
    expect(store.read(5001)?.progress).toBe(25);
    expect(store.read(5002)?.progress).toBe(100);
    expect(store.read(6001)?.progress).toBe(25);
  });

  it('derives read_count and dates from the reads, and books_count per user', () => {
    const { store } = setup();
    expect(store.userBook(1002)).toMatchObject({
      read_count: 2,
      first_read_date: '2025-02-01',
      last_read_date: '2025-06-20',
    });
    expect(store.tables.users.map((u) => [u.id, u.books_count])).toEqual([
      [ALICE.id, 4],
      [BOB.id, 2],
      [103, 0],
      [104, 0],
    ]);
  });

  it('counts user books with more than one unfinished read', () => {
    const world = hardcoverWorld();
    world.reads.push(
      { ...world.reads[0]!, id: 5999 },
      { ...world.reads[3]!, id: 6999 },
      { ...world.reads[3]!, id: 7999 },
    );
    expect(new HardcoverStore(world).duplicateOpenReads()).toBe(2);
  });

  it('counts a second user book for one person and book, and a read written twice', () => {
    expect(new HardcoverStore(hardcoverWorld()).duplicateUserBooks()).toBe(0);
    expect(new HardcoverStore(hardcoverWorld()).duplicateReads()).toBe(0);
    const world = hardcoverWorld();
    world.userBooks.push(
      { ...world.userBooks[0]!, id: 1999 },
      { ...world.userBooks[1]!, id: 1998, userId: 104 },
    );
    world.reads.push({ ...world.reads[1]!, id: 5998 }, { ...world.reads[1]!, id: 5997, finishedAt: null });
    const store = new HardcoverStore(world);
    expect(store.duplicateUserBooks()).toBe(1);
    expect(store.duplicateReads()).toBe(1);
  });

  it('stores ISBNs without hyphens and flags their validity', () => {
    const { store } = setup();
    expect(store.edition(EDITION.hobbitPrint)).toMatchObject({
      isbn_10: '054792822X',
      isbn_13: '9780547928227',
      isbn_10_valid: true,
      isbn_13_valid: true,
      isbns_match: true,
    });
  });
});

describe('Library', () => {
  it('falls back to the user book’s edition, then the book, for progress', () => {
    const { library, store } = setup();
    const onUserBookEdition = library.insertRead(ALICE.id, 1001, { progress_seconds: 3960 });
    expect(onUserBookEdition.user_book_read?.progress).toBe(10);
    const onBook = library.insertRead(ALICE.id, 1003, { progress_pages: 150 });
    expect(onBook.user_book_read?.progress).toBe(50);
    const unknownLength = library.insertRead(ALICE.id, 1004, { progress_pages: 10 });
    expect(unknownLength.user_book_read?.progress).toBeNull();
    expect(store.read(unknownLength.id ?? 0)).toBeDefined();
  });

  it('gives new rows ids after the world’s', () => {
    const { library } = setup();
    expect(library.insertRead(ALICE.id, 1003, {}).id).toBe(6002);
    expect(library.insertUserBook(ALICE.id, { book_id: BOOK.hailMary }).id).toBe(2003);
  });

  it('updates a user book partially: fields left out stay', () => {
    const { library, store } = setup();
    library.updateUserBook(ALICE.id, 1002, { rating: '4.5' });
    expect(store.userBook(1002)).toMatchObject({
      rating: 4.5,
      status_id: 3,
      edition_id: EDITION.janeEyrePrint,
    });
    library.updateUserBook(ALICE.id, 1002, { edition_id: null });
    expect(store.userBook(1002)?.edition_id).toBeNull();
  });

  it('stamps updated_at from the clock', () => {
    const { library, store, clock } = setup();
    clock.set(Date.UTC(2026, 3, 1, 8, 30));
    library.updateUserBook(ALICE.id, 1003, { private_notes: 'x' });
    expect(store.userBook(1003)?.updated_at).toBe('2026-04-01T08:30:00+00:00');
  });

  it('pausing stamps the open read', () => {
    const { library, store } = setup();
    library.updateUserBook(ALICE.id, 1001, { status_id: 4 });
    expect(store.read(5001)?.paused_at).toBe('2026-03-10');
    expect(store.read(5001)?.finished_at).toBeNull();
  });

  it('a re-read: Read, then Currently Reading opens a new read, then Read finishes it', () => {
    const { library, store, clock } = setup();
    library.updateUserBook(ALICE.id, 1002, { status_id: 2 });
    expect(store.readsOf(1002).filter((r) => r.finished_at === null)).toHaveLength(1);
    clock.advance(5 * 86_400_000);
    library.updateUserBook(ALICE.id, 1002, { status_id: 3 });
    expect(store.userBook(1002)).toMatchObject({ read_count: 3, last_read_date: '2026-03-15' });
  });

  it('does not add a finished read when Read is set again on a book with only finished reads', () => {
    const { library, store } = setup();
    library.updateUserBook(ALICE.id, 1002, { status_id: 1 });
    library.updateUserBook(ALICE.id, 1002, { status_id: 3 });
    expect(store.readsOf(1002)).toHaveLength(2);
  });

  it('resets read_count and dates when the last read is deleted', () => {
    const { library, store } = setup();
    library.deleteRead(ALICE.id, 5001);
    expect(store.userBook(1001)).toMatchObject({ read_count: 0, first_started_reading_date: null });
  });

  it('upserts with action delete', () => {
    const { library, store } = setup();
    const result = library.upsertReads(ALICE.id, 1002, [
      { id: 5003, action: 'DELETE' },
      { started_at: '2026-01-01' },
    ]);
    expect(result.error).toBeNull();
    expect(store.readsOf(1002).map((r) => r.id)).toEqual([5002, 6002]);
    expect(store.userBook(1002)).toMatchObject({ read_count: 1, last_read_date: '2025-02-01' });
  });

  it('upserts nothing when one entry is wrong', () => {
    const { library, store } = setup();
    const result = library.upsertReads(ALICE.id, 1002, [{ started_at: '2026-01-01' }, { id: 6001 }]);
    expect(result.error).toBe('User book read not found');
    expect(store.readsOf(1002)).toHaveLength(2);
  });

  it('refuses bad input with a plain error', () => {
    const { library } = setup();
    expect(library.updateUserBook(ALICE.id, 1002, { rating: 7 }).error).toMatch(/rating/);
    expect(library.updateUserBook(ALICE.id, 1002, { status_id: 9 }).error).toMatch(/status_id/);
    expect(library.insertRead(ALICE.id, 1002, { progress_pages: -3 }).error).toMatch(/progress_pages/);
    expect(
      library.insertUserBook(ALICE.id, { book_id: BOOK.hailMary, edition_id: EDITION.martianEbook }).error,
    ).toBe('Edition does not belong to this book');
    expect(library.insertUserBook(ALICE.id, { book_id: BOOK.hailMary, edition_id: 999 }).error).toBe(
      'Edition not found',
    );
  });

  it('refuses to delete another user’s book', () => {
    const { library, store } = setup();
    expect(() => library.deleteUserBook(BOB.id, 1001)).toThrow(/not found/);
    expect(store.userBook(1001)).toBeDefined();
  });
});
