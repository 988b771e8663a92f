import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';

/**
 * Hardcover's `<table>_aggregate_fields` offer more than `count`: `max`/`min` over every
 * comparable column, `sum` and `avg`/`stddev*`/`var*`/`variance` over the numeric ones
 * (schema.graphql, `type user_book_reads_aggregate_fields`). Like Postgres, they skip NULLs and
 * answer null when nothing is left.
 */
describe('Hardcover stand-in aggregate functions', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover();
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  it('answers max, min, sum and avg over the caller’s reads, skipping nulls', async () => {
    const { body } = await hc.gql(`{ user_book_reads_aggregate { aggregate {
      count
      max { progress progress_pages started_at finished_at finished_at_precision }
      min { progress started_at progress_seconds }
      sum { progress progress_pages progress_seconds finished_at_precision }
      avg { progress progress_pages finished_at_precision }
    } } }`);
    expect(body).toEqual({
      data: {
        user_book_reads_aggregate: {
          aggregate: {
            count: 3,
            max: {
              progress: 100,
              progress_pages: 624,
              started_at: '2025-11-03',
              finished_at: '2025-06-20',
              finished_at_precision: null,
            },
            min: { progress: 25, started_at: '2025-01-11', progress_seconds: 9_900 },
            sum: {
              progress: 225,
              progress_pages: 1_248,
              progress_seconds: 9_900,
              finished_at_precision: null,
            },
            avg: { progress: 75, progress_pages: 624, finished_at_precision: null },
          },
        },
      },
    });
  });

  it('answers sample and population spread, null for a sample of one', async () => {
    const { body } = await hc.gql(`{
      all: user_book_reads_aggregate { aggregate {
        stddev { progress } stddev_samp { progress } stddev_pop { progress }
        variance { progress } var_samp { progress } var_pop { progress }
      } }
      one: user_book_reads_aggregate(where: {id: {_eq: 5001}}) { aggregate {
        stddev { progress } stddev_pop { progress } variance { progress } var_pop { progress }
      } }
    }`);
    const all = body.data.all.aggregate;
    expect(all.stddev.progress).toBeCloseTo(Math.sqrt(1_875), 9);
    expect(all.stddev_samp.progress).toBeCloseTo(Math.sqrt(1_875), 9);
    expect(all.stddev_pop.progress).toBeCloseTo(Math.sqrt(1_250), 9);
    expect(all.variance.progress).toBeCloseTo(1_875, 9);
    expect(all.var_samp.progress).toBeCloseTo(1_875, 9);
    expect(all.var_pop.progress).toBeCloseTo(1_250, 9);
    expect(body.data.one.aggregate).toEqual({
      stddev: { progress: null },
      stddev_pop: { progress: 0 },
      variance: { progress: null },
      var_pop: { progress: 0 },
    });
  });

  it('aggregates a relation after its where, and over no rows at all', async () => {
    const { body } = await hc.gql(`{
      user_books_by_pk(id: 1002) { user_book_reads_aggregate(where: {started_at: {_gte: "2025-03-01"}}) {
        aggregate { count max { finished_at } min { id } }
      } }
      me { user_books_aggregate { aggregate { max { date_added created_at } min { date_added } } } }
      none: user_book_reads_aggregate(where: {id: {_eq: -1}}) { aggregate { count max { id } sum { id } avg { id } } }
    }`);
    expect(body.data.user_books_by_pk.user_book_reads_aggregate.aggregate).toEqual({
      count: 1,
      max: { finished_at: '2025-06-20' },
      min: { id: 5003 },
    });
    expect(body.data.me[0].user_books_aggregate.aggregate).toEqual({
      max: { date_added: '2025-12-20', created_at: '2025-12-20T10:00:00+00:00' },
      min: { date_added: '2024-06-01' },
    });
    expect(body.data.none.aggregate).toEqual({
      count: 0,
      max: { id: null },
      sum: { id: null },
      avg: { id: null },
    });
  });

  it('orders by an aggregate function of an array relation, nulls where it has no value', async () => {
    const ids = async (orderBy: string) =>
      (await hc.gql(`{ user_books(order_by: ${orderBy}) { id } }`)).body.data.user_books.map(
        (u: { id: number }) => u.id,
      );
    // 1002 finished a read on 2025-06-20; 1001's only read is open; 1003 and 1004 have none.
    expect(await ids('{user_book_reads_aggregate: {max: {finished_at: desc_nulls_last}}}')).toEqual([
      1002, 1001, 1003, 1004,
    ]);
    expect(await ids('{user_book_reads_aggregate: {max: {finished_at: desc}}}')).toEqual([
      1001, 1003, 1004, 1002,
    ]);
    expect(await ids('{user_book_reads_aggregate: {avg: {progress: desc}}}')).toEqual([
      1003, 1004, 1002, 1001,
    ]);
    expect(await ids('[{user_book_reads_aggregate: {sum: {progress_seconds: asc}}}, {id: desc}]')).toEqual([
      1001, 1004, 1003, 1002,
    ]);
  });
});
