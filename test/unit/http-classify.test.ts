import { describe, expect, it } from 'vitest';
import { ShelfsyncError } from '../../src/core/errors.ts';
import {
  type BodyClassifier,
  classifyResponse,
  errorFromResponse,
} from '../../src/core/http/errors-from-response.ts';
import { failureMessage } from '../../src/core/http/failure-messages.ts';
import { findHttpFailure } from '../../src/core/http/http-failure.ts';
import { classifyTransportError, errorFromTransport } from '../../src/core/http/transport-errors.ts';

const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0);
const classify = (status: number, headers: Record<string, string> = {}, body: unknown = '') =>
  classifyResponse(status, headers, body, { nowMs: NOW_MS });

describe('classifyResponse', () => {
  it.each([200, 201, 204, 302, 304])('treats %i as success', (status) => {
    expect(classify(status)).toBeUndefined();
  });

  it.each([
    [400, 'bad_request', false],
    [401, 'auth_failed', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [405, 'bad_request', false],
    [408, 'timeout', true],
    [409, 'conflict', false],
    [410, 'not_found', false],
    [422, 'bad_request', false],
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [501, 'server_error', false],
    [502, 'server_error', true],
    [503, 'server_error', true],
    [504, 'server_error', true],
    [599, 'server_error', true],
  ] as const)('maps %i to %s (retryable: %s)', (status, code, retryable) => {
    expect(classify(status)).toEqual({ code, retryable });
  });

  it('reads Retry-After in seconds', () => {
    expect(classify(429, { 'retry-after': '7' })).toEqual({
      code: 'rate_limited',
      retryable: true,
      retryAfterSeconds: 7,
    });
  });

  it('reads Retry-After as an HTTP date, with any header-name case', () => {
    const in90s = new Date(NOW_MS + 90_000).toUTCString();
    expect(classify(503, { 'Retry-After': in90s })?.retryAfterSeconds).toBe(90);
  });

  it('lets a service classifier turn a Hardcover 403 about quota into quota_exhausted', () => {
    const hardcover: BodyClassifier = ({ status, body }) =>
      status === 403 && JSON.stringify(body).toLowerCase().includes('quota')
        ? { code: 'quota_exhausted', retryable: false }
        : undefined;
    const quota = classifyResponse(
      403,
      {},
      { error: 'Your daily quota has been reached' },
      {
        nowMs: NOW_MS,
        classifyBody: hardcover,
      },
    );
    expect(quota).toEqual({ code: 'quota_exhausted', retryable: false });
    const scope = classifyResponse(
      403,
      {},
      { error: 'insufficient_scope' },
      { nowMs: NOW_MS, classifyBody: hardcover },
    );
    expect(scope).toEqual({ code: 'forbidden', retryable: false });
  });

  it('does not ask the classifier about successes', () => {
    let asked = false;
    classifyResponse(
      200,
      {},
      {},
      {
        nowMs: NOW_MS,
        classifyBody: () => {
          asked = true;
          return { code: 'internal' };
        },
      },
    );
    expect(asked).toBe(false);
  });

  it('gives the classifier the headers with lower-case names and the generic verdict', () => {
    const seen: unknown[] = [];
    classifyResponse(
      429,
      { 'Retry-After': '3', 'X-Thing': 'a' },
      { message: 'slow down' },
      {
        nowMs: NOW_MS,
        classifyBody: (facts, verdict) => {
          seen.push(facts, verdict);
          return undefined;
        },
      },
    );
    expect(seen).toEqual([
      { status: 429, headers: { 'retry-after': '3', 'x-thing': 'a' }, body: { message: 'slow down' } },
      { code: 'rate_limited', retryable: true, retryAfterSeconds: 3 },
    ]);
  });
});

describe('errorFromResponse', () => {
  const exchange = { service: 'discogs', method: 'GET', path: '/releases/1' } as const;

  it('builds a ShelfsyncError with code, status, retryability and a plain message', () => {
    const error = errorFromResponse(
      exchange,
      429,
      { code: 'rate_limited', retryable: true, retryAfterSeconds: 30 },
      '{}',
    );
    expect(error).toBeInstanceOf(ShelfsyncError);
    expect(error).toMatchObject({ code: 'rate_limited', service: 'discogs', status: 429, retryable: true });
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toBe(
      'Discogs is limiting how fast shelfsync may send requests (HTTP 429); try again in 30 seconds.',
    );
  });

  it('keeps the body excerpt in the cause for the log, not in the message', () => {
    const body = `{"message":"Release not found.","padding":"${'x'.repeat(1000)}"}`;
    const error = errorFromResponse(exchange, 404, { code: 'not_found', retryable: false }, body);
    expect(error.message).toBe('Discogs has nothing at GET /releases/1 (HTTP 404).');
    const failure = findHttpFailure(error);
    expect(failure?.bodyExcerpt).toContain('Release not found.');
    expect(failure?.bodyExcerpt?.length).toBe(300);
    expect(failure?.mayHaveReachedServer).toBe(true);
  });

  it('says hours, not seconds, for a long wait', () => {
    const error = errorFromResponse(
      { service: 'hardcover', method: 'POST', path: '/v1/graphql' },
      429,
      { code: 'rate_limited', retryable: true, retryAfterSeconds: 5 * 3600 },
      '',
    );
    expect(error.message).toContain('try again in 5 hours');
  });
});

describe('classifyTransportError', () => {
  const withCode = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

  it.each([
    ['ECONNREFUSED', 'network', true, false],
    ['ENOTFOUND', 'network', true, false],
    ['EAI_AGAIN', 'network', true, false],
    ['UND_ERR_CONNECT_TIMEOUT', 'network', true, false],
    ['ECONNRESET', 'network', true, true],
    ['UND_ERR_SOCKET', 'network', true, true],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', true, true],
    ['CERT_HAS_EXPIRED', 'network', false, false],
    ['SOMETHING_NEW', 'network', true, true],
  ] as const)('%s is %s (retryable %s, may have reached the server %s)', (code, kind, retryable, reached) => {
    expect(classifyTransportError(withCode(code))).toMatchObject({
      code: kind,
      retryable,
      mayHaveReachedServer: reached,
    });
  });

  it('looks up to five links down the cause chain, past unknown and non-text codes', () => {
    const chain = (depth: number, head: Error): Error => {
      let error = head;
      for (let index = 0; index < depth; index++) {
        error = Object.assign(new Error(`wrapper ${index}`, { cause: error }), {
          code: index === 0 ? 42 : 'NEW',
        });
      }
      return error;
    };
    expect(classifyTransportError(chain(4, withCode('ECONNREFUSED'))).mayHaveReachedServer).toBe(false);
    expect(classifyTransportError(chain(5, withCode('ECONNREFUSED')))).toEqual({
      code: 'network',
      retryable: true,
      mayHaveReachedServer: true,
      reason: 'the request failed',
    });
    expect(classifyTransportError(new Error('x', { cause: 'a string' })).reason).toBe('the request failed');
    expect(classifyTransportError(undefined).reason).toBe('the request failed');
  });

  it('finds the code in the cause chain, as fetch wraps it', () => {
    const wrapped = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
    expect(classifyTransportError(wrapped)).toMatchObject({ code: 'network', mayHaveReachedServer: false });
  });
});

describe('errorFromTransport', () => {
  const context = {
    service: 'audiobookshelf',
    method: 'GET',
    path: '/api/me',
    host: 'abs.local:13378',
    timeoutMs: 2500,
    timedOut: false,
    closed: false,
  } as const;

  it('names the host and the reason for a refused connection', () => {
    const error = errorFromTransport(context, Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    expect(error).toMatchObject({ code: 'network', retryable: true, service: 'audiobookshelf' });
    expect(error.message).toBe(
      'Could not reach Audiobookshelf at abs.local:13378: the connection was refused.',
    );
  });

  it('reports our own timer as a timeout with the time allowed', () => {
    const error = errorFromTransport({ ...context, timedOut: true }, new DOMException('t', 'TimeoutError'));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toBe(
      'Audiobookshelf did not answer GET /api/me within 2.5 seconds; try again later.',
    );
  });

  it('reports a closed client as interrupted, not retryable', () => {
    const aborted = new Error('aborted');
    const error = errorFromTransport({ ...context, closed: true }, aborted);
    expect(error).toMatchObject({ code: 'interrupted', retryable: false, service: 'audiobookshelf' });
    expect(error.message).toBe(failureMessage('interrupted', context));
    expect(error.cause).toMatchObject({
      method: 'GET',
      path: '/api/me',
      mayHaveReachedServer: true,
      cause: aborted,
    });
  });

  it('says the request failed when the reason is unknown, and keeps what may have reached the server', () => {
    const odd = new Error('odd');
    const error = errorFromTransport(context, odd);
    expect(error.message).toBe('Could not reach Audiobookshelf at abs.local:13378: the request failed.');
    expect(error.cause).toMatchObject({
      method: 'GET',
      path: '/api/me',
      mayHaveReachedServer: true,
      cause: odd,
    });
    const refused = errorFromTransport(context, Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    expect(refused.cause).toMatchObject({ mayHaveReachedServer: false });
    const timedOut = errorFromTransport({ ...context, timedOut: true }, odd);
    expect(timedOut.cause).toMatchObject({ mayHaveReachedServer: true });
  });
});
