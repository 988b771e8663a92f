import { describe, expect, it } from 'vitest';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { classifyResponse, errorFromResponse } from '../../src/core/http/errors-from-response.ts';
import { HttpFailure } from '../../src/core/http/http-failure.ts';
import { decideRetry, mayRepeat, type RetryPolicy, retryDelayMs } from '../../src/core/http/retry.ts';
import { parseRetryAfter } from '../../src/core/http/retry-after.ts';

const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0);
const policy: RetryPolicy = { retries: 3, minDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000 };
const exchange = { service: 'hardcover', method: 'POST', path: '/v1/graphql' } as const;

/** The error the client raises for a response with this status and these headers. */
function responseError(status: number, headers: Record<string, string> = {}): ShelfsyncError {
  const verdict = classifyResponse(status, headers, '', { nowMs: NOW_MS });
  if (!verdict) throw new Error(`${status} is a success`);
  return errorFromResponse(exchange, status, verdict, '');
}

function networkError(
  mayHaveReachedServer: boolean,
  code: 'network' | 'timeout' = 'network',
): ShelfsyncError {
  return new ShelfsyncError('x', {
    code,
    service: 'hardcover',
    retryable: true,
    cause: new HttpFailure({ method: 'POST', path: '/v1/graphql', mayHaveReachedServer }),
  });
}

const decide = (error: unknown, idempotent = true, failedAttempt = 1) =>
  decideRetry(error, { failedAttempt, idempotent, policy, random: () => 0.5 });

describe('decideRetry', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a read that got %i', (status) => {
    expect(decide(responseError(status))).toMatchObject({ retry: true });
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries %i', (status) => {
    expect(decide(responseError(status))).toEqual({ retry: false, reason: 'not_retryable' });
    expect(decide(responseError(status), false)).toEqual({ retry: false, reason: 'not_retryable' });
  });

  it('retries network failures and timeouts of reads', () => {
    expect(decide(networkError(true))).toMatchObject({ retry: true });
    expect(decide(networkError(true, 'timeout'))).toMatchObject({ retry: true });
  });

  it('does not repeat a write that may have reached the server (timeout, reset, 500, 502, 504, 408)', () => {
    expect(decide(networkError(true), false)).toEqual({ retry: false, reason: 'unsafe_to_repeat' });
    expect(decide(networkError(true, 'timeout'), false)).toEqual({
      retry: false,
      reason: 'unsafe_to_repeat',
    });
    for (const status of [408, 500, 502, 504]) {
      expect(decide(responseError(status), false)).toEqual({ retry: false, reason: 'unsafe_to_repeat' });
    }
  });

  it('repeats a write that surely was not processed: 429, 503, or a refused connection', () => {
    expect(decide(responseError(429), false)).toMatchObject({ retry: true });
    expect(decide(responseError(503), false)).toMatchObject({ retry: true });
    expect(decide(networkError(false), false)).toMatchObject({ retry: true });
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP date', () => {
    expect(decide(responseError(429, { 'retry-after': '2' }))).toEqual({ retry: true, delayMs: 2000 });
    const date = new Date(NOW_MS + 4000).toUTCString();
    expect(decide(responseError(503, { 'retry-after': date }))).toEqual({ retry: true, delayMs: 4000 });
  });

  it('fails at once, still retryable, when Retry-After is longer than the cap', () => {
    const error = responseError(429, { 'retry-after': '3600' });
    expect(decide(error)).toEqual({ retry: false, reason: 'wait_too_long' });
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBe(3600);
  });

  it('stops when the retries are used up', () => {
    expect(decide(responseError(503), true, 3)).toMatchObject({ retry: true });
    expect(decide(responseError(503), true, 4)).toEqual({ retry: false, reason: 'out_of_retries' });
  });

  it('does not retry errors that are not ours, or not retryable', () => {
    expect(decide(new Error('bug'))).toEqual({ retry: false, reason: 'not_retryable' });
    expect(decide(new ShelfsyncError('bad', { code: 'bad_response', service: 'hardcover' }))).toEqual({
      retry: false,
      reason: 'not_retryable',
    });
  });

  it('reads retryable through a wrapping error', () => {
    const wrapped = new Error('while syncing', { cause: responseError(502) });
    expect(decide(wrapped)).toMatchObject({ retry: true });
  });
});

