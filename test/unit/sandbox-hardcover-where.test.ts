import { describe, expect, it } from 'vitest';
import { HasuraError } from '../../sandbox/hardcover/errors.ts';
import type { ColumnKind, Row, RowModel } from '../../sandbox/hardcover/query/row-model.ts';
import { type BoolExp, matchesWhere } from '../../sandbox/hardcover/query/where.ts';

const authors: Row[] = [
  { id: 1, name: 'Charlotte Brontë' },
  { id: 2, name: 'Andy Weir' },
];
const reads: Row[] = [
  { id: 10, book_id: 100, finished_at: '2025-01-02' },
  { id: 11, book_id: 100, finished_at: null },
  { id: 12, book_id: 200, finished_at: '2024-05-05' },
];

function model(columns: Record<string, ColumnKind>, relations: Partial<RowModel> = {}): RowModel {
  return {
    column: (name) => columns[name],
    objectRelation: relations.objectRelation ?? (() => undefined),
    arrayRelation: relations.arrayRelation ?? (() => undefined),
  };
}

const authorModel = model({ id: 'number', name: 'text' });
const readModel = model({ id: 'number', book_id: 'number', finished_at: 'date' });
const bookModel = model(
  {
    id: 'number',
    title: 'text',
    username: 'citext',
    pages: 'number',
    rating: 'number',
    released: 'date',
    created_at: 'timestamp',
    compilation: 'boolean',
    tags: 'json',
    author_id: 'number',
  },
  {
    objectRelation: (name) =>
      name === 'author'
        ? { resolve: (row) => authors.find((a) => a.id === row.author_id), model: authorModel }
        : undefined,
    arrayRelation: (name) =>
      name === 'reads'
        ? { resolve: (row) => reads.filter((r) => r.book_id === row.id), model: readModel }
        : undefined,
  },
);

const book: Row = {
  id: 100,
  title: 'Jane Eyre',
  username: 'Reader',
  pages: 624,
  rating: 4.5,
  released: '1847-10-16',
  created_at: '2023-01-15T12:00:00+00:00',
  compilation: false,
  tags: { genre: ['classic', 'gothic'], mood: 'dark' },
  author_id: 1,
};
const bare: Row = { ...book, id: 200, pages: null, rating: null, author_id: 99 };

const matches = (where: BoolExp, row: Row = book) => matchesWhere(row, where, bookModel);

