import { describe, expect, it } from 'vitest';
import { BOOK_WORLD_NOW, generateBookWorld } from '../../sandbox/books/generate.ts';
import { isbn10To13, isValidIsbn10, isValidIsbn13 } from '../../sandbox/books/isbn.ts';
import { type BookWorld, ReadingFormat } from '../../sandbox/books/world.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

const worlds = new Map<string, BookWorld>();
function world(seed: number, books: number): BookWorld {
  const key = `${seed}:${books}`;
  let w = worlds.get(key);
  if (!w) {
    w = generateBookWorld({ seed, books });
    worlds.set(key, w);
  }
  return w;
}

describe('generateBookWorld: determinism', () => {
  it('gives byte-identical JSON for the same seed', () => {
    expect(JSON.stringify(generateBookWorld({ seed: 7, books: 60 }))).toBe(
      JSON.stringify(generateBookWorld({ seed: 7, books: 60 })),
    );
  });

  it('gives different data for a different seed', () => {
    const a = world(1, 200);
    const b = world(2, 200);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a.audiobookshelf.tokenSecret).not.toBe(b.audiobookshelf.tokenSecret);
    expect(a.hardcover.users[0]?.token).not.toBe(b.hardcover.users[0]?.token);
  });

  it('sizes the catalog by `books`', () => {
    expect(world(1, 20).hardcover.books.length + countAbsOnly(world(1, 20))).toBe(20);
    expect(world(1, 200).hardcover.books.length + countAbsOnly(world(1, 200))).toBe(200);
  });

  it('still generates tiny worlds without failing', () => {
    for (const books of [0, 1, 5]) {
      const tiny = generateBookWorld({ seed: 1, books });
      expect(tiny.hardcover.books.length + countAbsOnly(tiny)).toBe(books);
      expect(tiny.people).toHaveLength(2);
    }
  });

  it('generates 10,000 books', () => {
    const big = generateBookWorld({ seed: 3, books: 10_000 });
    expect(big.hardcover.books.length + countAbsOnly(big)).toBe(10_000);
    expect(big.audiobookshelf.items.length).toBeGreaterThan(9_000);
  });

  it("dates everything before the world's now", () => {
    const w = world(1, 200);
    expect(w.now).toBe(BOOK_WORLD_NOW);
    for (const item of w.audiobookshelf.items) expect(item.addedAt).toBeLessThan(w.now);
    for (const user of w.audiobookshelf.users) {
      for (const p of user.progress) {
        expect(p.startedAt).toBeLessThanOrEqual(p.lastUpdate);
        expect(p.lastUpdate).toBeLessThan(w.now);
      }
    }
  });
});

function countAbsOnly(w: BookWorld): number {
  const truth = w.matchTruth ?? {};
  const absOnly = new Set<string>();
  for (const item of w.audiobookshelf.items) {
    if (item.mediaType !== 'book' || truth[item.id] !== null) continue;
    // Audio and ebook items of one ABS-only book share title and first author.
    absOnly.add(`${item.title}|${item.authors[0]?.name}`);
  }
  return absOnly.size;
}