describe('mayRepeat', () => {
  it('always allows idempotent requests', () => {
    expect(mayRepeat(networkError(true), true)).toBe(true);
    expect(mayRepeat(responseError(500), true)).toBe(true);
  });

  it('treats a network error without details as possibly delivered', () => {
    const bare = new ShelfsyncError('x', { code: 'network', service: 'discogs', retryable: true });
    expect(mayRepeat(bare, false)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from minDelay, with jitter between half and all of the step', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(50);
    expect(retryDelayMs(1, policy, undefined, () => 0.999999)).toBe(100);
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(100);
    expect(retryDelayMs(3, policy, undefined, () => 0)).toBe(200);
  });

  it('never goes above maxDelay', () => {
    expect(retryDelayMs(20, policy, undefined, () => 0.999999)).toBe(1000);
  });

  it('honours a Retry-After longer than the backoff and keeps the backoff when it is longer', () => {
    expect(retryDelayMs(1, policy, 3, () => 0)).toBe(3000);
    expect(retryDelayMs(1, policy, 0, () => 0)).toBe(50);
  });

  it('gives up on a Retry-After beyond maxRetryAfterMs', () => {
    expect(retryDelayMs(1, policy, 10, () => 0)).toBe(10_000);
    expect(retryDelayMs(1, policy, 11, () => 0)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    [' 120 ', 120],
    ['1.5', 2],
  ])('reads %j as %i seconds', (value, seconds) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(seconds);
  });

  it('reads HTTP dates, rounding up, and treats past dates as now', () => {
    expect(parseRetryAfter(new Date(NOW_MS + 61_500).toUTCString(), NOW_MS)).toBe(61);
    expect(parseRetryAfter('Thu, 20 Aug 2026 12:01:02 GMT', NOW_MS)).toBe(62);
    expect(parseRetryAfter('Wed, 19 Aug 2026 12:00:00 GMT', NOW_MS)).toBe(0);
  });

  it.each([undefined, '', '-5', 'soon', '12abc'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeUndefined();
  });
});

describe('decideRetry for 429s without Retry-After over a moving window (Discogs)', () => {
  const windowed: RetryPolicy = { ...policy, rateLimitRetries: 8, rateLimitWindowMs: 60_000 };
  const decideWindowed = (error: unknown, rateLimitedAttempt: number, failedAttempt = 0) =>
    decideRetry(error, {
      failedAttempt,
      rateLimitedAttempt,
      idempotent: true,
      policy: windowed,
      random: () => 0,
    });

  it('doubles the wait from minDelay up to a whole window, never less than the step', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(
      (n) => (decideWindowed(responseError(429), n) as { delayMs?: number }).delayMs,
    );
    expect(delays.slice(0, 8)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12_800]);
    expect(delays.slice(8)).toEqual([undefined, undefined, undefined, undefined]);
    const long: RetryPolicy = { ...windowed, rateLimitRetries: 20 };
    const last = decideRetry(responseError(429), {
      failedAttempt: 0,
      rateLimitedAttempt: 20,
      idempotent: true,
      policy: long,
      random: () => 0,
    });
    expect(last).toEqual({ retry: true, delayMs: 60_000 });
  });

  it('does not count those 429s against the ordinary retries', () => {
    expect(decideWindowed(responseError(429), 7, 3)).toMatchObject({ retry: true });
    expect(decideWindowed(responseError(429), 9, 0)).toEqual({ retry: false, reason: 'out_of_retries' });
  });

  it('keeps the ordinary rules for other failures and for a 429 that says when', () => {
    expect(decideWindowed(responseError(503), 5, 4)).toEqual({ retry: false, reason: 'out_of_retries' });
    expect(decideWindowed(responseError(429, { 'retry-after': '2' }), 0, 1)).toEqual({
      retry: true,
      delayMs: 2000,
    });
  });

  it('treats a 429 without Retry-After as an ordinary failure when the policy has no window', () => {
    expect(decide(responseError(429), true, 4)).toEqual({ retry: false, reason: 'out_of_retries' });
  });
});
