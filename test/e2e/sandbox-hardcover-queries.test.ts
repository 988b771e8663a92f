import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';
import { ALICE, BOB, BOOK, EDITION } from './fixtures/hardcover-world.ts';

describe('Hardcover stand-in queries', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover();
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  it('returns me as a list holding the caller only', async () => {
    const { body } = await hc.gql('{ me { id username name books_count } }');
    expect(body).toEqual({
      data: { me: [{ id: ALICE.id, username: 'alice', name: 'Alice', books_count: 4 }] },
    });
    const bob = await hc.gql('{ me { id } }', undefined, BOB.token);
    expect(bob.body.data.me).toEqual([{ id: BOB.id }]);
  });

  it('hides other readers’ private user_books and reads, whatever the filter asks', async () => {
    const mine = await hc.gql('{ user_books(order_by: {id: asc}) { id user_id } }');
    expect(mine.body.data.user_books.map((u: { id: number }) => u.id)).toEqual([1001, 1002, 1003, 1004]);
    const others = await hc.gql(`{ user_books(where: {user_id: {_eq: ${BOB.id}}}) { id } }`);
    expect(others.body.data.user_books).toEqual([]);
    const byPk = await hc.gql('{ user_books_by_pk(id: 2001) { id } user_book_reads_by_pk(id: 6001) { id } }');
    expect(byPk.body.data).toEqual({ user_books_by_pk: null, user_book_reads_by_pk: null });
    const reads = await hc.gql('{ user_book_reads { id } }');
    expect(reads.body.data.user_book_reads.map((r: { id: number }) => r.id)).toEqual([5001, 5002, 5003]);
    const viaBook = await hc.gql(`{ books_by_pk(id: ${BOOK.hobbit}) { user_books { id user_id } } }`);
    expect(viaBook.body.data.books_by_pk.user_books).toEqual([{ id: 1001, user_id: ALICE.id }]);
  });

  it('filters with _eq, _in, _is_null, _and, _or, _not and relations', async () => {
    const ids = async (where: string) =>
      (await hc.gql(`{ user_books(where: ${where}, order_by: {id: asc}) { id } }`)).body.data.user_books.map(
        (u: { id: number }) => u.id,
      );
    expect(await ids('{status_id: {_eq: 2}}')).toEqual([1001]);
    expect(await ids('{status_id: {_in: [1, 3]}}')).toEqual([1002, 1003]);
    expect(await ids('{edition_id: {_is_null: true}}')).toEqual([1003, 1004]);
    expect(await ids('{_or: [{status_id: {_eq: 5}}, {book: {title: {_eq: "Jane Eyre"}}}]}')).toEqual([
      1002, 1004,
    ]);
    expect(await ids('{_and: [{status_id: {_neq: 5}}, {edition: {reading_format_id: {_eq: 2}}}]}')).toEqual([
      1001,
    ]);
    expect(await ids('{_not: {status_id: {_in: [1, 2]}}}')).toEqual([1002, 1004]);
    expect(await ids('{user_book_reads: {finished_at: {_is_null: false}}}')).toEqual([1002]);
    expect(await ids('{user_book_reads_aggregate: {count: {predicate: {_gt: 1}}}}')).toEqual([1002]);
    expect(await ids('{date_added: {_gte: "2025-06-01"}}')).toEqual([1001, 1003]);
  });

  it('finds editions by ISBN and ASIN in batches, ISBNs stored without hyphens', async () => {
    const { body } = await hc.gql(
      `query ($isbns: [String!], $asins: [String!]) {
        editions(where: {_or: [{isbn_13: {_in: $isbns}}, {isbn_10: {_in: $isbns}}, {asin: {_in: $asins}}]}, order_by: {id: asc}) {
          id isbn_10 isbn_13 asin pages audio_seconds reading_format { format } book { id title }
        }
      }`,
      { isbns: ['9780547928227', '9780593135204'], asins: ['1603935785'] },
    );
    expect(body.data.editions).toEqual([
      {
        id: EDITION.hobbitPrint,
        isbn_10: '054792822X',
        isbn_13: '9780547928227',
        asin: null,
        pages: 310,
        audio_seconds: null,
        reading_format: { format: 'Physical Book' },
        book: { id: BOOK.hobbit, title: 'The Hobbit' },
      },
      {
        id: EDITION.hailMaryAudio,
        isbn_10: null,
        isbn_13: null,
        asin: '1603935785',
        pages: null,
        audio_seconds: 58_000,
        reading_format: { format: 'Audiobook' },
        book: { id: BOOK.hailMary, title: 'Project Hail Mary' },
      },
      {
        id: EDITION.hailMaryPrint,
        isbn_10: null,
        isbn_13: '9780593135204',
        asin: null,
        pages: 496,
        audio_seconds: null,
        reading_format: { format: 'Physical Book' },
        book: { id: BOOK.hailMary, title: 'Project Hail Mary' },
      },
    ]);
  });

  it('orders (nulls per Postgres), offsets and limits', async () => {
    const titles = async (args: string) =>
      (await hc.gql(`{ books(${args}) { title } }`)).body.data.books.map((b: { title: string }) => b.title);
    expect(await titles('order_by: {users_count: desc}, limit: 2')).toEqual([
      'The Hobbit',
      'The Fellowship of the Ring',
    ]);
    expect(await titles('order_by: {users_count: desc}, limit: 2, offset: 2')).toEqual([
      'Project Hail Mary',
      'The Martian',
    ]);
    expect(await titles('order_by: {pages: asc}, limit: 2')).toEqual([
      'The Fellowship of the Ring',
      'Jane Eyre',
    ]);
    expect(await titles('order_by: {pages: desc}, limit: 1')).toEqual(['The Martian']);
    expect(await titles('order_by: {pages: desc_nulls_last}, limit: 1')).toEqual(['Project Hail Mary']);
    expect(await titles('order_by: [{release_year: asc}, {title: desc}], limit: 2')).toEqual([
      'Jane Eyre',
      'The Martian',
    ]);
  });

  it('orders by a relation and counts with aggregates', async () => {
    const { body } = await hc.gql(`{
      user_books(order_by: {book: {title: asc}}) { book { title } }
      user_books_aggregate(where: {status_id: {_neq: 1}}) { aggregate { count } }
      user_book_reads_aggregate { aggregate { count(columns: [finished_at]) } }
    }`);
    expect(body.data.user_books.map((u: { book: { title: string } }) => u.book.title)).toEqual([
      'Jane Eyre',
      'The Fellowship of the Ring',
      'The Hobbit',
      'The Martian',
    ]);
    expect(body.data.user_books_aggregate.aggregate.count).toBe(3);
    expect(body.data.user_book_reads_aggregate.aggregate.count).toBe(2);
  });

  it('nests relations the way the books bridge reads a shelf', async () => {
    const { body } = await hc.gql(`{
      me { user_books(where: {status_id: {_eq: 2}}) {
        id status_id read_count first_started_reading_date user_book_status { status }
        edition { id reading_format_id audio_seconds }
        book { id title pages audio_seconds cached_contributors contributions { author { id name } } }
        user_book_reads(order_by: {id: desc}, limit: 1) { id started_at finished_at progress progress_seconds edition { id } }
      } }
    }`);
    expect(body.data.me[0].user_books).toEqual([
      {
        id: 1001,
        status_id: 2,
        read_count: 0,
        first_started_reading_date: '2025-11-03',
        user_book_status: { status: 'Currently Reading' },
        edition: { id: EDITION.hobbitAudio, reading_format_id: 2, audio_seconds: 39_600 },
        book: {
          id: BOOK.hobbit,
          title: 'The Hobbit',
          pages: 310,
          audio_seconds: 39_600,
          cached_contributors: [
            { author: { id: 1, name: 'J.R.R. Tolkien', slug: 'jrr-tolkien', image: {} }, contribution: null },
          ],
          contributions: [{ author: { id: 1, name: 'J.R.R. Tolkien' } }],
        },
        user_book_reads: [
          {
            id: 5001,
            started_at: '2025-11-03',
            finished_at: null,
            progress: 25,
            progress_seconds: 9_900,
            edition: { id: EDITION.hobbitAudio },
          },
        ],
      },
    ]);
  });

  it('keeps read_count and read dates consistent with the reads', async () => {
    const { body } = await hc.gql(
      '{ user_books_by_pk(id: 1002) { read_count first_started_reading_date first_read_date last_read_date } }',
    );
    expect(body.data.user_books_by_pk).toEqual({
      read_count: 2,
      first_started_reading_date: '2025-01-11',
      first_read_date: '2025-02-01',
      last_read_date: '2025-06-20',
    });
  });

  it('selects inside json columns with path', async () => {
    const { body } = await hc.gql(
      `{ books_by_pk(id: ${BOOK.hobbit}) { name: cached_contributors(path: "[0].author.name") cached_featured_series } }`,
    );
    expect(body.data.books_by_pk).toEqual({
      name: 'J.R.R. Tolkien',
      cached_featured_series: { position: 0, series: { id: 1, name: 'Middle-earth', slug: 'middle-earth' } },
    });
  });

  it('searches books by title and author, accent-insensitively, in Typesense shape', async () => {
    const { body } = await hc.gql(
      '{ search(query: "bronte eyre", query_type: "Book", per_page: 5) { ids page per_page query query_type error results } }',
    );
    const search = body.data.search;
    expect(search).toMatchObject({
      ids: [BOOK.janeEyre],
      page: 1,
      per_page: 5,
      query: 'bronte eyre',
      query_type: 'Book',
      error: null,
    });
    expect(search.results.found).toBe(1);
    expect(search.results.hits[0].document).toMatchObject({
      id: String(BOOK.janeEyre),
      title: 'Jane Eyre',
      author_names: ['Charlotte Brontë'],
      isbns: ['9780141441146'],
      has_audiobook: false,
      release_year: 1847,
      users_count: 500,
    });
    const byIsbn = await hc.gql('{ search(query: "9780593135204") { ids } }');
    expect(byIsbn.body.data.search.ids).toEqual([BOOK.hailMary]);
    const byAuthor = await hc.gql('{ search(query: "andy weir") { ids results } }');
    expect(byAuthor.body.data.search.ids).toEqual([BOOK.hailMary, BOOK.martian]);
    expect(byAuthor.body.data.search.results.hits[0].document.has_audiobook).toBe(true);
  });

  it('answers the plural query_type "books" that public clients send, with results.hits', async () => {
    const { body } = await hc.gql(
      'query ($q: String!, $t: String!) { search(query: $q, query_type: $t, per_page: 5) { ids error results } }',
      { q: 'andy weir', t: 'books' },
    );
    expect(body.data.search.error).toBeNull();
    expect(body.data.search.ids).toEqual([BOOK.hailMary, BOOK.martian]);
    expect(body.data.search.results.hits.map((hit: { document: { id: string } }) => hit.document.id)).toEqual(
      [String(BOOK.hailMary), String(BOOK.martian)],
    );
  });

  it('reports Hasura errors for distinct_on that does not lead order_by and negative limits', async () => {
    const distinct = await hc.gql('{ editions(distinct_on: book_id, order_by: {id: asc}) { id } }');
    expect(distinct.body.errors[0].message).toContain('distinct_on');
    const ok = await hc.gql(
      '{ editions(distinct_on: book_id, order_by: [{book_id: asc}, {id: desc}]) { id } }',
    );
    expect(ok.body.data.editions.map((e: { id: number }) => e.id)).toEqual([12, 21, 31, 42, 51]);
    const negative = await hc.gql('{ books(limit: -1) { id } }');
    expect(negative.body.errors[0].extensions.code).toBe('validation-failed');
    const nullValue = await hc.gql('query ($s: Int) { user_books(where: {status_id: {_eq: $s}}) { id } }', {
      s: null,
    });
    expect(nullValue.body.errors[0].message).toContain('null');
  });
});
