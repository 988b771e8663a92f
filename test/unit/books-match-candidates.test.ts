import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byTitleAuthor, titleCandidates } from '../../src/sync/books/match.ts';
import type { HcBook } from '../../src/upstream/hardcover/shapes.ts';

const WORDS = [
  'The',
  'Final',
  'Empire',
  'of',
  'Ash',
  'Well',
  'Ascension',
  'Hero',
  'Ages',
  'Mistborn',
  'Émpire',
];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 4 }).map((w) => w.join(' '));
const title = fc.tuple(words, fc.option(words, { nil: undefined })).map(([a, b]) => (b ? `${a}: ${b}` : a));
const authors = fc.array(fc.constantFrom('Brandon Sanderson', 'Robin Hobb', 'B. Sanderson', ''), {
  maxLength: 2,
});
const described = fc.record({ title, subtitle: fc.option(words, { nil: null }), authors });

function book(text: { title: string; subtitle: string | null; authors: string[] }, id: number): HcBook {
  return { id, ...text, editions: [] };
}

describe('shelf candidates by title word', () => {
  it('finds the same best book as scoring the whole shelf, at any threshold', () => {
    fc.assert(
      fc.property(
        described,
        fc.array(described, { maxLength: 30 }),
        fc.integer({ min: 0, max: 100 }),
        (item, shelfText, threshold) => {
          const shelf = shelfText.map((text, i) => book(text, i + 1));
          const everyBook = byTitleAuthor(item, shelf, threshold);
          const fromIndex = byTitleAuthor(item, titleCandidates(item, shelf, threshold), threshold);
          expect(fromIndex?.candidate.id).toBe(everyBook?.candidate.id);
          expect(fromIndex?.score).toBe(everyBook?.score);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves out books sharing no title word once the threshold is above what authors score', () => {
    const shelf = [
      book({ title: 'The Well of Ascension', subtitle: null, authors: ['Brandon Sanderson'] }, 1),
      book({ title: 'Assassin’s Apprentice', subtitle: null, authors: ['Robin Hobb'] }, 2),
      book({ title: 'The Hero of Ages', subtitle: 'Mistborn', authors: ['Brandon Sanderson'] }, 3),
    ];
    const item = { title: 'Mistborn: The Final Empire', subtitle: null, authors: ['Brandon Sanderson'] };
    expect(titleCandidates(item, shelf, 80).map((b) => b.id)).toEqual([3]);
    expect(titleCandidates(item, shelf, 30).map((b) => b.id)).toEqual([1, 2, 3]);
  });
});
