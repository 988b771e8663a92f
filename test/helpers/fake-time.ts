import { afterEach, beforeEach, vi } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../../src/core/ratelimit/limiter.ts';

/**
 * Waits for `promise` under fake timers. Bottleneck yields with setTimeout(0), which fake timers run
 * 1 ms later, so time moves in small steps; gives up after 1000 fake milliseconds.
 */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then(
    (value) => {
      outcome = { value };
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  for (let step = 0; !outcome && step < 1000; step++) await vi.advanceTimersByTimeAsync(1);
  if (!outcome) throw new Error('still pending after 1000 fake milliseconds');
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** Jobs a test leaves waiting are rejected when the limiter stops; that is expected, not a failure. */
export function leftRunning<T>(job: Promise<T>): Promise<T> {
  job.catch(() => undefined);
  return job;
}

/** Lets everything that can run now run (a few fake milliseconds). */
export const tick = () => vi.advanceTimersByTimeAsync(20);

/**
 * For a describe block whose tests run limiters on fake timers: installs the fake timers before
 * each test, stops every limiter made with the returned function after it, and restores real timers.
 */
export function limitersOnFakeTimers(): (...args: Parameters<typeof createRateLimiter>) => RateLimiter {
  let limiters: RateLimiter[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    await settle(Promise.all(limiters.map((limiter) => limiter.stop())));
    limiters = [];
    vi.useRealTimers();
  });
  return (...args) => {
    const limiter = createRateLimiter(...args);
    limiters.push(limiter);
    return limiter;
  };
}
