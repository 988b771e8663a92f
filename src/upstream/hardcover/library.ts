import { z } from 'zod';
import { ShelfsyncError } from '../../core/errors.ts';
import { SHELF_PAGE_QUERY, USER_BOOKS_QUERY } from './book-documents.ts';
import type { HardcoverClient } from './client.ts';
import { runGraphql } from './graphql.ts';
import { type HcBook, type HcUserBook, shelfEntrySchema, toBook, userBookStateSchema } from './shapes.ts';

/** The signed-in user's shelf and the state of single books on it. */

export const SHELF_PAGE_SIZE = 250;

// Built once: zod compiles a parser for each new object schema the first time it parses.
const shelfPageSchema = z.object({
  me: z.array(z.object({ id: z.number().int(), user_books: z.array(shelfEntrySchema) })),
});
const userBooksSchema = z.object({
  me: z.array(z.object({ id: z.number().int(), user_books: z.array(userBookStateSchema) })),
});

export interface ShelfEntry {
  userBook: HcUserBook;
  book: HcBook;
}

function onlyUser<T>(me: readonly T[]): T {
  const [user] = me;
  if (!user) {
    throw new ShelfsyncError('Hardcover accepted the token but returned no user for it', {
      code: 'auth_failed',
      service: 'hardcover',
    });
  }
  return user;
}

/** One page of the shelf, ordered by user_book id so pages never overlap or skip. */
export async function fetchShelfPage(
  client: HardcoverClient,
  offset: number,
  limit = SHELF_PAGE_SIZE,
): Promise<ShelfEntry[]> {
  const data = await runGraphql(client, SHELF_PAGE_QUERY, { limit, offset }, shelfPageSchema);
  return onlyUser(data.me).user_books.map(({ book, ...userBook }) => ({ userBook, book: toBook(book) }));
}

/** The user's entries (status, edition, reads) for exactly these books, in one request. */
export async function fetchUserBooks(
  client: HardcoverClient,
  bookIds: readonly number[],
): Promise<HcUserBook[]> {
  if (bookIds.length === 0) return [];
  const data = await runGraphql(client, USER_BOOKS_QUERY, { bookIds: [...bookIds] }, userBooksSchema);
  return onlyUser(data.me).user_books;
}
