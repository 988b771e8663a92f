import { describe, expect, it } from 'vitest';
import type { RateLimiterOptions } from '../../src/core/ratelimit/limiter.ts';
import { limitersOnFakeTimers, settle } from '../helpers/fake-time.ts';

const DISCOGS_LIKE: RateLimiterOptions = { movingWindow: { windowMs: 60_000, assumedLimit: 60 } };

describe('rate limiter following what the server states', () => {
  const makeLimiter = limitersOnFakeTimers();
  const make = (options: RateLimiterOptions) => makeLimiter('discogs', options);

  it('keeps its spacing when the server states a limit of 0 or below 1', async () => {
    const limiter = make(DISCOGS_LIKE);
    for (const limit of [0, 0.5]) {
      await settle(limiter.observe({ window: { limit } }));
      expect(limiter.spacingMs()).toBe(1035);
    }
  });

  it('sends one request a window when the server states a limit of 1', async () => {
    const limiter = make(DISCOGS_LIKE);
    await settle(limiter.observe({ window: { limit: 1 } }));
    expect(limiter.spacingMs()).toBe(60_000);
  });

  it('uses a stated limit only with a moving window, and still lowers its bucket', async () => {
    const limiter = make({ burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    await settle(limiter.observe({ window: { limit: 60, remaining: 5 } }));
    expect(limiter.spacingMs()).toBeNull();
    expect(await settle(limiter.available())).toBe(5);
  });

  it('rounds a fractional remaining count down', async () => {
    const limiter = make({ burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    await settle(limiter.observe({ window: { remaining: 4.9 } }));
    expect(await settle(limiter.available())).toBe(4);
  });
});
