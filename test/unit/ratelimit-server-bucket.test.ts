import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { TokenBucket } from '../../sandbox/core/token-bucket.ts';
import type { RateLimiter, RateLimiterOptions, ScheduledJob } from '../../src/core/ratelimit/limiter.ts';
import { leftRunning, limitersOnFakeTimers, settle } from '../helpers/fake-time.ts';

const HARDCOVER_LIKE: RateLimiterOptions = { burst: 10, refillAmount: 1, refillIntervalMs: 1000 };

/** Time since the limiter was made, in fake milliseconds, so refill steps fall on known moments. */
async function advanceTo(startedAt: number, elapsedMs: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(startedAt + elapsedMs - Date.now());
}

describe('rate limiter keeping in step with a server that refills continuously', () => {
  const makeLimiter = limitersOnFakeTimers();
  const make = (options: RateLimiterOptions = HARDCOVER_LIKE) => makeLimiter('hardcover', options);

  it('waits a full interval after an answer that leaves it level with the server', async () => {
    const startedAt = Date.now();
    const limiter = make();
    // Bottleneck's own next step is due at 1000 ms; the server's next whole unit only at 1950 ms.
    await advanceTo(startedAt, 950);
    await settle(limiter.observe({ window: { remaining: 0 } }));
    await advanceTo(startedAt, 1100);
    expect(await settle(limiter.available())).toBe(0);
    await advanceTo(startedAt, 1975);
    expect(await settle(limiter.available())).toBe(1);
  });

  it('keeps its own refill steps when it is a whole unit or more below the server', async () => {
    const startedAt = Date.now();
    const limiter = make();
    await settle(limiter.drain());
    await advanceTo(startedAt, 950);
    // The bucket holds 0 and the server says 1: our next unit cannot overtake the server's.
    await settle(limiter.observe({ window: { remaining: 1 } }));
    await advanceTo(startedAt, 1050);
    expect(await settle(limiter.available())).toBe(1);
  });

  it('counts requests still in flight as not yet seen by the server', async () => {
    const startedAt = Date.now();
    const limiter = make();
    const releases: (() => void)[] = [];
    const jobs: ScheduledJob[] = [];
    const held = Array.from({ length: 9 }, () =>
      leftRunning(
        limiter.schedule(
          (job) =>
            new Promise<void>((resolve) => {
              jobs.push(job);
              releases.push(resolve);
            }),
        ),
      ),
    );
    await advanceTo(startedAt, 950);
    expect(await settle(limiter.available())).toBe(1);
    // The answer to one of the nine says 2 remain; the eight others may not be counted in that yet.
    await settle(jobs[0]?.observe({ window: { remaining: 2 } }) ?? Promise.reject(new Error('no job ran')));
    await advanceTo(startedAt, 1100);
    expect(await settle(limiter.available())).toBe(1);
    for (const release of releases) release();
    await settle(Promise.all(held));
  });

  it('counts the answered request itself as seen by the server', async () => {
    const startedAt = Date.now();
    const limiter = make();
    await settle(Promise.all(Array.from({ length: 8 }, () => limiter.schedule(async () => undefined))));
    await advanceTo(startedAt, 950);
    // The answer to this request says 2 remain while the bucket holds 1: the server is a unit ahead.
    await settle(limiter.schedule((job) => job.observe({ window: { remaining: 2 } })));
    await advanceTo(startedAt, 1100);
    expect(await settle(limiter.available())).toBe(2);
  });

  it('after a drain (a 429), waits a full interval for the next unit', async () => {
    const startedAt = Date.now();
    const limiter = make();
    await advanceTo(startedAt, 900);
    await settle(limiter.drain());
    await advanceTo(startedAt, 1500);
    expect(await settle(limiter.available())).toBe(0);
    await advanceTo(startedAt, 1925);
    expect(await settle(limiter.available())).toBe(1);
  });

  it('never earns a refusal from the stand-in’s bucket, and wastes under a tenth of the time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            units: fc.integer({ min: 1, max: 3 }),
            thinkMs: fc.integer({ min: 0, max: 1500 }),
            toServerMs: fc.integer({ min: 0, max: 60 }),
            fromServerMs: fc.integer({ min: 0, max: 60 }),
          }),
          { minLength: 20, maxLength: 60 },
        ),
        async (requests) => {
          const limiter = make({ ...HARDCOVER_LIKE, maxConcurrent: 2 });
          const outcome = await runAgainstServer(limiter, requests);
          expect(outcome.refused).toBe(0);
          expect(outcome.elapsedMs).toBeLessThanOrEqual(outcome.idealMs * 1.1 + 1000);
          await settle(limiter.stop());
        },
      ),
      { numRuns: 25 },
    );
  });
});

interface SimulatedRequest {
  units: number;
  /** Time the caller spends before asking for this request, after asking for the one before. */
  thinkMs: number;
  toServerMs: number;
  fromServerMs: number;
}

/**
 * Sends requests through the limiter to a server bucket like Hardcover's (10 units, 1 a second,
 * refilled continuously) that answers with the whole units it has left, as the stand-in does.
 */
async function runAgainstServer(limiter: RateLimiter, requests: SimulatedRequest[]) {
  const server = new TokenBucket(10, 1, { now: () => Date.now() });
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const startedAt = Date.now();
  let refused = 0;
  const sent: Promise<void>[] = [];
  const caller = (async () => {
    for (const request of requests) {
      await wait(request.thinkMs);
      const job = limiter.schedule(
        async (job) => {
          await wait(request.toServerMs);
          const accepted = server.take(request.units);
          const remaining = server.remaining();
          await wait(request.fromServerMs);
          await job.observe({ window: { remaining } });
          if (!accepted) {
            refused++;
            await limiter.drain();
          }
        },
        { units: request.units },
      );
      sent.push(job);
    }
  })();
  let done = false;
  const all = caller
    .then(() => Promise.all(sent))
    .then(() => {
      done = true;
    });
  while (!done) await vi.advanceTimersByTimeAsync(10);
  await all;
  return { refused, elapsedMs: Date.now() - startedAt, idealMs: idealMs(requests) };
}

/**
 * When the last answer could arrive at best: each request sent, in order, as soon as it is asked for
 * and a bucket of 10 refilled continuously at a unit a second holds its units.
 */
function idealMs(requests: SimulatedRequest[]): number {
  let tokens = 10;
  let now = 0;
  let askedAt = 0;
  let lastAnswer = 0;
  for (const request of requests) {
    askedAt += request.thinkMs;
    const sendAt = Math.max(askedAt, now);
    tokens = Math.min(10, tokens + (sendAt - now) / 1000);
    now = sendAt;
    if (tokens < request.units) {
      now += (request.units - tokens) * 1000;
      tokens = request.units;
    }
    tokens -= request.units;
    lastAnswer = Math.max(lastAnswer, now + request.toServerMs + request.fromServerMs);
  }
  return lastAnswer;
}
