import { afterEach, describe, expect, it } from 'vitest';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';
import { ALICE, BOB, BOOK } from './fixtures/hardcover-world.ts';

/**
 * Other readers' shelves: the docs tell a reader to filter `user_books` by `user_id` to get their
 * own library (guides/GettingAllBooksInLibrary.mdx, guides/GettingBooksWithStatus.mdx), because
 * public shelves are readable through the same API the website uses (Getting-Started.mdx:15);
 * `privacy_setting_id` is 1 Public, 2 Followers, 3 Private (Schemas/UserBooks.mdx:164).
 */
describe('Hardcover stand-in: other readers’ user_books', () => {
  let hc: HardcoverHarness | undefined;
  afterEach(async () => {
    await hc?.server.stop();
    hc = undefined;
  });

  async function bobShelves(): Promise<{ hc: HardcoverHarness; publicId: number; followersId: number }> {
    const harness = await startHardcover();
    hc = harness;
    const add = async (bookId: number, privacy: number) => {
      const { body } = await harness.gql(
        `mutation { insert_user_book(object: {book_id: ${bookId}, status_id: 3, privacy_setting_id: ${privacy}}) { id error } }`,
        undefined,
        BOB.token,
      );
      expect(body.data.insert_user_book.error).toBeNull();
      return body.data.insert_user_book.id as number;
    };
    return { hc: harness, publicId: await add(BOOK.janeEyre, 1), followersId: await add(BOOK.fellowship, 2) };
  }

  it('shows another reader’s public user_books and their reads, not their followers-only or private ones', async () => {
    const { hc, publicId, followersId } = await bobShelves();
    const byUser = await hc.gql(
      `{ user_books(where: {user_id: {_eq: ${BOB.id}}}, order_by: {id: asc}) { id user_id } }`,
    );
    expect(byUser.body.data.user_books).toEqual([{ id: publicId, user_id: BOB.id }]);
    const byPk =
      await hc.gql(`{ public: user_books_by_pk(id: ${publicId}) { id user_book_reads { finished_at } }
      followers: user_books_by_pk(id: ${followersId}) { id } }`);
    expect(byPk.body.data.public.id).toBe(publicId);
    expect(byPk.body.data.public.user_book_reads).toHaveLength(1);
    expect(byPk.body.data.followers).toBeNull();
    const profile = await hc.gql(`{ users_by_pk(id: ${BOB.id}) { user_books { id } } }`);
    expect(profile.body.data.users_by_pk.user_books).toEqual([{ id: publicId }]);
    const reads = await hc.gql(
      `{ user_book_reads(where: {user_book: {user_id: {_eq: ${BOB.id}}}}) { user_book_id } }`,
    );
    expect(reads.body.data.user_book_reads).toEqual([{ user_book_id: publicId }]);
  });

  it('so a query without a user_id filter reaches every public shelf, while me { user_books } stays the caller’s', async () => {
    const { hc, publicId } = await bobShelves();
    const everyone = await hc.gql(
      `{ user_books(where: {book_id: {_eq: ${BOOK.janeEyre}}}, order_by: {id: asc}) { id user_id } }`,
    );
    expect(everyone.body.data.user_books).toEqual([
      { id: 1002, user_id: ALICE.id },
      { id: publicId, user_id: BOB.id },
    ]);
    const mine = await hc.gql(`{ me { user_books(where: {book_id: {_eq: ${BOOK.janeEyre}}}) { id } } }`);
    expect(mine.body.data.me[0].user_books).toEqual([{ id: 1002 }]);
  });

  it('still refuses to write to another reader’s public user_book', async () => {
    const { hc, publicId } = await bobShelves();
    const { body } = await hc.gql(
      `mutation { update_user_book(id: ${publicId}, object: {status_id: 1}) { id error } }`,
    );
    expect(body.data.update_user_book).toEqual({ id: null, error: expect.any(String) });
  });
});
