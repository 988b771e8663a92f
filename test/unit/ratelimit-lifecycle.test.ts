import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, type RateLimiterOptions } from '../../src/core/ratelimit/limiter.ts';
import { leftRunning, settle, tick } from '../helpers/fake-time.ts';

describe('rate limiter lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<[string, RateLimiterOptions]>([
    ['without any limits', {}],
    ['with only a concurrency bound', { maxConcurrent: 2 }],
    ['with a bucket', { burst: 5, refillAmount: 1, refillIntervalMs: 1000 }],
  ])('refuses, once stopped, to run a new job %s', async (_, options) => {
    const limiter = createRateLimiter('audiobookshelf', options);
    await settle(limiter.stop());
    let ran = false;
    const late = limiter.schedule(async () => {
      ran = true;
    });
    await expect(settle(late)).rejects.toMatchObject({
      code: 'interrupted',
      service: 'audiobookshelf',
      message: 'The Audiobookshelf client was closed before this request could be sent.',
    });
    expect(ran).toBe(false);
  });

  it('leaves no timer behind once stopped, even with a bucket still refilling', async () => {
    const limiter = createRateLimiter('hardcover', {
      burst: 2,
      refillAmount: 1,
      refillIntervalMs: 1000,
      maxConcurrent: 1,
      movingWindow: { windowMs: 60_000, assumedLimit: 60 },
    });
    await settle(limiter.drain());
    const waiting = leftRunning(limiter.schedule(async () => 'never'));
    await tick();
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await settle(limiter.stop());
    await expect(settle(waiting)).rejects.toMatchObject({ code: 'interrupted' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores the limit a late response states once stopped', async () => {
    const limiter = createRateLimiter('discogs', { movingWindow: { windowMs: 60_000, assumedLimit: 60 } });
    await settle(limiter.stop());
    await settle(limiter.observe({ window: { limit: 25, remaining: 3 } }));
    expect(limiter.spacingMs()).toBe(1035);
  });

  it('counts the jobs waiting for their moving-window turn', async () => {
    const limiter = createRateLimiter('discogs', { movingWindow: { windowMs: 60_000, assumedLimit: 60 } });
    const ran: number[] = [];
    const jobs = [1, 2, 3].map((n) =>
      leftRunning(
        limiter.schedule(async () => {
          ran.push(n);
        }),
      ),
    );
    await tick();
    expect(ran).toEqual([1]);
    expect(limiter.waiting()).toBe(2);
    await vi.advanceTimersByTimeAsync(limiter.spacingMs() ?? 0);
    expect(ran).toEqual([1, 2]);
    expect(limiter.waiting()).toBe(1);
    await vi.advanceTimersByTimeAsync(limiter.spacingMs() ?? 0);
    await settle(Promise.all(jobs));
    expect(limiter.waiting()).toBe(0);
    await settle(limiter.stop());
  });
});