describe.each([20, 200])('generateBookWorld: identifiers (%i books)', (books) => {
  const w = world(1, books);

  it('stores valid ISBNs without hyphens in Hardcover, the 13 derived from the 10', () => {
    let isbn10s = 0;
    for (const e of w.hardcover.editions) {
      if (e.isbn10 !== null) {
        isbn10s += 1;
        expect(isValidIsbn10(e.isbn10), e.isbn10).toBe(true);
        expect(e.isbn13).toBe(isbn10To13(e.isbn10));
      }
      if (e.isbn13 !== null) expect(isValidIsbn13(e.isbn13), e.isbn13).toBe(true);
      if (e.asin !== null) expect(/^B0[0-9A-Z]{8}$/.test(e.asin) || isValidIsbn10(e.asin), e.asin).toBe(true);
    }
    expect(isbn10s).toBeGreaterThan(0);
  });

  it('has ASIN-only, numeric-ASIN and identifier-less editions, and one with neither pages nor audio', () => {
    const editions = w.hardcover.editions;
    expect(editions.some((e) => e.asin?.startsWith('B0') && e.isbn10 === null && e.isbn13 === null)).toBe(
      true,
    );
    expect(editions.some((e) => e.asin !== null && /^\d{9}[\dX]$/.test(e.asin))).toBe(true);
    expect(editions.some((e) => e.asin === null && e.isbn10 === null && e.isbn13 === null)).toBe(true);
    expect(editions.some((e) => e.pages === null && e.audioSeconds === null)).toBe(true);
    for (const format of [ReadingFormat.physical, ReadingFormat.audio, ReadingFormat.ebook]) {
      expect(editions.some((e) => e.readingFormatId === format)).toBe(true);
    }
    expect(
      editions.filter((e) => e.readingFormatId === ReadingFormat.audio).some((e) => e.audioSeconds !== null),
    ).toBe(true);
    expect(
      editions.filter((e) => e.readingFormatId === ReadingFormat.physical).some((e) => e.pages !== null),
    ).toBe(true);
  });

  it('types ABS identifiers as people do: ISBN-10 or 13, with or without hyphens, ASINs, or none', () => {
    const books = w.audiobookshelf.items.filter((i) => i.mediaType === 'book');
    const isbns = books.map((i) => i.isbn).filter((v): v is string => v !== null);
    for (const isbn of isbns) {
      const bare = isbn.replace(/-/g, '');
      expect(isValidIsbn10(bare) || isValidIsbn13(bare), isbn).toBe(true);
    }
    expect(isbns.some((v) => v.includes('-'))).toBe(true);
    expect(isbns.some((v) => !v.includes('-'))).toBe(true);
    expect(isbns.some((v) => v.replace(/-/g, '').length === 10)).toBe(true);
    expect(isbns.some((v) => v.replace(/-/g, '').length === 13)).toBe(true);
    expect(books.some((i) => i.asin !== null && /^\d{9}[\dX]$/.test(i.asin))).toBe(true);
    expect(books.some((i) => i.isbn === null && i.asin === null)).toBe(true);
  });

  it('has subtitles, series, accents, non-Latin text, two-author books and near-duplicate titles', () => {
    const titles = w.hardcover.books.map((b) => b.title);
    expect(titles).toContain('The Hobbit');
    expect(titles).toContain('The Hobbit: Illustrated Edition');
    expect(w.audiobookshelf.items.map((i) => i.title)).toContain('Hobbit, The');
    expect(titles).toContain('Les Misérables');
    expect(titles).toContain('三体');
    expect(w.hardcover.books.some((b) => b.subtitle !== null)).toBe(true);
    expect(w.hardcover.books.some((b) => b.seriesName !== null)).toBe(true);
    expect(w.hardcover.books.some((b) => b.authorIds.length > 1)).toBe(true);
    expect(w.audiobookshelf.items.some((i) => i.authors.length > 1)).toBe(true);
  });

  it('keeps some ABS books out of Hardcover', () => {
    expect(Object.values(w.matchTruth ?? {}).some((v) => v === null)).toBe(true);
  });
});

