import { describe, expect, it } from 'vitest';
import { chooseEdition } from '../../src/sync/books/editions.ts';
import { itemIdentifiers } from '../../src/sync/books/identifiers.ts';
import {
  bestSearchHit,
  byIdentifier,
  type ItemToMatch,
  indexByIdentifier,
  matchOnShelf,
} from '../../src/sync/books/match.ts';
import { matchScore } from '../../src/sync/books/text-match.ts';
import type { HcBook, HcEdition } from '../../src/upstream/hardcover/shapes.ts';

const edition = (over: Partial<HcEdition>): HcEdition => ({
  id: 1,
  book_id: 1,
  reading_format_id: 1,
  pages: 300,
  audio_seconds: null,
  asin: null,
  isbn_10: null,
  isbn_13: null,
  ...over,
});

const finalEmpire: HcBook = {
  id: 400162,
  title: 'The Final Empire',
  subtitle: null,
  authors: ['Brandon Sanderson'],
  editions: [
    edition({
      id: 311,
      book_id: 400162,
      reading_format_id: 2,
      pages: null,
      audio_seconds: 40_000,
      asin: 'B085KRDEC5',
      isbn_13: '9798314236550',
    }),
    edition({ id: 329, book_id: 400162, isbn_10: '1453138617', isbn_13: '9781453138618' }),
  ],
};
const other: HcBook = {
  id: 7,
  title: 'The Well of Ascension',
  subtitle: null,
  authors: ['Brandon Sanderson'],
  editions: [edition({ id: 70, book_id: 7, asin: 'B000WELL01', isbn_13: '9780765316882' })],
};

function item(over: Partial<ItemToMatch>): ItemToMatch {
  return {
    itemId: 'x',
    title: 'Mistborn: The Final Empire',
    subtitle: null,
    authors: ['Brandon Sanderson'],
    identifiers: itemIdentifiers(null, null),
    format: 'audio',
    ...over,
  };
}

describe('matching passes', () => {
  const index = indexByIdentifier([finalEmpire, other]);

  it('finds by ASIN first, by ISBN-10 or -13 otherwise, in the configured order', () => {
    const both = item({ identifiers: itemIdentifiers('9780765316882', 'B085KRDEC5') });
    expect(byIdentifier(both, index, ['asin', 'isbn', 'title_author'])).toMatchObject({
      book: { id: 400162 },
      source: 'asin',
    });
    expect(byIdentifier(both, index, ['isbn', 'asin'])).toMatchObject({ book: { id: 7 }, source: 'isbn' });
    expect(
      byIdentifier(item({ identifiers: itemIdentifiers('1-4531-3861-7', null) }), index, ['asin', 'isbn']),
    ).toMatchObject({
      editionId: 329,
    });
    expect(byIdentifier(both, index, ['title_author'])).toBeNull();
  });

  it('matches the shelf by title and author when identifiers say nothing', () => {
    const found = matchOnShelf(item({}), [finalEmpire, other], index, ['asin', 'isbn', 'title_author'], 80);
    expect(found).toMatchObject({ book: { id: 400162 }, source: 'shelf' });
    expect(matchOnShelf(item({}), [finalEmpire], index, ['asin', 'isbn'], 80)).toBeNull();
  });

  it('scores a series prefix, accents and case as the same title, another author lower', () => {
    expect(matchScore(item({}), finalEmpire)).toBeGreaterThanOrEqual(95);
    expect(matchScore(item({ title: 'THE FINAL EMPIRE' }), finalEmpire)).toBe(100);
    expect(
      matchScore(item({ title: 'Kingdom of Zurich' }), {
        title: 'Kingdom of Zürich',
        subtitle: null,
        authors: ['Brandon Sanderson'],
      }),
    ).toBe(100);
    expect(matchScore(item({ authors: ['Someone Else'] }), finalEmpire)).toBeLessThan(80);
    expect(matchScore(item({ title: 'The Hero of Ages' }), finalEmpire)).toBeLessThan(80);
  });

  it('takes the best search hit above the threshold, never one already claimed', () => {
    const hits = [
      {
        bookId: 7,
        title: 'The Well of Ascension',
        subtitle: null,
        authors: ['Brandon Sanderson'],
        isbns: [],
      },
      {
        bookId: 400162,
        title: 'The Final Empire',
        subtitle: null,
        authors: ['Brandon Sanderson'],
        isbns: [],
      },
    ];
    expect(bestSearchHit(item({}), hits, 80, new Set())?.bookId).toBe(400162);
    expect(bestSearchHit(item({}), hits, 80, new Set([400162]))).toBeNull();
    expect(bestSearchHit(item({ title: 'Nothing Alike' }), hits, 80, new Set())).toBeNull();
  });
});

describe('edition choice', () => {
  it('keeps the named edition when it fits the format, else the best of the format', () => {
    expect(chooseEdition(finalEmpire.editions, 'audio', 311)?.id).toBe(311);
    expect(chooseEdition(finalEmpire.editions, 'audio', 329)?.id).toBe(311);
    expect(chooseEdition(finalEmpire.editions, 'ebook', 329)?.id).toBe(329);
    expect(chooseEdition(finalEmpire.editions, 'ebook')?.id).toBe(329);
  });

  it('returns null when no edition has a length', () => {
    expect(
      chooseEdition(
        [edition({ pages: null }), edition({ id: 2, reading_format_id: 2, pages: null })],
        'audio',
      ),
    ).toBeNull();
  });
});
