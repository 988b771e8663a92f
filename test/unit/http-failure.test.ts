import { describe, expect, it } from 'vitest';
import { findHttpFailure, HttpFailure } from '../../src/core/http/http-failure.ts';

describe('HttpFailure', () => {
  it('names the exchange and its status, or that no response came', () => {
    const cause = new Error('socket hang up');
    const answered = new HttpFailure({ method: 'GET', path: '/me', status: 503, mayHaveReachedServer: true });
    const unanswered = new HttpFailure({
      method: 'POST',
      path: '/graphql',
      mayHaveReachedServer: false,
      cause,
    });
    expect(answered.message).toBe('GET /me: HTTP 503');
    expect(answered.name).toBe('HttpFailure');
    expect(unanswered.message).toBe('POST /graphql: no response');
    expect(unanswered.cause).toBe(cause);
    expect(unanswered.status).toBeUndefined();
  });

  it('keeps the first 300 characters of the body', () => {
    const failure = new HttpFailure({
      method: 'GET',
      path: '/',
      status: 500,
      bodyExcerpt: 'x'.repeat(400),
      mayHaveReachedServer: true,
    });
    expect(failure.bodyExcerpt).toBe('x'.repeat(300));
  });
});

describe('findHttpFailure', () => {
  const failure = new HttpFailure({ method: 'GET', path: '/me', status: 404, mayHaveReachedServer: true });
  const wrapped = (times: number): unknown => {
    let error: unknown = failure;
    for (let index = 0; index < times; index++) error = new Error(`wrapper ${index}`, { cause: error });
    return error;
  };

  it('finds the failure up to ten links down a cause chain, and no deeper', () => {
    expect(findHttpFailure(failure)).toBe(failure);
    expect(findHttpFailure(wrapped(9))).toBe(failure);
    expect(findHttpFailure(wrapped(10))).toBeUndefined();
  });

  it('stops on a chain that loops and on causes that are not errors', () => {
    const loop = new Error('loop');
    loop.cause = loop;
    expect(findHttpFailure(loop)).toBeUndefined();
    expect(findHttpFailure(new Error('x', { cause: 'text' }))).toBeUndefined();
    expect(findHttpFailure(undefined)).toBeUndefined();
  });
});
