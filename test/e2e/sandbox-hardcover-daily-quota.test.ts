/** `startSandbox({ hardcoverDailyQuota })`: a tiny daily quota, its headers, exhaustion and reset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { parseRateLimitHeaders } from '../../src/core/ratelimit/headers.ts';

/** Noon UTC, so no day boundary falls inside the test. */
const NOON = Date.UTC(2026, 2, 10, 12);

const ME = JSON.stringify({ query: '{ me { id } }' });

describe('sandbox Hardcover daily quota option', () => {
  let sandbox: Sandbox;
  let origin: string;
  const [first, second] = [0, 1];

  beforeAll(async () => {
    // rateScale 10 would make the default quota 50,000: the option is exact, not scaled.
    sandbox = await startSandbox({
      seed: 3,
      books: 20,
      records: 5,
      rateScale: 10,
      hardcoverDailyQuota: 4,
      clock: new ManualClock(NOON),
    });
    origin = new URL(sandbox.info.hardcover.url).origin;
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  const post = (user: number, body = ME) =>
    fetch(sandbox.info.hardcover.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sandbox.info.hardcover.users[user]?.token}`,
      },
      body,
    });

  it('counts down the daily quota in the headers a client reads, then answers 429 until reset', async () => {
    const remaining: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post(first);
      expect(response.status).toBe(200);
      remaining.push(parseRateLimitHeaders(response.headers, NOON).daily?.remaining);
      expect(response.headers.get('x-ratelimit-daily-limit')).toBe('4');
    }
    expect(remaining).toEqual([3, 2, 1]);

    // Two fields cost two units; with one left the request is refused whole, and nothing is charged.
    const tooBig = await post(first, JSON.stringify({ query: '{ a: me { id } b: me { id } }' }));
    expect(tooBig.status).toBe(429);
    expect(await tooBig.json()).toEqual({ error: 'Too Many Requests', message: expect.any(String) });
    expect(tooBig.headers.get('retry-after')).toBe(String(12 * 3600));
    expect(tooBig.headers.get('ratelimit')).toMatch(/"daily";r=1;/);

    expect((await post(first)).status).toBe(200);
    const exhausted = await post(first);
    expect(exhausted.status).toBe(429);
    expect(exhausted.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    expect(exhausted.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(parseRateLimitHeaders(exhausted.headers, NOON).daily).toMatchObject({
      limit: 4,
      remaining: 0,
    });

    // Quotas are per token: the other user still has the whole day's.
    expect((await post(second)).status).toBe(200);
    const stats = (await (await fetch(`${origin}/__sandbox/stats`)).json()) as Record<string, unknown>;
    const ids = sandbox.info.hardcover.users.map((user) => String(user.hardcoverUserId));
    expect(stats.dailyQuota).toBe(4);
    expect(stats.dailyRemaining).toEqual({ [ids[first] ?? '']: 0, [ids[second] ?? '']: 3 });
    expect((stats.status as Record<string, number>)['429']).toBe(2);
  });

  it('POST /__sandbox/reset-quota starts a new day for every token', async () => {
    const reset = await fetch(`${origin}/__sandbox/reset-quota`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const response = await post(first);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-daily-remaining')).toBe('3');
    expect((await fetch(`${origin}/__sandbox/reset-quota`)).status).toBe(404);
  });
});
