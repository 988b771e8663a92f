import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../sandbox/hardcover/search/book-documents.ts';
import { canonicalQueryType, foldTokens, runSearch } from '../../sandbox/hardcover/search/search.ts';

const doc = (
  id: number,
  title: string,
  authors: string[],
  extra: Record<string, unknown> = {},
): SearchDocument => ({
  id: String(id),
  title,
  author_names: authors,
  isbns: [],
  series_names: [],
  alternative_titles: [],
  users_count: 0,
  ...extra,
});

const books = [
  doc(1, 'Les Misérables', ['Victor Hugo'], { users_count: 50 }),
  doc(2, 'The Hunchback of Notre-Dame', ['Victor Hugo'], { users_count: 90 }),
  doc(3, 'The Martian', ['Andy Weir'], { users_count: 70, isbns: ['9780553418026'] }),
  doc(4, 'Martian Time-Slip', ['Philip K. Dick'], { users_count: 20 }),
  doc(5, 'Hugo', ['Someone Else'], { users_count: 10 }),
];

const search = (args: Parameters<typeof runSearch>[0]) =>
  runSearch(args, (type) => (type === 'book' ? books : []));

describe('foldTokens', () => {
  it('folds case and accents and splits on punctuation, keeping non-Latin letters', () => {
    expect(foldTokens('Les Misérables: Édition — Tôme 1')).toEqual([
      'les',
      'miserables',
      'edition',
      'tome',
      '1',
    ]);
    expect(foldTokens('ノルウェイの森')).toEqual(['ノルウェイの森']);
  });
});

describe('runSearch', () => {
  it('matches accent-insensitively and returns Typesense-shaped results', () => {
    const out = search({ query: 'les miserables' });
    expect(out).toMatchObject({
      error: null,
      ids: [1],
      page: 1,
      per_page: 25,
      query: 'les miserables',
      query_type: 'book',
    });
    expect(out.results).toMatchObject({
      found: 1,
      out_of: 5,
      page: 1,
      hits: [{ document: { id: '1', title: 'Les Misérables' } }],
      request_params: { collection_name: 'Book_production', per_page: 25, q: 'les miserables' },
    });
  });

  it('prefers documents matching every token, then the title over the author, then popularity', () => {
    expect(search({ query: 'martian weir' }).ids).toEqual([3]);
    expect(search({ query: 'martian' }).ids).toEqual([3, 4]);
    expect(search({ query: 'hugo' }).ids).toEqual([5, 2, 1]);
  });

  it('matches the last token as a prefix', () => {
    expect(search({ query: 'hunchb' }).ids).toEqual([2]);
  });

  it('finds a book by ISBN', () => {
    expect(search({ query: '9780553418026' }).ids).toEqual([3]);
  });

  it('pages through the results and keeps the total', () => {
    const second = search({ query: 'hugo', per_page: 2, page: 2 });
    expect(second.ids).toEqual([1]);
    expect(second.results).toMatchObject({ found: 3, page: 2 });
  });

  it('sorts and restricts fields when asked', () => {
    expect(search({ query: 'hugo', sort: 'users_count:asc' }).ids).toEqual([5, 1, 2]);
    expect(search({ query: 'hugo', fields: 'title', weights: '1' }).ids).toEqual([5]);
    expect(search({ query: 'hugo', fields: 'title,author_names', weights: '1' }).ids).toHaveLength(3);
  });

  it('returns everything for * and nothing for unknown words', () => {
    expect(search({ query: '*' }).ids).toEqual([2, 3, 1, 4, 5]);
    expect(search({ query: 'zzzz' })).toMatchObject({ ids: [], results: { found: 0 } });
  });

  it('treats query_type case-insensitively and echoes it', () => {
    expect(search({ query: 'hugo', query_type: 'BOOK' })).toMatchObject({
      query_type: 'BOOK',
      ids: [5, 2, 1],
    });
    expect(search({ query: 'hugo', query_type: 'publisher' })).toMatchObject({ error: null, ids: [] });
  });

  it('accepts the plural of every type in any case, answering as for the singular', () => {
    const singular = search({ query: 'hugo', query_type: 'book' });
    for (const queryType of ['books', 'Books', 'BOOKS', 'Book']) {
      const out = search({ query: 'hugo', query_type: queryType });
      expect(out, queryType).toEqual({ ...singular, query_type: queryType });
    }
    const types = ['author', 'character', 'list', 'prompt', 'publisher', 'series', 'user'];
    for (const type of types) {
      for (const variant of [
        type,
        `${type}s`,
        type.toUpperCase(),
        `${type[0]?.toUpperCase()}${type.slice(1)}s`,
      ])
        expect(search({ query: 'x', query_type: variant }).error, variant).toBeNull();
    }
    expect(canonicalQueryType('Authors')).toBe('author');
    expect(canonicalQueryType('Series')).toBe('series');
    expect(canonicalQueryType('movies')).toBe('movies');
  });

  it('reports bad arguments in error', () => {
    expect(search({ query: 'x', query_type: 'movie' }).error).toMatch(/query_type/);
    expect(search({ query: 'x', fields: 'title,author_names', weights: '1,2,3' }).error).toMatch(/weights/);
  });
});
