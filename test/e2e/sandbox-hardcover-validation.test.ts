import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HardcoverHarness, startHardcover } from './fixtures/hardcover-client.ts';

/**
 * Hasura v2 checks a whole document and its variables before it reads any row, so whether a
 * request fails cannot depend on the data: a null in a comparison (`_eq: $absent`) is an error
 * even when no row would reach that comparison.
 */
describe('Hardcover stand-in validation before execution', () => {
  let hc: HardcoverHarness;
  beforeAll(async () => {
    hc = await startHardcover();
  });
  afterAll(async () => {
    await hc.server.stop();
  });

  const nullError = (path: string, type: string) => ({
    errors: [
      {
        message: `unexpected null value for type "${type}"`,
        extensions: { path, code: 'validation-failed' },
      },
    ],
  });

  it('refuses a comparison with a variable that was not sent, instead of matching every row', async () => {
    const { status, body } = await hc.gql(
      'query ($e: Int) { user_books(where: {edition_id: {_eq: $e}}) { id } }',
    );
    expect(status).toBe(200);
    expect(body).toEqual(nullError('$.selectionSet.user_books.args.where.edition_id._eq', 'Int'));
  });

  it('refuses a null comparison even when no row reaches it', async () => {
    const inline = await hc.gql('{ user_books(where: {status_id: {_eq: 99}, book_id: {_eq: null}}) { id } }');
    expect(inline.body).toEqual(nullError('$.selectionSet.user_books.args.where.book_id._eq', 'Int'));
    const underMissingParent = await hc.gql(
      'query ($e: Int) { books_by_pk(id: 999) { user_books(where: {edition_id: {_eq: $e}}) { id } } }',
      { e: null },
    );
    expect(underMissingParent.body).toEqual(
      nullError('$.selectionSet.books_by_pk.selectionSet.user_books.args.where.edition_id._eq', 'Int'),
    );
  });

  it('finds nulls and disabled operators inside a where passed whole as a variable', async () => {
    const withNull = await hc.gql('query ($w: user_books_bool_exp) { user_books(where: $w) { id } }', {
      w: { id: { _eq: -1 }, _and: [{ last_read_date: { _lt: null } }] },
    });
    expect(withNull.body).toEqual(
      nullError('$.selectionSet.user_books.args.where._and[0].last_read_date._lt', 'date'),
    );
    const disabled = await hc.gql('query ($w: user_books_bool_exp) { user_books(where: $w) { id } }', {
      w: { id: { _eq: -1 }, book: { title: { _ilike: '%hobbit%' } } },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.data).toBeUndefined();
    expect(disabled.body.errors[0].message).toContain('_ilike');
    expect(disabled.body.errors[0].extensions).toEqual({
      path: '$.selectionSet.user_books.args.where.book.title._ilike',
      code: 'validation-failed',
    });
  });

  it('still runs a comparison whose variable was sent, or has a default', async () => {
    const sent = await hc.gql('query ($e: Int) { user_books(where: {status_id: {_eq: $e}}) { id } }', {
      e: 2,
    });
    expect(sent.body).toEqual({ data: { user_books: [{ id: 1001 }] } });
    const byDefault = await hc.gql(
      'query ($e: Int = 2) { user_books(where: {status_id: {_eq: $e}}) { id } }',
    );
    expect(byDefault.body).toEqual({ data: { user_books: [{ id: 1001 }] } });
    const optionalWhere = await hc.gql('query ($w: user_books_bool_exp) { user_books(where: $w) { id } }');
    expect(optionalWhere.body.data.user_books).toHaveLength(4);
  });

  it('checks only the fragments the chosen operation spreads', async () => {
    const document = `query Mine { me { id } }
      query Shelf($s: Int) { ...Filtered }
      fragment Filtered on query_root { user_books(where: {status_id: {_eq: $s}}) { id } }`;
    const response = await hc.post({ query: document, operationName: 'Mine' });
    expect(await response.json()).toEqual({ data: { me: [{ id: 101 }] } });
    const shelf = await hc.post({ query: document, operationName: 'Shelf' });
    const refused = (await shelf.json()) as { errors: { message: string }[] };
    expect(refused.errors[0]?.message).toBe('unexpected null value for type "Int"');
  });

  it('reports a bad variable value as a validation failure', async () => {
    for (const variables of [{}, { id: '1001' }]) {
      const { status, body } = await hc.gql(
        'query ($id: Int!) { user_books_by_pk(id: $id) { id } }',
        variables,
      );
      expect(status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).toContain('$id');
      expect(body.errors[0].extensions).toEqual({ path: '$', code: 'validation-failed' });
    }
  });

  it('compares a date column with any date Postgres reads, such as an ISO timestamp', async () => {
    const ids = async (operand: string) =>
      (
        await hc.gql('query ($d: date) { user_book_reads(where: {finished_at: {_gte: $d}}) { id } }', {
          d: operand,
        })
      ).body.data.user_book_reads.map((r: { id: number }) => r.id);
    expect(await ids('2025-06-01T00:00:00.000Z')).toEqual([5003]);
    expect(await ids('2025-06-20 23:59:59')).toEqual([5003]);
    expect(await ids('2025-6-1')).toEqual([5003]);
  });

  it('refuses an operand Postgres cannot read, even when no row reaches it', async () => {
    const { status, body } = await hc.gql(
      '{ user_book_reads(where: {edition_id: {_eq: -1}, finished_at: {_gte: "soon"}}) { id } }',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: 'invalid input syntax for type date: "soon"',
          extensions: { path: '$', code: 'data-exception' },
        },
      ],
    });
  });

  it('points argument errors found while running at the field’s arguments, from the operation down', async () => {
    const limit = await hc.gql('{ books(limit: -1) { id } }');
    expect(limit.body.errors[0].extensions).toEqual({
      path: '$.selectionSet.books.args.limit',
      code: 'validation-failed',
    });
    const where = await hc.gql('{ me { user_books(where: {rating: null}) { id } } }');
    expect(where.body.errors[0].extensions).toEqual({
      path: '$.selectionSet.me.selectionSet.user_books.args.where.rating',
      code: 'validation-failed',
    });
  });
});
