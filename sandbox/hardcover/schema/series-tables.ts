/** Series and the join rows that place a book in one (`book_series.position` is a float: 1.5 exists). */
import { arr, obj, type TableSpec } from './table-spec.ts';

export const series: TableSpec = {
  name: 'series',
  primaryKey: 'id',
  primaryKeyType: 'Int!',
  columns: {
    author_id: 'Int',
    books_count: 'Int!',
    canonical_id: 'Int',
    description: 'String',
    id: 'Int!',
    is_completed: 'Boolean',
    locked: 'Boolean!',
    name: 'String!',
    object_type: 'String!',
    primary_books_count: 'Int',
    slug: 'String!',
    state: 'String!',
    user_id: 'Int',
  },
  objectRelations: {
    author: obj('authors', 'author_id', 'id', true),
    canonical: obj('series', 'canonical_id', 'id', true),
  },
  arrayRelations: { book_series: arr('book_series', 'id', 'series_id', true) },
  aggregate: false,
  root: { list: true, byPk: true, aggregate: false },
};

export const bookSeries: TableSpec = {
  name: 'book_series',
  primaryKey: 'id',
  primaryKeyType: 'bigint!',
  columns: {
    book_id: 'Int!',
    compilation: 'Boolean!',
    created_at: 'timestamp!',
    details: 'String',
    featured: 'Boolean!',
    id: 'bigint!',
    position: 'float8',
    series_id: 'Int!',
    updated_at: 'timestamp!',
  },
  objectRelations: {
    book: obj('books', 'book_id', 'id', true),
    series: obj('series', 'series_id', 'id', true),
  },
  arrayRelations: {},
  aggregate: true,
  root: { list: true, byPk: true, aggregate: true },
};
