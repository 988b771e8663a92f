import { describe, expect, it } from 'vitest';
import { JSON_PATH_MISS, withJsonPathMissesAsNull } from '../../sandbox/hardcover/graphql/json-path-miss.ts';
import { markEditionOwned } from '../../sandbox/hardcover/library/ownership.ts';
import { HardcoverStore } from '../../sandbox/hardcover/library/store.ts';
import { authorDocuments } from '../../sandbox/hardcover/search/book-documents.ts';
import {
  listDocuments,
  seriesDocuments,
  userDocuments,
} from '../../sandbox/hardcover/search/other-documents.ts';
import { runSearch } from '../../sandbox/hardcover/search/search.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ALICE, BOB, BOOK, EDITION, hardcoverWorld } from '../e2e/fixtures/hardcover-world.ts';

const store = () => new HardcoverStore(hardcoverWorld());

describe('catalogue rows built from the world', () => {
  it('places each series book in its series and features that entry on the book', () => {
    const { tables } = store();
    expect(tables.series.map((s) => [s.id, s.name, s.books_count, s.author_id])).toEqual([
      [1, 'Middle-earth', 1, 1],
      [2, 'The Lord of the Rings', 1, 1],
    ]);
    expect(tables.book_series).toEqual([
      expect.objectContaining({ id: 1, book_id: BOOK.hobbit, series_id: 1, position: 0, featured: true }),
      expect.objectContaining({ id: 2, book_id: BOOK.fellowship, series_id: 2, position: 1, featured: true }),
    ]);
    const featured = tables.books.map((b) => [b.id, b.featured_book_series_id]);
    expect(featured).toEqual([
      [BOOK.hobbit, 1],
      [BOOK.fellowship, 2],
      [BOOK.janeEyre, null],
      [BOOK.hailMary, null],
      [BOOK.martian, null],
    ]);
  });

  it('credits authors on books and on every edition separately', () => {
    const { tables } = store();
    const credits = (type: string, id: number) =>
      tables.contributions
        .filter((c) => c.contributable_type === type && c.contributable_id === id)
        .map((c) => c.author_id);
    expect(credits('Book', BOOK.hailMary)).toEqual([3]);
    expect(credits('Edition', EDITION.hailMaryAudio)).toEqual([3]);
    expect(credits('Edition', EDITION.hailMaryPrint)).toEqual([3]);
    expect(tables.contributions.filter((c) => c.contributable_type === 'Edition')).toHaveLength(
      tables.editions.length,
    );
  });
});

describe('markEditionOwned', () => {
  it('creates the Owned list once, switches the edition of a listed book and flags the user book', () => {
    const s = store();
    const clock = new ManualClock(Date.UTC(2026, 2, 10, 12));
    const first = markEditionOwned(s, clock, ALICE.id, EDITION.hobbitPrint);
    const second = markEditionOwned(s, clock, ALICE.id, EDITION.hobbitAudio);
    const other = markEditionOwned(s, clock, ALICE.id, EDITION.hailMaryPrint);
    expect(second.id).toBe(first.id);
    expect(second.list_book?.edition_id).toBe(EDITION.hobbitAudio);
    expect(s.tables.lists).toEqual([
      expect.objectContaining({ user_id: ALICE.id, name: 'Owned', books_count: 2, privacy_setting_id: 1 }),
    ]);
    expect(other.list_book).toMatchObject({ book_id: BOOK.hailMary, position: 2 });
    expect(s.userBook(1001)?.owned).toBe(true);
    expect(s.userBook(1002)?.owned).toBe(false);
    markEditionOwned(s, clock, BOB.id, EDITION.hobbitPrint);
    expect(s.tables.lists.map((l) => l.user_id)).toEqual([ALICE.id, BOB.id]);
  });

  it('answers nulls for an unknown edition and changes nothing', () => {
    const s = store();
    expect(markEditionOwned(s, new ManualClock(0), ALICE.id, 999_999)).toEqual({ id: null, list_book: null });
    expect(s.tables.lists).toEqual([]);
  });
});

describe('search documents beyond books', () => {
  it('builds series, author, user and public list documents', () => {
    const s = store();
    expect(seriesDocuments(s.tables)[1]).toEqual({
      id: '2',
      author: { id: 1, name: 'J.R.R. Tolkien', slug: 'jrr-tolkien', image: {} },
      author_name: 'J.R.R. Tolkien',
      books: ['The Fellowship of the Ring'],
      books_count: 1,
      name: 'The Lord of the Rings',
      primary_books_count: 1,
      readers_count: 480,
      slug: 'the-lord-of-the-rings',
    });
    expect(authorDocuments(s.tables)[0]?.series_names).toEqual(['Middle-earth', 'The Lord of the Rings']);
    expect(userDocuments(s.tables).map((u) => u.username)).toEqual(['alice', 'Bob', 'carol', 'dana']);
    markEditionOwned(s, new ManualClock(0), ALICE.id, EDITION.hobbitPrint);
    expect(listDocuments(s.tables)).toEqual([
      expect.objectContaining({
        name: 'Owned',
        books: ['The Hobbit'],
        user: expect.objectContaining({ id: ALICE.id }),
      }),
    ]);
  });

  it('searches every documented query type, empty for those without data', () => {
    const s = store();
    const documentsFor = (type: string) =>
      type === 'series' ? seriesDocuments(s.tables) : type === 'user' ? userDocuments(s.tables) : [];
    expect(runSearch({ query: 'middle', query_type: 'Series' }, documentsFor).ids).toEqual([1]);
    expect(runSearch({ query: 'bob', query_type: 'USER' }, documentsFor).ids).toEqual([BOB.id]);
    for (const type of ['character', 'prompt', 'list', 'publisher'])
      expect(runSearch({ query: 'x', query_type: type }, documentsFor)).toMatchObject({
        error: null,
        ids: [],
      });
    expect(runSearch({ query: 'x', query_type: 'shelf' }, documentsFor).error).toBe(
      'Invalid query_type: shelf',
    );
  });
});

describe('withJsonPathMissesAsNull', () => {
  it('turns the marker into null at any depth and leaves everything else alone', () => {
    const data = { books: [{ tags: JSON_PATH_MISS, other: {}, list: [JSON_PATH_MISS, 1] }], n: null };
    expect(withJsonPathMissesAsNull(data)).toEqual({
      books: [{ tags: null, other: {}, list: [null, 1] }],
      n: null,
    });
  });
});