describe.each([20, 200])('generateBookWorld: referential integrity (%i books)', (books) => {
  const w = world(2, books);
  const hc = w.hardcover;
  const abs = w.audiobookshelf;

  it('links Hardcover books, authors and editions, with sensible default editions', () => {
    const authors = new Set(hc.authors.map((a) => a.id));
    const bookIds = new Set(hc.books.map((b) => b.id));
    const editions = new Map(hc.editions.map((e) => [e.id, e]));
    expect(editions.size).toBe(hc.editions.length);
    for (const e of hc.editions) expect(bookIds.has(e.bookId)).toBe(true);
    for (const b of hc.books) {
      for (const id of b.authorIds) expect(authors.has(id)).toBe(true);
      const defaults = [
        [b.defaultAudioEditionId, ReadingFormat.audio],
        [b.defaultEbookEditionId, ReadingFormat.ebook],
        [b.defaultPhysicalEditionId, ReadingFormat.physical],
      ] as const;
      for (const [id, format] of defaults) {
        if (id === null) {
          expect(hc.editions.some((e) => e.bookId === b.id && e.readingFormatId === format)).toBe(false);
        } else {
          expect(editions.get(id)).toMatchObject({ bookId: b.id, readingFormatId: format });
        }
      }
    }
  });

  it('puts user_books on books and on editions of those books, once per user and book', () => {
    const users = new Set(hc.users.map((u) => u.id));
    const editions = new Map(hc.editions.map((e) => [e.id, e]));
    const bookIds = new Set(hc.books.map((b) => b.id));
    const seen = new Set<string>();
    for (const ub of hc.userBooks) {
      expect(users.has(ub.userId)).toBe(true);
      expect(bookIds.has(ub.bookId)).toBe(true);
      if (ub.editionId !== null) expect(editions.get(ub.editionId)?.bookId).toBe(ub.bookId);
      expect(ub.dateAdded).toMatch(YMD);
      const key = `${ub.userId}:${ub.bookId}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('gives reads a user_book and an edition of the same book, and never two open reads', () => {
    const userBooks = new Map(hc.userBooks.map((ub) => [ub.id, ub]));
    const editions = new Map(hc.editions.map((e) => [e.id, e]));
    const open = new Map<number, number>();
    for (const read of hc.reads) {
      const ub = userBooks.get(read.userBookId);
      expect(ub).toBeDefined();
      if (read.editionId !== null) expect(editions.get(read.editionId)?.bookId).toBe(ub?.bookId);
      if (read.startedAt !== null) expect(read.startedAt).toMatch(YMD);
      if (read.finishedAt !== null) expect(read.finishedAt).toMatch(YMD);
      if (read.finishedAt === null) open.set(read.userBookId, (open.get(read.userBookId) ?? 0) + 1);
    }
    for (const count of open.values()) expect(count).toBe(1);
  });

  it('points every ABS item at a library of its media type, and every progress row at an item', () => {
    const libraries = new Map(abs.libraries.map((l) => [l.id, l]));
    const items = new Map(abs.items.map((i) => [i.id, i]));
    for (const item of abs.items) {
      expect(item.id).toMatch(UUID);
      expect(libraries.get(item.libraryId)?.mediaType).toBe(item.mediaType);
    }
    for (const user of abs.users) {
      expect(user.id).toMatch(UUID);
      for (const id of user.librariesAccessible) expect(libraries.has(id)).toBe(true);
      const media = new Set<string>();
      for (const p of user.progress) {
        const item = items.get(p.libraryItemId);
        expect(item).toBeDefined();
        if (p.episodeId === null) {
          expect(item?.mediaType).toBe('book');
        } else {
          expect(item?.episodes.some((e) => e.id === p.episodeId)).toBe(true);
        }
        const key = p.episodeId ?? item?.mediaId ?? '';
        expect(media.has(key)).toBe(false);
        media.add(key);
      }
    }
  });

  it('links people to both accounts and the truth to real books', () => {
    const absUsers = new Set(abs.users.map((u) => u.id));
    const hcUsers = new Set(hc.users.map((u) => u.id));
    expect(w.people.map((p) => p.id)).toEqual(['alice', 'bob']);
    for (const person of w.people) {
      expect(absUsers.has(person.absUserId)).toBe(true);
      expect(hcUsers.has(person.hardcoverUserId)).toBe(true);
    }
    for (const user of hc.users) expect(user.token).toMatch(/^hc_pat_[0-9a-f]+$/);
    const bookIds = new Set(hc.books.map((b) => b.id));
    const items = new Map(abs.items.map((i) => [i.id, i]));
    for (const [itemId, bookId] of Object.entries(w.matchTruth ?? {})) {
      expect(items.get(itemId)?.mediaType).toBe('book');
      if (bookId !== null) expect(bookIds.has(bookId)).toBe(true);
    }
    expect(Object.keys(w.matchTruth ?? {}).length).toBe(
      abs.items.filter((i) => i.mediaType === 'book').length,
    );
  });
});
