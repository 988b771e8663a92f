import { describe, expect, it } from 'vitest';
import { planRequest } from '../../sandbox/hardcover/gateway/plan.ts';
import { missingScopes } from '../../sandbox/hardcover/gateway/scopes.ts';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const ALL = ['all'];

describe('planRequest', () => {
  it('plans one request and costs one unit per top-level field (at least one)', () => {
    const plan = planRequest(body({ query: '{ a: me { id } b: me { id } }' }), ALL);
    expect(plan).toMatchObject({ ok: true, batch: false, units: 2 });
    expect(planRequest(body({ query: '{ __typename }' }), ALL)).toMatchObject({ ok: true, units: 1 });
  });

  it('sums units over a batch and holds each request to the limit on its own', () => {
    const three = '{ a: me { id } b: me { id } c: me { id } }';
    expect(planRequest(body([{ query: three }, { query: three }]), ALL)).toMatchObject({
      ok: true,
      batch: true,
      units: 6,
    });
    const six = `{ ${[1, 2, 3, 4, 5, 6].map((i) => `m${i}: me { id }`).join(' ')} }`;
    expect(planRequest(body([{ query: three }, { query: six }]), ALL)).toMatchObject({
      ok: false,
      failure: { kind: 'limit', code: 'top_level_query_limit_exceeded' },
    });
  });

  it('leaves picking among several operations to Hasura, costing one unit', () => {
    const plan = planRequest(body({ query: 'query A { me { id } } query B { me { id } }' }), ALL);
    expect(plan).toMatchObject({ ok: true, units: 1 });
    if (plan.ok) expect(plan.requests[0]?.top).toBeUndefined();
  });

  it('reports malformed bodies, syntax errors and missing scopes', () => {
    expect(planRequest(Buffer.from('[]'), ALL)).toEqual({ ok: false, failure: { kind: 'malformed' } });
    expect(planRequest(body({ query: '{ me {' }), ALL)).toMatchObject({
      ok: false,
      failure: { kind: 'invalid_query' },
    });
    expect(planRequest(body({ query: '{ me { email } }' }), ['read:me:content'])).toEqual({
      ok: false,
      failure: { kind: 'scope', scopes: ['read:me:email'], fields: ['email'] },
    });
  });
});

describe('missingScopes for nested fields', () => {
  it('asks read:me:email for an email selected anywhere, and nothing for other nested fields', () => {
    expect(missingScopes(['read:me:content'], ['me'], 'query', ['id', 'email', 'email'])).toEqual({
      scopes: ['read:me:email'],
      fields: ['email'],
    });
    expect(missingScopes(['read:me:content'], ['me'], 'query', ['id', 'username'])).toEqual({
      scopes: [],
      fields: [],
    });
    expect(missingScopes(['all'], ['me'], 'query', ['email']).scopes).toEqual([]);
    // A broader grant covers the narrower scope: read:me includes read:me:email.
    expect(missingScopes(['read:me'], ['me'], 'query', ['email']).scopes).toEqual([]);
  });
});
