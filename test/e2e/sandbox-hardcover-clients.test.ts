/**
 * What real Hardcover clients read back from the stand-in: the documents in
 * fixtures/hardcover-client-documents.ts answered with sensible data, and the gateway features they
 * lean on (introspection, operationName, batches, field scopes).
 */
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlAnswer, type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';
import {
  CLIENT_DOCUMENTS,
  type ClientDocument,
  FEATURE_DOCUMENTS,
} from './fixtures/hardcover-client-documents.ts';
import { ALICE, BOB, BOOK, DANA_NO_EMAIL, EDITION } from './fixtures/hardcover-world.ts';

function documentNamed(name: string): ClientDocument {
  const found = [...CLIENT_DOCUMENTS, ...FEATURE_DOCUMENTS].find((d) => d.name === name);
  if (!found) throw new Error(`no client document named ${name}`);
  return found;
}

describe('Hardcover stand-in answering real client documents', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover();
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  const send = async (name: string): Promise<GqlAnswer> => {
    const document = documentNamed(name);
    const response = await hc.post(
      { query: document.query, variables: document.variables, operationName: document.operationName },
      document.token,
    );
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  it('shows a reader their own email and nobody else’s', async () => {
    const mine = await send('shelfbridge: current user with email');
    expect(mine.body.data.me).toEqual([
      { id: ALICE.id, username: 'alice', email: expect.stringContaining('alice@') },
    ]);
    const features = await send('features: __typename, aliases and users_by_pk');
    expect(features.body.data).toEqual({
      __typename: 'query_root',
      self: { __typename: 'users', id: ALICE.id, name: 'alice' },
      other: { id: BOB.id, username: 'Bob', email: null },
    });
  });

  it('asks for read:me:email before showing an email address', async () => {
    const refused = await hc.gql('{ me { id email } }', undefined, DANA_NO_EMAIL.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'insufficient_scope', scope: 'read:me:email' });
    const viaFragment = await hc.gql(
      '{ me { ...Contact } } fragment Contact on users { email }',
      undefined,
      DANA_NO_EMAIL.token,
    );
    expect(viaFragment.status).toBe(403);
    expect((await hc.gql('{ me { id username } }', undefined, DANA_NO_EMAIL.token)).status).toBe(200);
  });

  it('keeps book credits and edition credits apart', async () => {
    const { body } = await send('cwa: book editions with a json path');
    const [book] = body.data.books;
    expect(book.book_series).toEqual([{ position: 0, series: { name: 'Middle-earth' } }]);
    expect(book.editions.map((e: { id: number }) => e.id)).toEqual([
      EDITION.hobbitPrint,
      EDITION.hobbitAudio,
    ]);
    for (const edition of book.editions)
      expect(edition.contributions).toEqual([{ author: { name: 'J.R.R. Tolkien' } }]);
    const isbn = await send('shelfbridge: edition by ISBN-10 or ISBN-13');
    expect(isbn.body.data.editions[0].book.contributions).toEqual([
      { author: { id: 1, name: 'J.R.R. Tolkien' } },
    ]);
  });

  it('answers null, not an error, when a json path finds nothing in a non-null column', async () => {
    const { body } = await send('cwa: book editions with a json path');
    expect(body.errors).toBeUndefined();
    expect(body.data.books[0].cached_tags).toBeNull();
    const whole = await send('grimmory: book tags by primary key');
    expect(whole.body.data.books_by_pk).toEqual({ id: BOOK.janeEyre, title: 'Jane Eyre', cached_tags: {} });
  });

  it('serves series, featured series and the books of a series', async () => {
    const details = await send('shelfarr: book details with featured series');
    expect(details.body.data.books[0]).toMatchObject({
      default_physical_edition: { pages: 310 },
      featured_book_series: { position: 0, series: { id: 1, name: 'Middle-earth' } },
    });
    const members = await send('shelfarr: books of a series');
    expect(members.body.data.series).toEqual([
      {
        id: 1,
        name: 'Middle-earth',
        book_series: [
          {
            position: 0,
            book: {
              id: BOOK.hobbit,
              title: 'The Hobbit',
              release_year: 2000,
              cached_image: {},
              contributions: [{ author: { name: 'J.R.R. Tolkien' } }],
            },
          },
        ],
      },
    ]);
    const grimmory = await send('grimmory: books by edition ISBN');
    expect(grimmory.body.data.books[0].featured_book_series).toEqual({
      series: { name: 'Middle-earth', books_count: 1, primary_books_count: 1 },
      position: 0,
    });
    const noSeries = await hc.gql(
      `{ books_by_pk(id: ${BOOK.janeEyre}) { featured_book_series { id } book_series { id } } }`,
    );
    expect(noSeries.body.data.books_by_pk).toEqual({ featured_book_series: null, book_series: [] });
  });

  it('finds audiobook editions by ASIN through books and publishers by name', async () => {
    const asin = await send('abs-sync: audiobook edition by ASIN through books');
    expect(asin.body.data.books).toEqual([
      {
        id: BOOK.hobbit,
        title: 'The Hobbit',
        book_status_id: 1,
        canonical_id: null,
        editions: [
          {
            id: EDITION.hobbitAudio,
            asin: 'B0099SNH3G',
            isbn_13: null,
            isbn_10: null,
            reading_format_id: 2,
            audio_seconds: 39_600,
          },
        ],
      },
    ]);
    const publishers = await send('abs-sync: publisher by exact name');
    expect(publishers.body.data.publishers).toEqual([{ id: 1, name: 'Penguin' }]);
  });

  it('marks an edition owned on the reader’s Owned list, which the ownership check then finds', async () => {
    expect((await send('abs-sync: owned list check')).body.data.lists).toEqual([]);
    const marked = await send('abs-sync: mark edition owned (aliased mutation)');
    expect(marked.body.data.ownership).toEqual({
      id: expect.any(Number),
      list_book: { id: expect.any(Number), book_id: BOOK.hobbit, edition_id: EDITION.hobbitPrint },
    });
    const check = await send('abs-sync: owned list check');
    expect(check.body.data.lists).toEqual([
      {
        id: expect.any(Number),
        name: 'Owned',
        list_books: [
          { id: marked.body.data.ownership.id, book_id: BOOK.hobbit, edition_id: EDITION.hobbitPrint },
        ],
      },
    ]);
    const again = await hc.gql(
      `mutation { edition_owned(id: ${EDITION.hobbitAudio}) { id list_book { edition_id } } }`,
    );
    expect(again.body.data.edition_owned).toEqual({
      id: marked.body.data.ownership.id,
      list_book: { edition_id: EDITION.hobbitAudio },
    });
    const userBook = await hc.gql('{ user_books_by_pk(id: 1001) { owned } }');
    expect(userBook.body.data.user_books_by_pk).toEqual({ owned: true });
  });

  it('searches authors, series, publishers and users', async () => {
    const authors = await send('features: author search');
    expect(authors.body.data.search.ids).toEqual([3]);
    expect(authors.body.data.search.results.hits[0].document).toMatchObject({
      name: 'Andy Weir',
      books: ['Project Hail Mary', 'The Martian'],
    });
    const series = await send('features: series search');
    expect(series.body.data.search.results).toMatchObject({
      found: 1,
      request_params: { collection_name: 'Series_production' },
      hits: [{ document: { id: '2', name: 'The Lord of the Rings', author_name: 'J.R.R. Tolkien' } }],
    });
    const publishers = await send('features: publisher and user search');
    expect(publishers.body.data.search).toEqual({ ids: [2], query_type: 'publisher' });
    const users = await hc.gql('{ search(query: "dana", query_type: "User") { ids results } }');
    expect(users.body.data.search.ids).toEqual([DANA_NO_EMAIL.id]);
    expect(users.body.data.search.results.hits[0].document).toMatchObject({ username: 'dana', name: 'Dana' });
  });

  it('binds variables of every scalar type', async () => {
    const { body } = await send('features: variables of every scalar type');
    expect(body.data).toEqual({
      users: [{ id: ALICE.id }],
      contributions_by_pk: { id: 1, author: { name: 'J.R.R. Tolkien' } },
      user_books: [{ id: 1001, user_book_reads: [{ id: 5001 }] }],
      books: [{ id: BOOK.hobbit }, { id: BOOK.fellowship }, { id: BOOK.hailMary }],
    });
  });

  it('answers the full introspection query with a schema clients can rebuild', async () => {
    const { status, body } = await hc.gql(getIntrospectionQuery());
    expect(status).toBe(200);
    const schema = buildClientSchema(body.data as IntrospectionQuery);
    expect(schema.getQueryType()?.name).toBe('query_root');
    expect(schema.getMutationType()?.getFields().edition_owned).toBeDefined();
    const arguments_ = await send('shelfbridge: mutation arguments introspection');
    const names = arguments_.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['insert_user_book', 'update_user_book_read', 'edition_owned']),
    );
  });

  it('runs the operation operationName names and explains when it cannot pick one', async () => {
    expect((await send('features: operationName picks one of several operations')).body.data).toEqual({
      editions_by_pk: { id: EDITION.hailMaryAudio, book: { title: 'Project Hail Mary' } },
    });
    const two = 'query A { me { id } } query B { me { username } }';
    const unnamed = await hc.post({ query: two });
    expect(unnamed.status).toBe(200);
    expect(await unnamed.json()).toEqual({
      errors: [
        {
          message:
            'exactly one operation has to be present in the document when operationName is not specified',
          extensions: { path: '$', code: 'validation-failed' },
        },
      ],
    });
    const unknown = await hc.post({ query: two, operationName: 'C' });
    const unknownBody = (await unknown.json()) as { errors: { message: string }[] };
    expect(unknownBody.errors[0]?.message).toBe('no such operation found in the document: "C"');
  });
});

