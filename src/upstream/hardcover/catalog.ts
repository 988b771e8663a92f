import { z } from 'zod';
import {
  BOOKS_BY_ID_QUERY,
  EDITION_BY_ID_QUERY,
  EDITIONS_BY_IDENTIFIER_QUERY,
  SEARCH_BOOKS_QUERY,
} from './book-documents.ts';
import type { HardcoverClient } from './client.ts';
import { runGraphql } from './graphql.ts';
import { bookSchema, editionSchema, type HcBook, type HcEdition, toBook } from './shapes.ts';

/** Hardcover's public catalogue: editions by identifier, books by id, title/author search. */

// Built once: zod compiles a parser for each new object schema the first time it parses.
const editionsWithBookSchema = z.object({ editions: z.array(editionSchema.extend({ book: bookSchema })) });
const booksSchema = z.object({ books: z.array(bookSchema) });

export interface IdentifierLookup {
  asins: string[];
  isbn10s: string[];
  isbn13s: string[];
}

export interface EditionHit {
  edition: HcEdition;
  book: HcBook;
}

/** Every edition carrying one of the identifiers, with its book, in one request. */
export async function findEditions(client: HardcoverClient, lookup: IdentifierLookup): Promise<EditionHit[]> {
  const data = await runGraphql(
    client,
    EDITIONS_BY_IDENTIFIER_QUERY,
    { asins: lookup.asins, isbn10s: lookup.isbn10s, isbn13s: lookup.isbn13s },
    editionsWithBookSchema,
  );
  return data.editions.map(({ book, ...edition }) => ({ edition, book: toBook(book) }));
}

export async function fetchEdition(client: HardcoverClient, id: number): Promise<EditionHit | null> {
  const data = await runGraphql(client, EDITION_BY_ID_QUERY, { id }, editionsWithBookSchema);
  const [row] = data.editions;
  if (!row) return null;
  const { book, ...edition } = row;
  return { edition, book: toBook(book) };
}

export async function fetchBooks(client: HardcoverClient, ids: readonly number[]): Promise<HcBook[]> {
  if (ids.length === 0) return [];
  const data = await runGraphql(client, BOOKS_BY_ID_QUERY, { ids: [...ids] }, booksSchema);
  return data.books.map(toBook);
}

export interface SearchHit {
  bookId: number;
  title: string;
  subtitle: string | null;
  authors: string[];
  isbns: string[];
}

const hitSchema = z
  .object({
    document: z
      .object({
        id: z.coerce.number().int(),
        title: z.string().nullable().optional(),
        subtitle: z.string().nullable().optional(),
        author_names: z.array(z.string()).nullable().optional(),
        isbns: z.array(z.string()).nullable().optional(),
      })
      .loose(),
  })
  .loose();

const searchSchema = z.object({
  search: z
    .object({
      results: z
        .object({ hits: z.array(hitSchema).nullable().optional() })
        .loose()
        .nullable()
        .optional(),
    })
    .nullable(),
});

/** Book hits for a free-text query (title and author). */
export async function searchBooks(
  client: HardcoverClient,
  query: string,
  perPage = 10,
): Promise<SearchHit[]> {
  const data = await runGraphql(client, SEARCH_BOOKS_QUERY, { query, perPage }, searchSchema);
  return (data.search?.results?.hits ?? []).map(({ document }) => ({
    bookId: document.id,
    title: document.title ?? '',
    subtitle: document.subtitle ?? null,
    authors: document.author_names ?? [],
    isbns: document.isbns ?? [],
  }));
}
