import { describe, expect, it } from 'vitest';
import type { RateLimiter, RateLimiterOptions } from '../../src/core/ratelimit/limiter.ts';
import { leftRunning, limitersOnFakeTimers, settle, tick } from '../helpers/fake-time.ts';

/**
 * Starts a job that holds its turn until released, then queues one job per priority while it runs;
 * returns the order in which the queued ones ran once the first let go.
 */
async function orderAfterBusy(
  limiter: RateLimiter,
  priorities: readonly (number | undefined)[],
  letGo: () => Promise<unknown>,
): Promise<string[]> {
  const ran: string[] = [];
  let release = () => {};
  leftRunning(
    limiter.schedule(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    ),
  );
  await tick();
  const queued = priorities.map((priority) =>
    leftRunning(
      limiter.schedule(
        async () => {
          ran.push(String(priority));
        },
        { priority },
      ),
    ),
  );
  await tick();
  expect(ran).toEqual([]);
  release();
  await letGo();
  await settle(Promise.all(queued));
  return ran;
}

describe('rate limiter priorities', () => {
  const makeLimiter = limitersOnFakeTimers();
  const make = (options: RateLimiterOptions) => makeLimiter('discogs', options);

  it('gives a free concurrency slot to the most urgent waiting job first', async () => {
    const limiter = make({ maxConcurrent: 1 });
    expect(await orderAfterBusy(limiter, [9, 7, 0], tick)).toEqual(['0', '7', '9']);
  });

  it('treats a priority that is not a finite number as the default 5', async () => {
    const limiter = make({ maxConcurrent: 1 });
    const order = await orderAfterBusy(
      limiter,
      [7, Number.POSITIVE_INFINITY, 6, Number.NaN, Number.NEGATIVE_INFINITY, undefined, 4],
      tick,
    );
    expect(order).toEqual(['4', 'Infinity', 'NaN', '-Infinity', 'undefined', '6', '7']);
  });

  it('rounds a fractional priority and keeps it within 0 to 9', async () => {
    const limiter = make({ maxConcurrent: 1 });
    const order = await orderAfterBusy(limiter, [12, 8.6, 7, -3, 1.2, 3], tick);
    expect(order).toEqual(['-3', '1.2', '3', '7', '12', '8.6']);
  });
});