describe('Hardcover stand-in batches', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover({ limits: {} });
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  it('answers an array of requests with an array of answers, charging every top-level field', async () => {
    const response = await hc.post([
      { query: '{ me { id } }' },
      {
        query: 'query ($id: Int!) { editions_by_pk(id: $id) { id } books_by_pk(id: 1) { id } }',
        variables: { id: 11 },
      },
      { query: '{ me { nope } }' },
    ]);
    expect(response.status).toBe(200);
    const answers = (await response.json()) as GqlAnswer['body'][];
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual({ data: { me: [{ id: ALICE.id }] } });
    expect(answers[1]).toEqual({ data: { editions_by_pk: { id: 11 }, books_by_pk: { id: 1 } } });
    expect(answers[2].errors[0].extensions.code).toBe('validation-failed');
    expect(response.headers.get('x-ratelimit-remaining')).toBe(String(10 - 4));
  });

  it('refuses a batch holding an unparseable document or a non-request item', async () => {
    const unparseable = await hc.post([{ query: '{ me { id } }' }, { query: '{ me { ' }]);
    expect(unparseable.status).toBe(400);
    expect(await unparseable.json()).toMatchObject({ error: 'invalid_query' });
    const notRequests = await hc.post([{ query: '{ me { id } }' }, 42]);
    expect(notRequests.status).toBe(400);
    expect(await notRequests.json()).toEqual({ error: 'Malformed request body' });
  });
});
