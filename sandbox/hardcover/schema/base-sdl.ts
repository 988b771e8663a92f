/**
 * The hand-written part of our Hardcover schema subset: scalars, comparison expressions, the
 * order_by enum, and the custom action types behind the library mutations and `search`.
 */

export const SCALARS_SDL = [
  'bigint',
  'citext',
  'date',
  'float8',
  'json',
  'jsonb',
  'numeric',
  'smallint',
  'timestamp',
  'timestamptz',
]
  .map((name) => `scalar ${name}`)
  .join('\n');

/**
 * Hasura's comparison operators. The pattern operators (`_like`, `_regex`, ...) exist in the schema
 * (introspection shows them) but Hardcover disables them; the gateway refuses them in-band.
 */
function comparisonExp(scalar: string, extra: string[] = []): string {
  const ops = [
    `_eq: ${scalar}`,
    `_gt: ${scalar}`,
    `_gte: ${scalar}`,
    `_in: [${scalar}!]`,
    '_is_null: Boolean',
    `_lt: ${scalar}`,
    `_lte: ${scalar}`,
    `_neq: ${scalar}`,
    `_nin: [${scalar}!]`,
    ...extra,
  ];
  return `input ${scalar}_comparison_exp {\n${ops
    .sort()
    .map((op) => `  ${op}`)
    .join('\n')}\n}`;
}

const PATTERN_OPERATORS = [
  '_ilike',
  '_iregex',
  '_like',
  '_nilike',
  '_niregex',
  '_nlike',
  '_nregex',
  '_nsimilar',
  '_regex',
  '_similar',
];

const textOps = (scalar: string) => PATTERN_OPERATORS.map((op) => `${op}: ${scalar}`);

export const COMPARISONS_SDL = [
  comparisonExp('Boolean'),
  comparisonExp('Int'),
  comparisonExp('String', textOps('String')),
  comparisonExp('bigint'),
  comparisonExp('citext', textOps('citext')),
  comparisonExp('date'),
  comparisonExp('float8'),
  comparisonExp('json'),
  comparisonExp('jsonb', [
    '_contained_in: jsonb',
    '_contains: jsonb',
    '_has_key: String',
    '_has_keys_all: [String!]',
    '_has_keys_any: [String!]',
  ]),
  comparisonExp('numeric'),
  comparisonExp('smallint'),
  comparisonExp('timestamp'),
  comparisonExp('timestamptz'),
].join('\n\n');

export const ORDER_BY_SDL = `enum order_by {
  asc
  asc_nulls_first
  asc_nulls_last
  desc
  desc_nulls_first
  desc_nulls_last
}`;

export const ACTIONS_SDL = `type ListBookIdType {
  id: Int
  list_book: list_books
}

type SearchOutput {
  error: String
  ids: [Int]
  page: Int
  per_page: Int
  query: String
  query_type: String
  results: jsonb
}

type UserBookIdType {
  error: String
  id: Int
  user_book: user_books
}

type UserBookDeleteType {
  book_id: Int
  id: Int
  user_book: user_books
  user_id: Int
}

type UserBookReadIdType {
  error: String
  id: Int
  user_book_read: user_book_reads
}

type UserBooksReadUpsertType {
  error: String
  user_book: user_books
  user_book_id: Int
}

input DatesReadInput {
  action: String
  edition_id: Int
  finished_at: date
  finished_at_precision: Int
  id: Int
  progress_pages: Int
  progress_seconds: Int
  started_at: date
}

input UserBookCreateInput {
  book_id: Int!
  date_added: date
  edition_id: Int
  finished_at_precision: Int
  first_started_reading_date: date
  last_read_date: date
  media_url: String
  privacy_setting_id: Int
  private_notes: String
  rating: numeric
  read_count: Int
  recommended_by: String
  recommended_for: String
  referrer_user_id: Int
  review_has_spoilers: Boolean
  review_slate: jsonb
  reviewed_at: date
  sponsored_review: Boolean
  status_id: Int
  url: String
  user_date: date
  user_start_date: date
}

input UserBookUpdateInput {
  date_added: date
  edition_id: Int
  finished_at_precision: Int
  first_started_reading_date: date
  last_read_date: date
  media_url: String
  privacy_setting_id: Int
  private_notes: String
  rating: numeric
  read_count: Int
  recommended_by: String
  recommended_for: String
  referrer_user_id: Int
  review_has_spoilers: Boolean
  review_slate: jsonb
  reviewed_at: date
  sponsored_review: Boolean
  status_id: Int
  url: String
  user_date: date
  user_start_date: date
}`;

export const SEARCH_FIELD_SDL =
  '  search(fields: String, filter_by: String, page: Int, per_page: Int, query: String!, ' +
  'query_type: String, sort: String, typos: String, weights: String): SearchOutput';

export const MUTATION_ROOT_SDL = `type mutation_root {
  delete_user_book(id: Int!): UserBookDeleteType
  delete_user_book_read(id: Int!): UserBookReadIdType
  edition_owned(id: Int!): ListBookIdType
  insert_user_book(object: UserBookCreateInput!): UserBookIdType
  insert_user_book_read(user_book_id: Int!, user_book_read: DatesReadInput!): UserBookReadIdType
  update_user_book(id: Int!, object: UserBookUpdateInput!): UserBookIdType
  update_user_book_read(id: Int!, object: DatesReadInput!): UserBookReadIdType
  upsert_user_book_reads(datesRead: [DatesReadInput]!, user_book_id: Int!): UserBooksReadUpsertType
}`;
