import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../sandbox/hardcover/search/book-documents.ts';
import { TokenIndex } from '../../sandbox/hardcover/search/token-index.ts';

const doc = (id: number, title: string, extra: Record<string, unknown> = {}): SearchDocument => ({
  id: String(id),
  title,
  ...extra,
});

const index = new TokenIndex([
  doc(1, 'The Hunchback of Notre-Dame', { author_names: ['Victor Hugo'] }),
  doc(2, 'Hugo', { pages: 320 }),
  doc(3, 'Les Misérables', { author_names: ['Victor Hugo'], isbns: ['9780140444308'] }),
  doc(4, 'Hunger', { featured_series: { name: 'hunger' } }),
]);
const ids = (fields: string[], tokens: string[]) => index.bestCovering(fields, tokens).map((d) => d.id);

describe('TokenIndex.bestCovering', () => {
  it('finds the documents covering the most tokens in any of the fields, in their original order', () => {
    expect(ids(['title'], ['hugo'])).toEqual(['2']);
    expect(ids(['title', 'author_names'], ['hugo'])).toEqual(['1', '2', '3']);
    expect(ids(['author_names', 'title'], ['miserables', 'the'])).toEqual(['1', '3']);
    expect(ids(['author_names', 'title'], ['hugo', 'miserables'])).toEqual(['3']);
    expect(ids(['title'], ['hugo', 'hugo'])).toEqual(['2']);
    expect(ids(['title'], ['zzz', 'qqq'])).toEqual([]);
    expect(ids(['title'], [])).toEqual([]);
  });

  it('matches only the last token as a prefix, and only from two characters', () => {
    expect(ids(['title'], ['hun'])).toEqual(['1', '4']);
    expect(ids(['title'], ['hun', 'hugo'])).toEqual(['2']);
    expect(ids(['title'], ['hun', 'dame'])).toEqual(['1']);
    expect(ids(['title'], ['h'])).toEqual([]);
    expect(ids(['title'], ['notre', 'h'])).toEqual(['1']);
  });

  it('reads numbers and lists as search.ts does, and nothing inside objects', () => {
    expect(ids(['pages'], ['320'])).toEqual(['2']);
    expect(ids(['isbns'], ['978014'])).toEqual(['3']);
    expect(ids(['featured_series'], ['hunger'])).toEqual([]);
    expect(ids(['no_such_field'], ['hugo'])).toEqual([]);
  });
});
