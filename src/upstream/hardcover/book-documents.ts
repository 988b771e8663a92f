import type { GraphqlDocument } from './documents.ts';

/**
 * The read documents of the books sync. Only top-level fields cost units, so each asks for
 * everything the sync needs below one top-level field; nothing else.
 */
const EDITION = 'id book_id reading_format_id pages audio_seconds asin isbn_10 isbn_13';

const BOOK = `id title subtitle cached_contributors editions(order_by: {id: asc}) { ${EDITION} }`;

const READ = `id edition_id started_at finished_at paused_at finished_at_precision progress_pages progress_seconds edition { ${EDITION} }`;

/** A user_book as the planner needs it. */
const USER_BOOK_STATE = `id book_id status_id edition { ${EDITION} } user_book_reads(order_by: {id: asc}) { ${READ} }`;

/** The user's shelf, a page at a time, in a stable order; with the book's editions for matching. */
export const SHELF_PAGE_QUERY: GraphqlDocument = {
  name: 'ShelfsyncShelfPage',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncShelfPage($limit: Int!, $offset: Int!) {
  me {
    id
    user_books(order_by: {id: asc}, limit: $limit, offset: $offset) {
      ${USER_BOOK_STATE}
      book { ${BOOK} }
    }
  }
}`,
};

/** The user's entries for exactly these books: the state a plan is checked against before writing. */
export const USER_BOOKS_QUERY: GraphqlDocument = {
  name: 'ShelfsyncUserBooks',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncUserBooks($bookIds: [Int!]!) {
  me {
    id
    user_books(where: {book_id: {_in: $bookIds}}, order_by: {id: asc}) {
      ${USER_BOOK_STATE}
    }
  }
}`,
};

/** Editions by ASIN or ISBN, all identifiers of a batch in one `_in` query, with their book. */
export const EDITIONS_BY_IDENTIFIER_QUERY: GraphqlDocument = {
  name: 'ShelfsyncEditionsByIdentifier',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncEditionsByIdentifier($asins: [String!]!, $isbn10s: [String!]!, $isbn13s: [String!]!) {
  editions(
    where: {_or: [{asin: {_in: $asins}}, {isbn_10: {_in: $isbn10s}}, {isbn_13: {_in: $isbn13s}}]}
    order_by: {id: asc}
  ) {
    ${EDITION}
    book { ${BOOK} }
  }
}`,
};

/** Books by id with their editions (for books found by search). */
export const BOOKS_BY_ID_QUERY: GraphqlDocument = {
  name: 'ShelfsyncBooksById',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncBooksById($ids: [Int!]!) {
  books(where: {id: {_in: $ids}}, order_by: {id: asc}) {
    ${BOOK}
  }
}`,
};

/** One edition by id, with its book (for `books match ... edition:ID`). */
export const EDITION_BY_ID_QUERY: GraphqlDocument = {
  name: 'ShelfsyncEditionById',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncEditionById($id: Int!) {
  editions(where: {id: {_eq: $id}}) {
    ${EDITION}
    book { ${BOOK} }
  }
}`,
};

/** Title/author search; Hardcover allows one `search` per request. */
export const SEARCH_BOOKS_QUERY: GraphqlDocument = {
  name: 'ShelfsyncSearchBooks',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncSearchBooks($query: String!, $perPage: Int!) {
  search(query: $query, query_type: "book", per_page: $perPage, page: 1) {
    ids
    results
  }
}`,
};

export const BOOK_READ_DOCUMENTS: readonly GraphqlDocument[] = [
  SHELF_PAGE_QUERY,
  USER_BOOKS_QUERY,
  EDITIONS_BY_IDENTIFIER_QUERY,
  BOOKS_BY_ID_QUERY,
  EDITION_BY_ID_QUERY,
  SEARCH_BOOKS_QUERY,
];
