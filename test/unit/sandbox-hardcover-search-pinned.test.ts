/**
 * Search answers on a generated catalogue, pinned: the stand-in's search was checked against real
 * public clients, so how it finds and ranks must not move when its internals change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { HardcoverStore } from '../../sandbox/hardcover/library/store.ts';
import { SEARCH_INDEXES, searchCorpora } from '../../sandbox/hardcover/search/indexes.ts';
import { runSearch, type SearchArgs } from '../../sandbox/hardcover/search/search.ts';
import { foldTokens } from '../../sandbox/hardcover/search/tokens.ts';

const store = new HardcoverStore(generateBookWorld({ seed: 7, books: 300 }).hardcover);
/** What the stand-in searches (indexed catalogue). */
const corpusFor = searchCorpora(store.tables);
/** Every document scored, as the stand-in first did. */
const scanFor = (type: string) => SEARCH_INDEXES[type]?.documents(store.tables) ?? [];

interface Hit {
  text_match: number;
  text_match_info: { fields_matched: number };
}

function summary(args: SearchArgs): string {
  const out = runSearch(args, corpusFor);
  if (out.error) return `error: ${out.error}`;
  const results = out.results as { found: number; out_of: number; hits: Hit[] };
  const hits = results.hits.map((h) => `${h.text_match}/${h.text_match_info.fields_matched}`);
  return `${results.found} of ${results.out_of}: ${out.ids?.join(' ')} | ${hits.join(' ')}`;
}

const QUERIES: SearchArgs[] = [
  { query: 'the hobbit' },
  { query: 'hobb' },
  { query: 'tolkien' },
  { query: '9780463187555' },
  { query: 'mistborn sanderson' },
  { query: 'Les Misérables' },
  { query: 'three body xqzzy' },
  { query: 'the', per_page: 5, page: 2 },
  { query: 'ho', per_page: 8 },
  { query: 'h' },
  { query: 'sanderson', query_type: 'author' },
  { query: 'mistborn', query_type: 'series' },
  { query: '*', query_type: 'publisher', per_page: 3 },
  { query: 'hugo', fields: 'title,author_names', weights: '1,4' },
  { query: 'the', sort: 'users_count:asc', per_page: 6 },
  { query: '' },
  { query: '*', per_page: 3, sort: 'release_year:desc' },
  { query: 'Brandon', query_type: 'Books' },
  { query: 'Cien años' },
  { query: '三体' },
  { query: 'lowmere chron' },
  { query: 'of the', per_page: 0 },
  { query: 'good omens', fields: 'title', weights: '2,3' },
  { query: 'empire ascension well', fields: 'title,series_names', weights: '1' },
];

describe('search on seed 7, 300 books', () => {
  it('answers a set of queries as it always has', () => {
    expect(QUERIES.map((args) => `${JSON.stringify(args)} → ${summary(args)}`)).toMatchInlineSnapshot(`
      [
        "{"query":"the hobbit"} → 2 of 285: 400036 400073 | 2000010/1 2000010/1",
        "{"query":"hobb"} → 2 of 285: 400036 400073 | 1000005/1 1000005/1",
        "{"query":"tolkien"} → 2 of 285: 400036 400073 | 1000001/1 1000001/1",
        "{"query":"9780463187555"} → 1 of 285: 400036 | 1000005/1",
        "{"query":"mistborn sanderson"} → 2 of 285: 400185 400162 | 2000004/2 2000004/2",
        "{"query":"Les Misérables"} → 1 of 285: 400085 | 2000010/1",
        "{"query":"three body xqzzy"} → 1 of 285: 400109 | 2000010/1",
        "{"query":"the","per_page":5,"page":2} → 186 of 285: 405034 403751 400365 404300 404628 | 1000008/2 1000008/2 1000008/2 1000008/2 1000008/2",
        "{"query":"ho","per_page":8} → 6 of 285: 404995 400036 400073 401125 402753 404637 | 1000005/1 1000005/1 1000005/1 1000005/1 1000005/1 1000005/1",
        "{"query":"h"} → 0 of 285:  | ",
        "{"query":"sanderson","query_type":"author"} → 1 of 222: 200196 | 1000006/2",
        "{"query":"mistborn","query_type":"series"} → 1 of 32: 2 | 1000002/1",
        "{"query":"*","query_type":"publisher","per_page":3} → 22 of 22: 20 2 3 | 0/0 0/0 0/0",
        "{"query":"hugo","fields":"title,author_names","weights":"1,4"} → 1 of 285: 400085 | 1000004/1",
        "{"query":"the","sort":"users_count:asc","per_page":6} → 186 of 285: 405431 404270 404237 404535 403662 403187 | 1000003/1 1000005/1 1000005/1 1000005/1 1000005/1 1000003/1",
        "{"query":""} → 0 of 285:  | ",
        "{"query":"*","per_page":3,"sort":"release_year:desc"} → 285 of 285: 402153 405151 400549 | 0/0 0/0 0/0",
        "{"query":"Brandon","query_type":"Books"} → 2 of 285: 400185 400162 | 1000001/1 1000001/1",
        "{"query":"Cien años"} → 1 of 285: 400213 | 2000010/1",
        "{"query":"三体"} → 1 of 285: 400089 | 1000005/1",
        "{"query":"lowmere chron"} → 1 of 285: 400250 | 2000011/2",
        "{"query":"of the","per_page":0} → 20 of 285:  | ",
        "{"query":"good omens","fields":"title","weights":"2,3"} → error: Number of weights in \`query_by_weights\` does not match number of \`query_by\` fields.",
        "{"query":"empire ascension well","fields":"title,series_names","weights":"1"} → 1 of 285: 400185 | 2000002/1",
      ]
    `);
  });

  it('finds with its index exactly what scoring every document finds', () => {
    const words = [
      ...new Set(
        (scanFor('book') as Record<string, unknown>[]).flatMap((d) =>
          foldTokens([d.title, ...(d.author_names as string[]), ...(d.series_names as string[])].join(' ')),
        ),
      ),
    ].sort();
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).chain((w) => fc.nat({ max: w.length }).map((n) => w.slice(0, n + 1))),
      fc.constantFrom('9780', '97804631875', 'Ø', 'é', '*', '-', 'zzqx'),
    );
    const args = fc.record(
      {
        query: fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' ')),
        query_type: fc.constantFrom('book', 'Books', 'author', 'series', 'publisher'),
        page: fc.integer({ min: 1, max: 3 }),
        per_page: fc.integer({ min: 0, max: 30 }),
        sort: fc.constantFrom('users_count:asc', '_text_match:desc,release_year:asc', 'title:asc'),
        fields: fc.constantFrom(
          'title',
          'title,author_names',
          'author_names,isbns,title',
          'name,books',
          'slug',
        ),
        weights: fc.constantFrom('1', '3,1', '1,2,3', '2,1'),
      },
      { requiredKeys: ['query'] },
    );
    fc.assert(
      fc.property(args, (a) => {
        expect(runSearch(a, corpusFor)).toEqual(runSearch(a, scanFor));
      }),
      { numRuns: 400 },
    );
  });
});
