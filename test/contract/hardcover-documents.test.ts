import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HARDCOVER_VALIDATION_RULES } from '../../sandbox/hardcover/graphql/hasura-errors.ts';
import { hardcoverSchema } from '../../sandbox/hardcover/schema/schema.ts';
import { hardcoverSpecsAvailable, validateAgainstVendorSchema } from './hardcover-validate.ts';

/** Documents shaped like the books bridge's reads and writes; they must be valid for both schemas. */
const BRIDGE_DOCUMENTS = [
  '{ me { id username name timezone } }',
  `query Shelf($limit: Int!, $offset: Int!) {
    me { user_books(limit: $limit, offset: $offset, order_by: {id: asc}) {
      id book_id edition_id status_id read_count first_started_reading_date last_read_date
      edition { id reading_format_id pages audio_seconds }
      book { id title pages audio_seconds cached_contributors }
      user_book_reads(order_by: {id: desc}) { id edition_id started_at finished_at paused_at progress progress_pages progress_seconds }
    } }
  }`,
  `query Editions($isbns: [String!], $asins: [String!]) {
    editions(where: {_or: [{isbn_13: {_in: $isbns}}, {isbn_10: {_in: $isbns}}, {asin: {_in: $asins}}]}) {
      id book_id isbn_10 isbn_13 asin pages audio_seconds reading_format_id reading_format { format }
      book { id title subtitle slug contributions { author { id name } } }
    }
  }`,
  `query Search($q: String!) { search(query: $q, query_type: "book", per_page: 10, page: 1) { ids results error } }`,
  `query Reads($ids: [Int!]) { user_book_reads(where: {user_book_id: {_in: $ids}, finished_at: {_is_null: true}}) { id user_book_id } }`,
  `query Count { user_books_aggregate(where: {status_id: {_eq: 2}}) { aggregate { count } } }`,
  `mutation AddBook($object: UserBookCreateInput!) { insert_user_book(object: $object) { id error user_book { id status_id } } }`,
  `mutation SetStatus($id: Int!, $object: UserBookUpdateInput!) { update_user_book(id: $id, object: $object) { id error } }`,
  `mutation AddRead($id: Int!, $read: DatesReadInput!) {
    insert_user_book_read(user_book_id: $id, user_book_read: $read) { id error user_book_read { id progress } }
  }`,
  `mutation UpdateRead($id: Int!, $read: DatesReadInput!) {
    update_user_book_read(id: $id, object: $read) { id error user_book_read { id started_at finished_at progress } }
  }`,
  `mutation DropRead($id: Int!) { delete_user_book_read(id: $id) { id error } }`,
  `mutation Upsert($id: Int!, $reads: [DatesReadInput]!) { upsert_user_book_reads(user_book_id: $id, datesRead: $reads) { error user_book_id } }`,
];

const INVALID_DOCUMENTS = [
  '{ me { id favourite_colour } }',
  '{ me(id: 1) { id } }',
  '{ editions(where: {isbn_13: {_like: "978%"}}) { id } }',
  '{ editions_by_pk { id } }',
  'mutation { insert_user_book_read(user_book_id: 1) { id } }',
  '{ me { id }',
];

describe.skipIf(!hardcoverSpecsAvailable)(
  'contract: Hardcover documents validate against the vendor schema',
  () => {
    it.each(BRIDGE_DOCUMENTS)('vendor and stand-in both accept %s', (document) => {
      expect(validateAgainstVendorSchema(document).map((e) => e.message)).toEqual([]);
      expect(
        validate(hardcoverSchema(), parse(document), HARDCOVER_VALIDATION_RULES).map((e) => e.message),
      ).toEqual([]);
    });

    it.each(INVALID_DOCUMENTS)('vendor and stand-in both refuse %s', (document) => {
      expect(validateAgainstVendorSchema(document).length).toBeGreaterThan(0);
      let ours: readonly unknown[];
      try {
        ours = validate(hardcoverSchema(), parse(document), HARDCOVER_VALIDATION_RULES);
      } catch {
        ours = ['syntax error'];
      }
      expect(ours.length).toBeGreaterThan(0);
    });
  },
);
