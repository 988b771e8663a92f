import { describe, expect, it } from 'vitest';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { isWindowedRateLimit, type RetryPolicy, withRetries } from '../../src/core/http/retry.ts';
import { type Sleep, timerSleep } from '../../src/core/http/sleep.ts';

const policy: RetryPolicy = { retries: 2, minDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000 };

function unavailable(retryAfterSeconds?: number): ShelfsyncError {
  return new ShelfsyncError('Hardcover is unavailable.', {
    code: 'server_error',
    service: 'hardcover',
    status: 503,
    retryable: true,
    retryAfterSeconds,
  });
}

/** A sleep that records what it was asked and returns at once. */
function recordingSleep() {
  const calls: { ms: number; signal: AbortSignal | undefined }[] = [];
  const sleep: Sleep = async (ms, signal) => {
    calls.push({ ms, signal });
  };
  return { calls, sleep };
}

/** An attempt that fails with each of `failures` in turn, then answers `'ok'`. */
function failingThen(failures: unknown[]) {
  const attempts: number[] = [];
  const attempt = async (attemptNumber: number) => {
    attempts.push(attemptNumber);
    const failure = failures.shift();
    if (failure !== undefined) throw failure;
    return 'ok';
  };
  return { attempts, attempt };
}

describe('withRetries', () => {
  it('sends again after a retryable failure, waiting what Retry-After asks, with the run’s signal', async () => {
    const { calls, sleep } = recordingSleep();
    const { attempts, attempt } = failingThen([unavailable(2)]);
    const signal = new AbortController().signal;
    // No onRetry: it is optional.
    await expect(withRetries(attempt, { policy, idempotent: false, sleep, signal })).resolves.toBe('ok');
    expect(attempts).toEqual([1, 2]);
    expect(calls).toEqual([{ ms: 2000, signal }]);
  });

  it('tells onRetry about each retry with the error and the wait', async () => {
    const { sleep } = recordingSleep();
    const first = unavailable(1);
    const second = unavailable(3);
    const { attempt } = failingThen([first, second]);
    const retries: [unknown, number][] = [];
    await withRetries(attempt, {
      policy,
      idempotent: true,
      sleep,
      signal: new AbortController().signal,
      onRetry: (error, delayMs) => retries.push([error, delayMs]),
    });
    expect(retries).toEqual([
      [first, 1000],
      [second, 3000],
    ]);
  });

  it('rejects with the error at once when it is not retryable', async () => {
    const { calls, sleep } = recordingSleep();
    const denied = new ShelfsyncError('no', { code: 'auth_failed', service: 'hardcover', status: 401 });
    const { attempts, attempt } = failingThen([denied]);
    const run = withRetries(attempt, {
      policy,
      idempotent: true,
      sleep,
      signal: new AbortController().signal,
    });
    await expect(run).rejects.toBe(denied);
    expect(attempts).toEqual([1]);
    expect(calls).toEqual([]);
  });

  it('rejects with the last error once the retries are used up', async () => {
    const { calls, sleep } = recordingSleep();
    const last = unavailable(1);
    const { attempts, attempt } = failingThen([unavailable(1), unavailable(1), last, unavailable(1)]);
    const run = withRetries(attempt, {
      policy,
      idempotent: true,
      sleep,
      signal: new AbortController().signal,
    });
    await expect(run).rejects.toBe(last);
    expect(attempts).toEqual([1, 2, 3]);
    expect(calls.map((call) => call.ms)).toEqual([1000, 1000]);
  });

  it('rejects with the abort reason when the wait is aborted, without another attempt', async () => {
    const controller = new AbortController();
    const reason = new ShelfsyncError('closed', { code: 'interrupted', service: 'hardcover' });
    const { attempts, attempt } = failingThen([unavailable(5)]);
    const run = withRetries(attempt, {
      policy,
      idempotent: true,
      sleep: timerSleep,
      signal: controller.signal,
      // Aborts once the 5-second wait has begun.
      onRetry: () => setImmediate(() => controller.abort(reason)),
    });
    await expect(run).rejects.toBe(reason);
    expect(attempts).toEqual([1]);
  });

  describe('429s without Retry-After from a moving-window server', () => {
    const windowed: RetryPolicy = { ...policy, retries: 1, rateLimitRetries: 3, rateLimitWindowMs: 60_000 };
    const tooMany = () =>
      new ShelfsyncError('Discogs is rate limiting.', {
        code: 'rate_limited',
        service: 'discogs',
        status: 429,
        retryable: true,
      });

    it('waits them out with doubling waits, apart from the ordinary retries', async () => {
      const { calls, sleep } = recordingSleep();
      const { attempts, attempt } = failingThen([tooMany(), tooMany(), tooMany(), unavailable()]);
      await expect(
        withRetries(attempt, {
          policy: windowed,
          idempotent: true,
          sleep,
          signal: new AbortController().signal,
        }),
      ).resolves.toBe('ok');
      expect(attempts).toEqual([1, 2, 3, 4, 5]);
      const waits = calls.map((call) => call.ms);
      expect(waits).toHaveLength(4);
      expect(waits[0]).toBeGreaterThanOrEqual(100);
      expect(waits[0]).toBeLessThanOrEqual(125);
      expect(waits[1]).toBeGreaterThanOrEqual(200);
      expect(waits[1]).toBeLessThanOrEqual(250);
      expect(waits[2]).toBeGreaterThanOrEqual(400);
      expect(waits[2]).toBeLessThanOrEqual(500);
    });

    it('still gives up after the ordinary retries on other failures', async () => {
      const { sleep } = recordingSleep();
      const last = unavailable();
      const { attempts, attempt } = failingThen([unavailable(), last, unavailable(), unavailable()]);
      await expect(
        withRetries(attempt, {
          policy: windowed,
          idempotent: true,
          sleep,
          signal: new AbortController().signal,
        }),
      ).rejects.toBe(last);
      expect(attempts).toEqual([1, 2]);
    });

    it('treats them as ordinary failures when the policy waits out none', async () => {
      const ordinary: RetryPolicy = { ...policy, retries: 1, rateLimitWindowMs: 60_000, rateLimitRetries: 0 };
      const { attempts, attempt } = failingThen([tooMany(), tooMany()]);
      const { sleep } = recordingSleep();
      await expect(
        withRetries(attempt, {
          policy: ordinary,
          idempotent: true,
          sleep,
          signal: new AbortController().signal,
        }),
      ).rejects.toMatchObject({ code: 'rate_limited' });
      expect(attempts).toEqual([1, 2]);
      expect(isWindowedRateLimit(tooMany(), ordinary)).toBe(false);
      expect(isWindowedRateLimit(tooMany(), { ...policy, rateLimitRetries: 3 })).toBe(false);
      expect(isWindowedRateLimit(tooMany(), windowed)).toBe(true);
      expect(isWindowedRateLimit(new Error('plain'), windowed)).toBe(false);
    });

    it('gives up after rateLimitRetries of them', async () => {
      const { sleep } = recordingSleep();
      const last = tooMany();
      const { attempts, attempt } = failingThen([tooMany(), tooMany(), tooMany(), last]);
      await expect(
        withRetries(attempt, {
          policy: windowed,
          idempotent: true,
          sleep,
          signal: new AbortController().signal,
        }),
      ).rejects.toBe(last);
      expect(attempts).toEqual([1, 2, 3, 4]);
    });
  });
});
