import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, heartbeatFor } from '../../src/core/ratelimit/limiter.ts';
import { settle } from '../helpers/fake-time.ts';

describe('rate limiter refill', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('adds refillAmount units each interval, up to the burst', async () => {
    const limiter = createRateLimiter('hardcover', { burst: 12, refillAmount: 5, refillIntervalMs: 1000 });
    await settle(limiter.drain());
    expect(await settle(limiter.available())).toBe(0);
    // Each step lands on the first heartbeat (20 ms apart) at least an interval after the one before.
    await vi.advanceTimersByTimeAsync(1020);
    expect(await settle(limiter.available())).toBe(5);
    await vi.advanceTimersByTimeAsync(1020);
    expect(await settle(limiter.available())).toBe(10);
    await vi.advanceTimersByTimeAsync(1020);
    expect(await settle(limiter.available())).toBe(12);
    await settle(limiter.stop());
  });
});

describe('heartbeatFor', () => {
  it.each([
    [10, 5],
    [100, 5],
    [250, 5],
    [300, 6],
    [500, 10],
    [774, 15],
    [1000, 20],
    [60_000, 20],
  ])('checks a refill every %i ms on a beat of %i ms', (intervalMs, beatMs) => {
    expect(heartbeatFor(intervalMs)).toBe(beatMs);
  });
});
