import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';
import { BOB, BOOK, EDITION } from './fixtures/hardcover-world.ts';

const READ_FIELDS =
  'id user_book_id edition_id started_at finished_at progress progress_pages progress_seconds';

describe('Hardcover stand-in mutations', () => {
  let hc: HardcoverHarness;
  beforeEach(async () => {
    hc = await startHardcover();
  });
  afterEach(async () => {
    await hc.server.stop();
  });

  const insertRead = (userBookId: number, read: Record<string, unknown>, token?: string) =>
    hc.gql(
      `mutation ($id: Int!, $read: DatesReadInput!) {
        insert_user_book_read(user_book_id: $id, user_book_read: $read) { id error user_book_read { ${READ_FIELDS} } }
      }`,
      { id: userBookId, read },
      token,
    );

  const userBook = async (id: number) =>
    (
      await hc.gql(`{ user_books_by_pk(id: ${id}) {
        status_id read_count first_started_reading_date last_read_date
        user_book_reads(order_by: {id: asc}) { ${READ_FIELDS} } } }`)
    ).body.data.user_books_by_pk;

  it('inserts a read and computes its progress from the edition', async () => {
    const { body } = await insertRead(1003, {
      edition_id: EDITION.fellowshipEbook,
      started_at: '2026-03-01',
      progress_pages: 108,
    });
    const result = body.data.insert_user_book_read;
    expect(result.error).toBeNull();
    expect(result.user_book_read).toMatchObject({
      id: result.id,
      user_book_id: 1003,
      started_at: '2026-03-01',
      finished_at: null,
      progress_pages: 108,
      progress: 25,
    });
    expect(await userBook(1003)).toMatchObject({ first_started_reading_date: '2026-03-01', read_count: 0 });
  });

  it('replaces the whole read on update: fields left out become null', async () => {
    const { body } = await hc.gql(
      `mutation { update_user_book_read(id: 5001, object: {progress_seconds: 19800, edition_id: ${EDITION.hobbitAudio}}) {
        id error user_book_read { ${READ_FIELDS} } } }`,
    );
    expect(body.data.update_user_book_read.error).toBeNull();
    expect(body.data.update_user_book_read.user_book_read).toMatchObject({
      id: 5001,
      started_at: null,
      progress_seconds: 19_800,
      progress: 50,
    });
  });

  it('finishing a read updates read_count and last_read_date', async () => {
    await hc.gql(
      `mutation { update_user_book_read(id: 5001, object: {started_at: "2025-11-03", finished_at: "2026-03-09",
        progress_seconds: 39600, edition_id: ${EDITION.hobbitAudio}}) { error } }`,
    );
    expect(await userBook(1001)).toMatchObject({
      read_count: 1,
      first_started_reading_date: '2025-11-03',
      last_read_date: '2026-03-09',
    });
  });

  it('counts a second open read as a duplicate, and stops counting once it is deleted', async () => {
    expect(hc.server.stats().duplicateOpenReads).toBe(0);
    const second = await insertRead(1001, { started_at: '2026-03-10', progress_seconds: 100 });
    expect(hc.server.stats().duplicateOpenReads).toBe(1);
    const served = (await (await fetch(`${hc.server.origin}/__sandbox/stats`)).json()) as Record<
      string,
      unknown
    >;
    expect(served.duplicateOpenReads).toBe(1);
    await hc.gql(
      `mutation { delete_user_book_read(id: ${second.body.data.insert_user_book_read.id}) { id error } }`,
    );
    expect(hc.server.stats().duplicateOpenReads).toBe(0);
  });

  it('setting Currently Reading opens a read dated today in the user’s zone, once', async () => {
    hc.clock.set(Date.UTC(2026, 2, 10, 23, 30));
    const insert = await hc.gql(
      `mutation { insert_user_book(object: {book_id: ${BOOK.hailMary}, status_id: 2, edition_id: ${EDITION.hailMaryAudio}}) {
        id error user_book { id status_id date_added edition_id } } }`,
    );
    const result = insert.body.data.insert_user_book;
    expect(result.error).toBeNull();
    expect(result.user_book).toMatchObject({
      status_id: 2,
      date_added: '2026-03-11',
      edition_id: EDITION.hailMaryAudio,
    });
    const shelf = await userBook(result.id);
    expect(shelf.user_book_reads).toEqual([
      expect.objectContaining({
        started_at: '2026-03-11',
        finished_at: null,
        edition_id: EDITION.hailMaryAudio,
      }),
    ]);
    await hc.gql(`mutation { update_user_book(id: ${result.id}, object: {status_id: 2}) { error } }`);
    expect((await userBook(result.id)).user_book_reads).toHaveLength(1);
    await insertRead(result.id, { started_at: '2026-03-01' });
    expect(hc.server.stats().duplicateOpenReads).toBe(1);
  });

  it('marking Read finishes the open read with today, or user_date when given', async () => {
    await hc.gql(
      'mutation { update_user_book(id: 1001, object: {status_id: 3, user_date: "2026-03-08"}) { error } }',
    );
    const shelf = await userBook(1001);
    expect(shelf.status_id).toBe(3);
    expect(shelf.user_book_reads).toEqual([expect.objectContaining({ id: 5001, finished_at: '2026-03-08' })]);
    expect(shelf).toMatchObject({ read_count: 1, last_read_date: '2026-03-08' });
  });

  it('inserting a book straight as Read creates a read finished today', async () => {
    const insert = await hc.gql(
      `mutation { insert_user_book(object: {book_id: ${BOOK.hailMary}, status_id: 3}) { id error } }`,
    );
    const shelf = await userBook(insert.body.data.insert_user_book.id);
    expect(shelf.user_book_reads).toEqual([
      expect.objectContaining({ started_at: null, finished_at: '2026-03-10' }),
    ]);
  });

  it('reports business errors inside the result', async () => {
    const duplicate = await hc.gql(
      `mutation { insert_user_book(object: {book_id: ${BOOK.hobbit}}) { id error } }`,
    );
    expect(duplicate.body.data.insert_user_book).toEqual({
      id: 1001,
      error: expect.stringMatching(/already/i),
    });
    const noBook = await hc.gql('mutation { insert_user_book(object: {book_id: 987654}) { id error } }');
    expect(noBook.body.data.insert_user_book).toEqual({ id: null, error: 'Book not found' });
    const wrongEdition = await insertRead(1003, { edition_id: EDITION.janeEyrePrint });
    expect(wrongEdition.body.data.insert_user_book_read.error).toMatch(/edition/i);
    const badDate = await insertRead(1003, { started_at: '2026-13-45' });
    expect(badDate.body.data.insert_user_book_read.error).toMatch(/started_at/);
    const othersRead = await hc.gql(
      'mutation { update_user_book_read(id: 6001, object: {progress_pages: 1}) { id error } }',
    );
    expect(othersRead.body.data.update_user_book_read).toEqual({
      id: null,
      error: 'User book read not found',
    });
  });

  it('keeps users apart: Bob cannot write to Alice’s shelf', async () => {
    const attempt = await insertRead(1001, { progress_seconds: 1 }, BOB.token);
    expect(attempt.body.data.insert_user_book_read.error).toBe('User book not found');
    expect((await userBook(1001)).user_book_reads).toHaveLength(1);
    const update = await hc.gql(
      'mutation { update_user_book(id: 1001, object: {status_id: 5}) { error } }',
      undefined,
      BOB.token,
    );
    expect(update.body.data.update_user_book.error).toBe('User book not found');
    expect((await userBook(1001)).status_id).toBe(2);
  });

  it('upserts reads: replaces by id, adds the rest', async () => {
    const { body } = await hc.gql(
      `mutation ($reads: [DatesReadInput]!) { upsert_user_book_reads(user_book_id: 1002, datesRead: $reads) {
        error user_book_id user_book { read_count user_book_reads(order_by: {id: asc}) { id started_at finished_at } } } }`,
      {
        reads: [
          { id: 5002, started_at: '2025-01-12', finished_at: '2025-02-02' },
          { started_at: '2026-03-01' },
        ],
      },
    );
    const result = body.data.upsert_user_book_reads;
    expect(result.error).toBeNull();
    expect(result.user_book.read_count).toBe(2);
    expect(result.user_book.user_book_reads).toEqual([
      { id: 5002, started_at: '2025-01-12', finished_at: '2025-02-02' },
      { id: 5003, started_at: '2025-06-01', finished_at: '2025-06-20' },
      { id: expect.any(Number), started_at: '2026-03-01', finished_at: null },
    ]);
  });

  it('deletes a user book with its reads', async () => {
    const { body } = await hc.gql('mutation { delete_user_book(id: 1002) { id book_id user_id } }');
    expect(body.data.delete_user_book).toEqual({ id: 1002, book_id: BOOK.janeEyre, user_id: 101 });
    const after = await hc.gql(
      '{ user_books_by_pk(id: 1002) { id } user_book_reads(where: {user_book_id: {_eq: 1002}}) { id } me { books_count } }',
    );
    expect(after.body.data).toEqual({
      user_books_by_pk: null,
      user_book_reads: [],
      me: [{ books_count: 3 }],
    });
  });
});