describe('matchesWhere', () => {
  it('accepts an empty expression', () => {
    expect(matches({})).toBe(true);
  });

  it.each([
    [{ pages: { _eq: 624 } }, true],
    [{ pages: { _eq: 625 } }, false],
    [{ pages: { _neq: 625 } }, true],
    [{ pages: { _gt: 600 } }, true],
    [{ pages: { _gt: 624 } }, false],
    [{ pages: { _gte: 624 } }, true],
    [{ pages: { _lt: 624 } }, false],
    [{ pages: { _lte: 624 } }, true],
    [{ pages: { _in: [1, 624] } }, true],
    [{ pages: { _in: [] } }, false],
    [{ pages: { _nin: [1, 2] } }, true],
    [{ pages: { _nin: [624] } }, false],
    [{ pages: { _gt: 100, _lt: 700 } }, true],
    [{ pages: { _gt: 100, _lt: 200 } }, false],
    [{ rating: { _eq: '4.5' } }, true],
  ])('compares numbers: %j → %s', (where, expected) => {
    expect(matches(where)).toBe(expected);
  });

  it.each([
    [{ title: { _eq: 'Jane Eyre' } }, true],
    [{ title: { _eq: 'jane eyre' } }, false],
    [{ username: { _eq: 'READER' } }, true],
    [{ username: { _in: ['x', 'reader'] } }, true],
    [{ title: { _gt: 'A' } }, true],
    [{ title: { _lt: 'Jane' } }, false],
  ])('compares text, citext case-insensitively: %j → %s', (where, expected) => {
    expect(matches(where)).toBe(expected);
  });

  it.each([
    [{ released: { _gte: '1847-01-01' } }, true],
    [{ released: { _lt: '1847-10-16' } }, false],
    [{ created_at: { _gt: '2023-01-15T11:00:00Z' } }, true],
    [{ created_at: { _eq: '2023-01-15T13:00:00+01:00' } }, true],
    [{ compilation: { _eq: false } }, true],
    [{ compilation: { _neq: false } }, false],
  ])('compares dates, timestamps and booleans: %j → %s', (where, expected) => {
    expect(matches(where)).toBe(expected);
  });

  it('treats NULL like Postgres: only _is_null matches it', () => {
    expect(matches({ pages: { _is_null: true } }, bare)).toBe(true);
    expect(matches({ pages: { _is_null: false } }, bare)).toBe(false);
    expect(matches({ pages: { _is_null: false } })).toBe(true);
    expect(matches({ pages: { _eq: 1 } }, bare)).toBe(false);
    expect(matches({ pages: { _neq: 1 } }, bare)).toBe(false);
    expect(matches({ pages: { _nin: [1] } }, bare)).toBe(false);
    expect(matches({ pages: { _nin: [] } }, bare)).toBe(true);
  });

  it('combines with _and, _or and _not', () => {
    expect(matches({ _and: [{ pages: { _gt: 1 } }, { title: { _eq: 'Jane Eyre' } }] })).toBe(true);
    expect(matches({ _and: [{ pages: { _gt: 1 } }, { title: { _eq: 'Other' } }] })).toBe(false);
    expect(matches({ _and: [] })).toBe(true);
    expect(matches({ _or: [{ pages: { _eq: 1 } }, { title: { _eq: 'Jane Eyre' } }] })).toBe(true);
    expect(matches({ _or: [{ pages: { _eq: 1 } }] })).toBe(false);
    expect(matches({ _or: [] })).toBe(false);
    expect(matches({ _not: { pages: { _eq: 624 } } })).toBe(false);
    expect(matches({ _not: { pages: { _is_null: true } } }, bare)).toBe(false);
    expect(matches({ _not: {} })).toBe(false);
    expect(
      matches({
        pages: { _eq: 624 },
        _or: [{ rating: { _lt: 1 } }, { _not: { compilation: { _eq: true } } }],
      }),
    ).toBe(true);
  });

  it('follows object relations: the related row must exist and match', () => {
    expect(matches({ author: { name: { _eq: 'Charlotte Brontë' } } })).toBe(true);
    expect(matches({ author: { name: { _eq: 'Andy Weir' } } })).toBe(false);
    expect(matches({ author: {} }, bare)).toBe(false);
    expect(matches({ author: {} })).toBe(true);
  });

  it('follows array relations: at least one related row must match', () => {
    expect(matches({ reads: { finished_at: { _is_null: true } } })).toBe(true);
    expect(matches({ reads: { finished_at: { _is_null: true } } }, bare)).toBe(false);
    expect(matches({ reads: { finished_at: { _gt: '2025-01-01' } } })).toBe(true);
    expect(matches({ reads: { id: { _eq: 12 } } })).toBe(false);
  });

  it('counts array relations with _aggregate', () => {
    expect(matches({ reads_aggregate: { count: { predicate: { _eq: 2 } } } })).toBe(true);
    expect(matches({ reads_aggregate: { count: { predicate: { _gt: 1 } } } }, bare)).toBe(false);
    expect(
      matches({
        reads_aggregate: { count: { predicate: { _eq: 1 }, filter: { finished_at: { _is_null: true } } } },
      }),
    ).toBe(true);
    expect(
      matches({ reads_aggregate: { count: { predicate: { _eq: 1 }, arguments: ['finished_at'] } } }),
    ).toBe(true);
  });

  it('supports the jsonb operators', () => {
    expect(matches({ tags: { _contains: { genre: ['gothic'] } } })).toBe(true);
    expect(matches({ tags: { _contains: { genre: ['horror'] } } })).toBe(false);
    expect(matches({ tags: { _has_key: 'mood' } })).toBe(true);
    expect(matches({ tags: { _has_keys_all: ['mood', 'genre'] } })).toBe(true);
    expect(matches({ tags: { _has_keys_any: ['x', 'y'] } })).toBe(false);
    expect(
      matches({ tags: { _contained_in: { genre: ['classic', 'gothic'], mood: 'dark', extra: 1 } } }),
    ).toBe(true);
    expect(matches({ tags: { _eq: { mood: 'dark', genre: ['classic', 'gothic'] } } })).toBe(true);
  });

  it('refuses the operators Hardcover disables', () => {
    for (const op of ['_like', '_ilike', '_nlike', '_nilike', '_regex', '_iregex', '_similar', '_nsimilar'])
      expect(() => matches({ title: { [op]: '%Jane%' } }), op).toThrow(/disabled/);
  });

  it('refuses null values, unknown fields and operators with a Hasura validation error', () => {
    const attempts: BoolExp[] = [
      { pages: { _eq: null } },
      { pages: null },
      { _and: null },
      { nonsense: { _eq: 1 } },
      { pages: { _between: [1, 2] } },
      { pages: { _in: 5 } },
    ];
    for (const where of attempts) {
      try {
        matches(where);
        expect.unreachable(JSON.stringify(where));
      } catch (error) {
        expect(error).toBeInstanceOf(HasuraError);
        expect((error as HasuraError).code).toBe('validation-failed');
      }
    }
  });

  it('reports where the problem is', () => {
    try {
      matches({ _or: [{ author: { name: { _eq: null } } }] });
      expect.unreachable();
    } catch (error) {
      expect((error as HasuraError).path).toBe('$.where._or.author.name._eq');
    }
  });

  it('refuses operands of the wrong type as data exceptions', () => {
    expect(() => matches({ released: { _gt: 'last week' } })).toThrow(/date/);
    expect(() => matches({ pages: { _eq: 'many' } })).toThrow(/number/);
  });
});
