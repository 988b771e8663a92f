import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, type RateLimiter, spacingFor } from '../../src/core/ratelimit/limiter.ts';

const WINDOW_MS = 60_000;

/** The most start times that fall in any window (t - windowMs, t], the way Discogs counts. */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last++) {
    while ((starts[first] ?? 0) <= (starts[last] ?? 0) - windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('spacingFor', () => {
  it.each([
    [60, 1035],
    [25, 2609],
    [6000, 11],
    [3, 60_000],
    [2, 60_000],
    [1, 60_000],
  ])('keeps a limit of %i per minute two under it with a gap of %i ms', (limit, gap) => {
    expect(spacingFor(WINDOW_MS, limit)).toBe(gap);
  });

  it('never lets `limit` requests fall in one window', () => {
    for (const limit of [2, 3, 7, 25, 60, 61, 240, 1000, 6000]) {
      const gap = spacingFor(WINDOW_MS, limit);
      expect((limit - 1) * gap).toBeGreaterThanOrEqual(WINDOW_MS);
      const busiest = busiestWindow(
        Array.from({ length: limit * 3 }, (_, i) => i * gap),
        WINDOW_MS,
      );
      expect(busiest).toBeLessThanOrEqual(Math.max(1, limit - 1));
      // Whole milliseconds cost a little throughput at very high limits (sandbox rate scales), never much.
      expect(busiest).toBeGreaterThanOrEqual(Math.floor(0.9 * (limit - 1)));
    }
  });
});

describe('createRateLimiter with a moving window', () => {
  let limiter: RateLimiter | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(async () => {
    const stopping = limiter?.stop();
    await vi.advanceTimersByTimeAsync(10);
    await stopping;
    limiter = undefined;
    vi.useRealTimers();
  });

  async function runAll(count: number): Promise<number[]> {
    const starts: number[] = [];
    const active = limiter;
    if (!active) throw new Error('no limiter');
    const jobs = Array.from({ length: count }, () =>
      active.schedule(async () => {
        starts.push(Date.now());
      }),
    );
    let done = false;
    void Promise.all(jobs).then(() => {
      done = true;
    });
    for (let step = 0; !done && step < 100_000; step++) await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(true);
    return starts;
  }

  it('never puts more than 58 requests in any 60 s window, and still sends 58 a minute', async () => {
    limiter = createRateLimiter('discogs', {
      maxConcurrent: 2,
      movingWindow: { windowMs: WINDOW_MS, assumedLimit: 60 },
    });
    const starts = await runAll(150);
    expect(busiestWindow(starts, WINDOW_MS)).toBe(58);
    const spanMinutes = ((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / WINDOW_MS;
    expect(149 / spanMinutes).toBeGreaterThan(57.5);
  });

  it('follows the limit the server states: faster when it is higher, slower when lower', async () => {
    limiter = createRateLimiter('discogs', { movingWindow: { windowMs: WINDOW_MS, assumedLimit: 60 } });
    await limiter.observe({ window: { limit: 6000, remaining: 5999, windowSeconds: 60 } });
    expect(limiter.spacingMs()).toBe(11);
    const fast = await runAll(300);
    expect(busiestWindow(fast, WINDOW_MS)).toBeLessThan(6000);
    expect((fast.at(-1) ?? 0) - (fast[0] ?? 0)).toBeLessThan(5000);

    await limiter.observe({ window: { limit: 25 } });
    expect(limiter.spacingMs()).toBe(2609);
    await limiter.observe({ window: { remaining: 3 } });
    expect(limiter.spacingMs()).toBe(2609);
  });

  it('has no spacing without a moving window', () => {
    limiter = createRateLimiter('discogs', { maxConcurrent: 2 });
    expect(limiter.spacingMs()).toBeNull();
  });

  it('rejects a window or limit that is not a positive integer', () => {
    expect(() => createRateLimiter('discogs', { movingWindow: { windowMs: 0, assumedLimit: 60 } })).toThrow(
      /windowMs/,
    );
    expect(() =>
      createRateLimiter('discogs', { movingWindow: { windowMs: 60_000, assumedLimit: 0.5 } }),
    ).toThrow(/assumedLimit/);
  });
});
