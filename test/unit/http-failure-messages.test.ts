import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/core/http/failure-messages.ts';

const request = { service: 'hardcover', method: 'POST', path: '/v1/graphql' } as const;

describe('failureMessage: one sentence a user can act on', () => {
  it.each([
    [
      'auth_failed',
      401,
      'Hardcover did not accept the credentials (HTTP 401); check the token or log in again.',
    ],
    [
      'forbidden',
      403,
      'Hardcover refused access to POST /v1/graphql (HTTP 403); the token may lack a permission.',
    ],
    ['not_found', 404, 'Hardcover has nothing at POST /v1/graphql (HTTP 404).'],
    ['conflict', 409, 'Hardcover reported a conflict for POST /v1/graphql (HTTP 409).'],
    ['bad_request', 400, 'Hardcover rejected POST /v1/graphql as invalid (HTTP 400).'],
    [
      'rate_limited',
      429,
      'Hardcover is limiting how fast shelfsync may send requests (HTTP 429); try again later.',
    ],
    ['quota_exhausted', 403, 'Hardcover says the request quota is used up (HTTP 403); try again later.'],
    [
      'timeout',
      504,
      'Hardcover gave up on POST /v1/graphql because it took too long (HTTP 504); try again later.',
    ],
    [
      'server_error',
      500,
      'Hardcover had a server error answering POST /v1/graphql (HTTP 500); try again later.',
    ],
    [
      'bad_response',
      200,
      'Hardcover sent a response to POST /v1/graphql that shelfsync could not read (HTTP 200).',
    ],
    ['internal', 418, 'Hardcover could not complete POST /v1/graphql (HTTP 418).'],
  ] as const)('%s after HTTP %i', (code, status, message) => {
    expect(failureMessage(code, { ...request, status })).toBe(message);
  });

  it('says which request was cut short when the client closes', () => {
    expect(failureMessage('interrupted', { ...request, service: 'discogs' })).toBe(
      'The Discogs client was closed before POST /v1/graphql finished.',
    );
  });

  it('names the host and the reason of a network failure, or says so plainly without them', () => {
    expect(
      failureMessage('network', { ...request, host: '127.0.0.1:9', reason: 'the connection was refused' }),
    ).toBe('Could not reach Hardcover at 127.0.0.1:9: the connection was refused.');
    expect(failureMessage('network', request)).toBe(
      'Could not reach Hardcover at its address: the request failed.',
    );
  });

  it.each([
    [undefined, 'the time allowed'],
    [1000, '1 second'],
    [1500, '1.5 seconds'],
    [30_000, '30 seconds'],
  ])('gives a timeout of %s ms as %j', (timeoutMs, said) => {
    expect(failureMessage('timeout', { ...request, timeoutMs })).toBe(
      `Hardcover did not answer POST /v1/graphql within ${said}; try again later.`,
    );
  });

  it.each([
    [0, '0 seconds'],
    [119, '119 seconds'],
    [120, '2 minutes'],
    [121, '3 minutes'],
    [7199, '120 minutes'],
    [7200, '2 hours'],
    [7201, '3 hours'],
  ])('advises waiting %i seconds as "try again in %s"', (retryAfterSeconds, said) => {
    expect(failureMessage('rate_limited', { ...request, status: 429, retryAfterSeconds })).toBe(
      `Hardcover is limiting how fast shelfsync may send requests (HTTP 429); try again in ${said}.`,
    );
    expect(failureMessage('quota_exhausted', { ...request, retryAfterSeconds })).toBe(
      `Hardcover says the request quota is used up; try again in ${said}.`,
    );
  });
});
