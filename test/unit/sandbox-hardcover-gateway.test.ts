import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { HcUser } from '../../sandbox/books/world.ts';
import { authenticate } from '../../sandbox/hardcover/gateway/auth.ts';
import { parseGraphqlBodies } from '../../sandbox/hardcover/gateway/request-body.ts';
import { missingScopes, scopeFor, scopeGranted } from '../../sandbox/hardcover/gateway/scopes.ts';
import {
  checkTopLevelLimit,
  selectOperation,
  topLevelFields,
} from '../../sandbox/hardcover/gateway/top-level.ts';

function fieldsOf(source: string, operationName?: string) {
  const document = parse(source);
  const operation = selectOperation(document, operationName);
  if (!operation) throw new Error('no operation');
  return topLevelFields(document, operation);
}

describe('top-level field counting', () => {
  it('counts every field, aliases separately', () => {
    expect(fieldsOf('{ me { id } m2: me { name } books { id } }').fields).toEqual(['me', 'me', 'books']);
  });

  it('expands fragments and inline fragments on the root, once per spread', () => {
    const top = fieldsOf(`{ ...A ...A ... on query_root { editions { id } } }
      fragment A on query_root { me { id } b: books { id } }`);
    expect(top.fields).toEqual(['me', 'books', 'me', 'books', 'editions']);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(fieldsOf('{ ...A } fragment A on query_root { me { id } ...A }').fields).toEqual(['me']);
  });

  it('selects the named operation, or the only one', () => {
    const source = 'query One { me { id } } query Two { a: me { id } b: me { id } }';
    expect(fieldsOf(source, 'Two').fields).toHaveLength(2);
    expect(selectOperation(parse(source), undefined)).toBeUndefined();
    expect(selectOperation(parse(source), 'Three')).toBeUndefined();
  });

  it('allows five queries or mutations and one search', () => {
    const five = `{ ${[1, 2, 3, 4, 5].map((i) => `a${i}: me { id }`).join(' ')} }`;
    expect(checkTopLevelLimit(fieldsOf(five))).toBeUndefined();
    expect(checkTopLevelLimit(fieldsOf('{ search(query: "x") { ids } me { id } }'))).toBeUndefined();
  });

  it('names the limit a request breaks', () => {
    const six = (kind: string, field: string) =>
      `${kind} { ${[1, 2, 3, 4, 5, 6].map((i) => `a${i}: ${field}`).join(' ')} }`;
    expect(checkTopLevelLimit(fieldsOf(six('query', 'me { id }')))?.code).toBe(
      'top_level_query_limit_exceeded',
    );
    expect(checkTopLevelLimit(fieldsOf(six('mutation', 'delete_user_book_read(id: 1) { id }')))?.code).toBe(
      'top_level_mutation_limit_exceeded',
    );
    expect(
      checkTopLevelLimit(fieldsOf('{ a: search(query: "x") { ids } b: search(query: "y") { ids } }'))?.code,
    ).toBe('search_query_limit_exceeded');
  });
});

describe('scopes', () => {
  it('maps top-level fields to the documented scopes', () => {
    expect(scopeFor('me', 'query')).toBe('read:me:content');
    expect(scopeFor('user_books', 'query')).toBe('read:library');
    expect(scopeFor('user_book_reads_aggregate', 'query')).toBe('read:library');
    expect(scopeFor('editions_by_pk', 'query')).toBe('read:catalog');
    expect(scopeFor('search', 'query')).toBe('read:catalog');
    expect(scopeFor('insert_user_book_read', 'mutation')).toBe('write:library');
  });

  it('grants by all, by equality, or by a prefix followed by a colon', () => {
    expect(scopeGranted(['all'], 'write:library')).toBe(true);
    expect(scopeGranted(['read:library'], 'read:library')).toBe(true);
    expect(scopeGranted(['read'], 'read:me:content')).toBe(true);
    expect(scopeGranted(['read:me'], 'read:me:content')).toBe(true);
    expect(scopeGranted(['read:lib'], 'read:library')).toBe(false);
    expect(scopeGranted(['read:library'], 'write:library')).toBe(false);
  });

  it('lists the missing scopes once, with the fields that need them', () => {
    expect(
      missingScopes(['read:catalog'], ['me', 'user_books', 'user_book_reads', 'books'], 'query'),
    ).toEqual({
      scopes: ['read:me:content', 'read:library'],
      fields: ['me', 'user_books', 'user_book_reads'],
    });
  });
});

describe('authenticate', () => {
  const alice: HcUser = { id: 1, username: 'alice', name: 'Alice', token: 'hc_pat_a', timezone: 'UTC' };
  const expiring: HcUser = { ...alice, id: 2, token: 'hc_pat_e', tokenExpiresAt: 1000 };
  const users = new Map([
    [alice.token, alice],
    [expiring.token, expiring],
  ]);

  it('accepts a Bearer token in any case', () => {
    for (const header of ['Bearer hc_pat_a', 'bearer hc_pat_a', 'BEARER   hc_pat_a '])
      expect(authenticate({ authorization: header }, users, 0)).toMatchObject({
        ok: true,
        token: 'hc_pat_a',
      });
  });

  it('refuses missing, raw, unknown and expired tokens', () => {
    for (const [header, now] of [
      [undefined, 0],
      ['', 0],
      ['hc_pat_a', 0],
      ['Basic hc_pat_a', 0],
      ['Bearer hc_pat_zzz', 0],
      ['Bearer hc_pat_e', 1000],
    ] as const) {
      const result = authenticate(header === undefined ? {} : { authorization: header }, users, now);
      expect(result.ok, String(header)).toBe(false);
    }
    expect(authenticate({ authorization: 'Bearer hc_pat_e' }, users, 999).ok).toBe(true);
  });
});

describe('parseGraphqlBodies', () => {
  it('accepts a query with optional variables and operation name', () => {
    expect(parseGraphqlBodies(Buffer.from('{"query":"{ me { id } }"}'))).toEqual({
      batch: false,
      bodies: [{ query: '{ me { id } }' }],
    });
    expect(
      parseGraphqlBodies(Buffer.from('{"query":"q","variables":null,"operationName":"Q"}'))?.bodies[0],
    ).toMatchObject({ operationName: 'Q' });
  });

  it('accepts a non-empty array of request bodies as a batch', () => {
    expect(parseGraphqlBodies(Buffer.from('[{"query":"a"},{"query":"b","variables":{"x":1}}]'))).toEqual({
      batch: true,
      bodies: [{ query: 'a' }, { query: 'b', variables: { x: 1 } }],
    });
  });

  it('refuses what is not a GraphQL request body', () => {
    for (const text of [
      '',
      'not json',
      '[]',
      '{"query": 5}',
      '{"variables": {}}',
      '{"query":"q","variables":[1]}',
      '[{"query":"a"}, 5]',
    ])
      expect(parseGraphqlBodies(Buffer.from(text)), text).toBeUndefined();
  });
});
