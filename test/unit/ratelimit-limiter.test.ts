import { describe, expect, it, vi } from 'vitest';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { createRateLimiter, type RateLimiter } from '../../src/core/ratelimit/limiter.ts';
import { leftRunning, limitersOnFakeTimers, settle, tick } from '../helpers/fake-time.ts';

/** Schedules `count` jobs that record their label when they run. */
function scheduleMany(
  limiter: RateLimiter,
  count: number,
  ran: string[],
  prefix = 'job',
  units = 1,
): Promise<string>[] {
  return Array.from({ length: count }, (_, i) =>
    leftRunning(
      limiter.schedule(
        async () => {
          ran.push(`${prefix}${i}`);
          return `${prefix}${i}`;
        },
        { units },
      ),
    ),
  );
}

describe('createRateLimiter', () => {
  const make = limitersOnFakeTimers();

  it('lets a burst of 10 through at once; the 11th waits for the refill of 1 per second', async () => {
    const limiter = make('hardcover', { burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    const ran: string[] = [];
    const jobs = scheduleMany(limiter, 11, ran);
    await tick();
    expect(ran).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(500);
    expect(ran).toHaveLength(10);
    expect(limiter.waiting()).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(ran).toHaveLength(11);
    await expect(settle(Promise.all(jobs))).resolves.toHaveLength(11);
  });

  it('refills one unit per interval and never beyond the burst size', async () => {
    const limiter = make('hardcover', { burst: 3, refillAmount: 1, refillIntervalMs: 1000 });
    const ran: string[] = [];
    scheduleMany(limiter, 3, ran, 'first');
    await tick();
    expect(await settle(limiter.available())).toBe(0);
    await vi.advanceTimersByTimeAsync(2100);
    expect(await settle(limiter.available())).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settle(limiter.available())).toBe(3);
    scheduleMany(limiter, 5, ran, 'second');
    await tick();
    expect(ran.filter((label) => label.startsWith('second'))).toHaveLength(3);
  });

  it('adds each refill when it is due, not on a coarse heartbeat: 10 a second give 21 jobs in 2 s', async () => {
    // A 100 ms interval is what a fast plan uses; with Bottleneck's default 250 ms heartbeat only 8
    // refills would have come by now.
    const limiter = make('hardcover', { burst: 1, refillAmount: 1, refillIntervalMs: 100 });
    const ran: string[] = [];
    scheduleMany(limiter, 30, ran);
    await vi.advanceTimersByTimeAsync(2000);
    await tick();
    expect(ran).toHaveLength(21);
  });

  it('never refills early: at a unit a second, 10 + 60 jobs in a minute and no more', async () => {
    const limiter = make('hardcover', { burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    const ran: string[] = [];
    scheduleMany(limiter, 100, ran);
    await tick();
    expect(ran).toHaveLength(10);
    for (let second = 1; second <= 60; second++) {
      await vi.advanceTimersByTimeAsync(1000);
      expect(ran.length).toBeLessThanOrEqual(10 + second);
    }
    await tick();
    expect(ran).toHaveLength(70);
  });

  it('charges a job its units: a 3-unit request uses 3 tokens', async () => {
    const limiter = make('hardcover', { burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    const ran: string[] = [];
    scheduleMany(limiter, 3, ran, 'big', 3);
    await tick();
    expect(ran).toHaveLength(3);
    expect(await settle(limiter.available())).toBe(1);
    scheduleMany(limiter, 1, ran, 'next', 3);
    await vi.advanceTimersByTimeAsync(1100);
    expect(ran).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toHaveLength(4);
  });

  it('refuses at once a job that could never fit the bucket, instead of leaving it waiting', async () => {
    const limiter = make('hardcover', { burst: 5, refillAmount: 1, refillIntervalMs: 1000 });
    const job = limiter.schedule(async () => 'never', { units: 6 });
    await expect(settle(job)).rejects.toMatchObject({
      code: 'internal',
      service: 'hardcover',
      message: 'Rate limiter for Hardcover: a request costing 6 units can never fit a bucket of 5.',
    });
  });

  it('refuses a job whose cost is not a whole number of units', async () => {
    const limiter = make('hardcover', { burst: 5, refillAmount: 1, refillIntervalMs: 1000 });
    for (const units of [-1, 1.5]) {
      await expect(settle(limiter.schedule(async () => 'never', { units }))).rejects.toMatchObject({
        code: 'internal',
        service: 'hardcover',
        message: `Rate limiter for Hardcover: a request must cost a whole number of units, got ${units}.`,
      });
    }
    expect(await settle(limiter.schedule(async () => 'free', { units: 0 }))).toBe('free');
  });

  it('runs the most urgent waiting job first when tokens come back', async () => {
    const limiter = make('discogs', { burst: 1, refillAmount: 1, refillIntervalMs: 1000 });
    const ran: string[] = [];
    const record = (label: string) => async () => {
      ran.push(label);
    };
    leftRunning(limiter.schedule(record('first')));
    await tick();
    leftRunning(limiter.schedule(record('background'), { priority: 9 }));
    leftRunning(limiter.schedule(record('urgent'), { priority: 0 }));
    await vi.advanceTimersByTimeAsync(1100);
    expect(ran).toEqual(['first', 'urgent']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toEqual(['first', 'urgent', 'background']);
  });

  it('keeps at most maxConcurrent jobs running, whatever their units', async () => {
    const limiter = make('audiobookshelf', { maxConcurrent: 2 });
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 5 }, () =>
      limiter.schedule(
        () =>
          new Promise<void>((resolve) => {
            running++;
            peak = Math.max(peak, running);
            releases.push(() => {
              running--;
              resolve();
            });
          }),
        { units: 4 },
      ),
    );
    await tick();
    expect(running).toBe(2);
    while (releases.length > 0) {
      releases.shift()?.();
      await tick();
    }
    await settle(Promise.all(jobs));
    expect(peak).toBe(2);
  });

  it('passes a failing job’s error to its caller and keeps serving the others', async () => {
    const limiter = make('discogs', { burst: 5, refillAmount: 1, refillIntervalMs: 1000, maxConcurrent: 1 });
    const boom = new Error('boom');
    const failing = limiter.schedule(async () => {
      throw boom;
    });
    const next = limiter.schedule(async () => 'fine');
    await expect(settle(failing)).rejects.toBe(boom);
    await expect(settle(next)).resolves.toBe('fine');
  });

  it('lowers the bucket when the server says fewer remain, and never raises it', async () => {
    const limiter = make('hardcover', { burst: 10, refillAmount: 1, refillIntervalMs: 1000 });
    await settle(limiter.observe({ window: { remaining: 2 }, daily: { remaining: 4000 } }));
    expect(await settle(limiter.available())).toBe(2);
    await settle(limiter.observe({ window: { remaining: 9 } }));
    expect(await settle(limiter.available())).toBe(2);
    await settle(limiter.observe({ window: { remaining: 8 }, daily: { remaining: 1 } }));
    expect(await settle(limiter.available())).toBe(1);
    await settle(limiter.observe({}));
    expect(await settle(limiter.available())).toBe(1);
  });

  it('makes queued jobs wait for the refill after drain (a 429)', async () => {
    const limiter = make('discogs', { burst: 5, refillAmount: 1, refillIntervalMs: 1000 });
    await settle(limiter.drain());
    const ran: string[] = [];
    scheduleMany(limiter, 2, ran);
    await tick();
    expect(ran).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1100);
    expect(ran).toHaveLength(1);
  });

  it('rejects waiting jobs when stopped, and new ones afterwards', async () => {
    const limiter = make('hardcover', { burst: 1, refillAmount: 1, refillIntervalMs: 60_000 });
    const ran: string[] = [];
    const [first, second] = scheduleMany(limiter, 2, ran) as [Promise<string>, Promise<string>];
    const secondOutcome = second.catch((error: unknown) => error);
    await tick();
    await expect(settle(first)).resolves.toBe('job0');
    await settle(limiter.stop());
    const stopped = await settle(secondOutcome);
    expect(stopped).toBeInstanceOf(ShelfsyncError);
    expect(stopped).toMatchObject({ code: 'interrupted', service: 'hardcover' });
    await expect(settle(limiter.schedule(async () => 'late'))).rejects.toMatchObject({ code: 'interrupted' });
    expect(ran).toEqual(['job0']);
  });

  it('works without any limits, as a pass-through', async () => {
    const limiter = make('audiobookshelf');
    const ran: string[] = [];
    await settle(Promise.all(scheduleMany(limiter, 50, ran)));
    expect(ran).toHaveLength(50);
    expect(await settle(limiter.available())).toBeNull();
  });

  it('counts the jobs waiting for a token and those waiting for a slot', async () => {
    const limiter = make('hardcover', {
      burst: 2,
      refillAmount: 1,
      refillIntervalMs: 60_000,
      maxConcurrent: 1,
    });
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 4 }, () =>
      leftRunning(
        limiter.schedule(
          () =>
            new Promise<void>((resolve) => {
              releases.push(resolve);
            }),
        ),
      ),
    );
    await tick();
    // One runs, one holds a token and waits for the slot, two wait for tokens.
    expect(releases).toHaveLength(1);
    expect(limiter.waiting()).toBe(3);
    releases.shift()?.();
    await tick();
    expect(limiter.waiting()).toBe(2);
    releases.shift()?.();
    await tick();
    expect(limiter.waiting()).toBe(2);
    expect(jobs).toHaveLength(4);
  });

  it('refuses a job after stop with a sentence naming the service', async () => {
    const limiter = make('hardcover', { burst: 1, refillAmount: 1, refillIntervalMs: 60_000 });
    await settle(limiter.stop());
    await expect(settle(limiter.schedule(async () => 'late'))).rejects.toMatchObject({
      code: 'interrupted',
      service: 'hardcover',
      message: 'The Hardcover client was closed before this request could be sent.',
    });
  });

  it('rejects settings that would leave the bucket empty for good', () => {
    for (const options of [
      { burst: 10 },
      { burst: 10, refillAmount: 1 },
      { burst: 10, refillIntervalMs: 1000 },
    ]) {
      expect(() => createRateLimiter('hardcover', options)).toThrow(
        'Rate limiter for Hardcover: a limiter with a burst needs refillAmount and refillIntervalMs.',
      );
    }
    expect(() => createRateLimiter('hardcover', { burst: 0, refillAmount: 1, refillIntervalMs: 1 })).toThrow(
      /burst/,
    );
    expect(() => createRateLimiter('hardcover', { maxConcurrent: 1.5 })).toThrow(/maxConcurrent/);
  });
});
