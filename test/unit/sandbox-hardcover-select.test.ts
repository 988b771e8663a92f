import { describe, expect, it } from 'vitest';
import type { ColumnKind, Row, RowModel } from '../../sandbox/hardcover/query/row-model.ts';
import { countRows, selectRows } from '../../sandbox/hardcover/query/select.ts';

const series: Row[] = [
  { id: 1, name: 'Discworld' },
  { id: 2, name: 'Culture' },
];
const reviews: Row[] = [
  { id: 1, book_id: 3 },
  { id: 2, book_id: 3 },
  { id: 3, book_id: 1 },
];

const columns: Record<string, ColumnKind> = {
  id: 'number',
  title: 'text',
  pages: 'number',
  series_id: 'number',
  year: 'number',
};
const model: RowModel = {
  column: (name) => columns[name],
  objectRelation: (name) =>
    name === 'series'
      ? {
          resolve: (row) => series.find((s) => s.id === row.series_id),
          model: {
            column: (c) => (c === 'name' ? 'text' : c === 'id' ? 'number' : undefined),
            objectRelation: () => undefined,
            arrayRelation: () => undefined,
          },
        }
      : undefined,
  arrayRelation: (name) =>
    name === 'reviews'
      ? {
          resolve: (row) => reviews.filter((r) => r.book_id === row.id),
          model: {
            column: (c) => (c === 'id' || c === 'book_id' ? 'number' : undefined),
            objectRelation: () => undefined,
            arrayRelation: () => undefined,
          },
        }
      : undefined,
};

const books: Row[] = [
  { id: 1, title: 'Mort', pages: 272, series_id: 1, year: 1987 },
  { id: 2, title: 'Excession', pages: null, series_id: 2, year: 1996 },
  { id: 3, title: 'Guards! Guards!', pages: 288, series_id: 1, year: 1989 },
  { id: 4, title: 'Use of Weapons', pages: 411, series_id: 2, year: 1990 },
  { id: 5, title: 'Standalone', pages: 100, series_id: null, year: 1990 },
];

const ids = (args: Parameters<typeof selectRows>[1]) => selectRows(books, args, model, 'id').map((r) => r.id);

describe('selectRows', () => {
  it('returns rows by primary key when no order is given', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('filters, then orders, then offsets and limits', () => {
    expect(
      ids({ where: { pages: { _gt: 200 } }, order_by: [{ pages: 'desc' }], offset: 1, limit: 1 }),
    ).toEqual([3]);
    expect(ids({ limit: 0 })).toEqual([]);
    expect(ids({ offset: 10 })).toEqual([]);
    expect(ids({ limit: null, offset: null, where: null, order_by: null })).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts NULLs last ascending and first descending, unless told otherwise', () => {
    expect(ids({ order_by: { pages: 'asc' } })).toEqual([5, 1, 3, 4, 2]);
    expect(ids({ order_by: { pages: 'desc' } })).toEqual([2, 4, 3, 1, 5]);
    expect(ids({ order_by: { pages: 'asc_nulls_first' } })).toEqual([2, 5, 1, 3, 4]);
    expect(ids({ order_by: { pages: 'desc_nulls_last' } })).toEqual([4, 3, 1, 5, 2]);
  });

  it('orders by several keys, in list order and in object key order', () => {
    expect(ids({ order_by: [{ year: 'desc' }, { title: 'asc' }] })).toEqual([2, 5, 4, 3, 1]);
    expect(ids({ order_by: { year: 'desc', title: 'desc' } })).toEqual([2, 4, 5, 3, 1]);
  });

  it('orders by an object relation and by an array relation count', () => {
    expect(ids({ order_by: [{ series: { name: 'asc' } }, { id: 'asc' }] })).toEqual([2, 4, 1, 3, 5]);
    expect(ids({ order_by: [{ reviews_aggregate: { count: 'desc' } }, { id: 'asc' }] })).toEqual([
      3, 1, 2, 4, 5,
    ]);
  });

  it('keeps the first row per distinct_on value, following order_by', () => {
    expect(
      ids({ distinct_on: ['series_id'], order_by: [{ series_id: 'asc' }, { pages: 'desc_nulls_last' }] }),
    ).toEqual([3, 4, 5]);
    expect(ids({ distinct_on: 'year' })).toEqual([1, 3, 4, 2]);
  });

  it('refuses distinct_on that does not lead order_by, and negative limits', () => {
    expect(() => ids({ distinct_on: ['series_id'], order_by: [{ pages: 'asc' }] })).toThrow(/distinct_on/);
    expect(() => ids({ limit: -1 })).toThrow(/non-negative/);
    expect(() => ids({ offset: -2 })).toThrow(/non-negative/);
  });

  it('refuses unknown order_by fields and directions', () => {
    expect(() => ids({ order_by: { colour: 'asc' } })).toThrow(/colour/);
    expect(() => ids({ order_by: { pages: 'up' } })).toThrow(/order_by/);
  });
});

describe('countRows', () => {
  it('counts rows, non-null columns and distinct values', () => {
    expect(countRows(books, undefined, undefined)).toBe(5);
    expect(countRows(books, ['pages'], false)).toBe(4);
    expect(countRows(books, ['year'], true)).toBe(4);
    expect(countRows(books, ['series_id', 'year'], true)).toBe(4);
  });
});
