/**
 * The two library behaviours no vendor source settles, under both variants the stand-in offers:
 * whether Currently Reading opens a read, and whether update_user_book_read replaces or merges.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HardcoverStandInOptions } from '../../sandbox/hardcover/stand-in.ts';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';
import { BOOK, EDITION } from './fixtures/hardcover-world.ts';

const READ_FIELDS = 'id edition_id started_at finished_at progress_pages progress_seconds';

describe('Hardcover stand-in behaviour options', () => {
  let hc: HardcoverHarness | undefined;
  afterEach(async () => {
    await hc?.server.stop();
    hc = undefined;
  });

  const start = async (behaviour: HardcoverStandInOptions) => {
    hc = await startHardcover({ limits: { burst: 1000, daily: 100_000, ...behaviour } });
    return hc;
  };

  const reads = async (harness: HardcoverHarness, userBookId: number) =>
    (
      await harness.gql(
        `{ user_books_by_pk(id: ${userBookId}) { user_book_reads(order_by: {id: asc}) { ${READ_FIELDS} } } }`,
      )
    ).body.data.user_books_by_pk.user_book_reads;

  const updateRead = (harness: HardcoverHarness, id: number, object: Record<string, unknown>) =>
    harness.gql(
      `mutation ($id: Int!, $object: DatesReadInput!) {
        update_user_book_read(id: $id, object: $object) { error user_book_read { ${READ_FIELDS} } } }`,
      { id, object },
    );

  describe('statusOpensRead', () => {
    it('by default, Currently Reading on insert and on update opens one read dated today', async () => {
      const harness = await start({});
      const insert = await harness.gql(
        `mutation { insert_user_book(object: {book_id: ${BOOK.hailMary}, status_id: 2}) { id error } }`,
      );
      expect(await reads(harness, insert.body.data.insert_user_book.id)).toEqual([
        expect.objectContaining({ started_at: '2026-03-10', finished_at: null }),
      ]);
      await harness.gql('mutation { update_user_book(id: 1003, object: {status_id: 2}) { error } }');
      expect(await reads(harness, 1003)).toHaveLength(1);
    });

    it('when false, Currently Reading opens no read, on insert or on update', async () => {
      const harness = await start({ statusOpensRead: false });
      const insert = await harness.gql(
        `mutation { insert_user_book(object: {book_id: ${BOOK.hailMary}, status_id: 2}) {
          id error user_book { status_id } } }`,
      );
      expect(insert.body.data.insert_user_book).toMatchObject({ error: null, user_book: { status_id: 2 } });
      expect(await reads(harness, insert.body.data.insert_user_book.id)).toEqual([]);
      await harness.gql('mutation { update_user_book(id: 1003, object: {status_id: 2}) { error } }');
      expect(await reads(harness, 1003)).toEqual([]);
      // The client opens the read itself: exactly one open read, no duplicate.
      await harness.gql(
        'mutation { insert_user_book_read(user_book_id: 1003, user_book_read: {started_at: "2026-03-01"}) { error } }',
      );
      expect(await reads(harness, 1003)).toHaveLength(1);
      expect(harness.server.stats().duplicateOpenReads).toBe(0);
    });

    it('when false, marking Read still finishes the open read (only Currently Reading changes)', async () => {
      const harness = await start({ statusOpensRead: false });
      await harness.gql(
        'mutation { update_user_book(id: 1001, object: {status_id: 3, user_date: "2026-03-08"}) { error } }',
      );
      expect(await reads(harness, 1001)).toEqual([
        expect.objectContaining({ id: 5001, finished_at: '2026-03-08' }),
      ]);
    });
  });

  describe('readUpdate', () => {
    it('replace (default): fields left out become null', async () => {
      const harness = await start({});
      const { body } = await updateRead(harness, 5001, { progress_seconds: 19_800 });
      expect(body.data.update_user_book_read.user_book_read).toMatchObject({
        edition_id: null,
        started_at: null,
        progress_seconds: 19_800,
      });
    });

    it('merge: only the fields given change; an explicit null still clears', async () => {
      const harness = await start({ readUpdate: 'merge' });
      const { body } = await updateRead(harness, 5001, { progress_seconds: 19_800 });
      expect(body.data.update_user_book_read.error).toBeNull();
      expect(body.data.update_user_book_read.user_book_read).toEqual({
        id: 5001,
        edition_id: EDITION.hobbitAudio,
        started_at: '2025-11-03',
        finished_at: null,
        progress_pages: null,
        progress_seconds: 19_800,
      });
      await updateRead(harness, 5001, { started_at: null, finished_at: '2026-03-09' });
      expect(await reads(harness, 1001)).toEqual([
        expect.objectContaining({ started_at: null, finished_at: '2026-03-09', progress_seconds: 19_800 }),
      ]);
    });

    it('merge applies to upsert_user_book_reads entries with an id too', async () => {
      const harness = await start({ readUpdate: 'merge' });
      await harness.gql(
        `mutation { upsert_user_book_reads(user_book_id: 1002, datesRead: [{id: 5002, finished_at: "2025-02-02"}]) {
          error } }`,
      );
      expect((await reads(harness, 1002))[0]).toEqual({
        id: 5002,
        edition_id: EDITION.janeEyrePrint,
        started_at: '2025-01-11',
        finished_at: '2025-02-02',
        progress_pages: 624,
        progress_seconds: null,
      });
    });
  });
});
