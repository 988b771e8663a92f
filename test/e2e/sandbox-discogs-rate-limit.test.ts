import { afterEach, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

describe('Discogs stand-in: rate limit (moving 60 s window per client IP)', () => {
  let discogs: DiscogsHarness | undefined;
  afterEach(async () => {
    await discogs?.stop();
    discogs = undefined;
  });

  const burst = async (harness: DiscogsHarness, count: number, token?: string | null) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = await harness.call('/releases/0', token === undefined ? {} : { token });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    return statuses;
  };

  it('serves 60 authenticated requests a minute and refuses the 61st with 429', async () => {
    discogs = await startDiscogs({ rateScale: 1 });
    const first = await discogs.call(`/users/${discogs.username}`);
    expect(first.headers.get('x-discogs-ratelimit')).toBe('60');
    expect(first.headers.get('x-discogs-ratelimit-used')).toBe('1');
    expect(first.headers.get('x-discogs-ratelimit-remaining')).toBe('59');
    expect((await burst(discogs, 59)).every((status) => status === 404)).toBe(true);

    const refused = await discogs.call(`/users/${discogs.username}`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ message: 'You are making requests too quickly.' });
    expect(refused.headers.get('x-discogs-ratelimit')).toBe('60');
    expect(refused.headers.get('x-discogs-ratelimit-used')).toBe('60');
    expect(refused.headers.get('x-discogs-ratelimit-remaining')).toBe('0');

    const stats = discogs.running.stats();
    expect(stats.requests).toBe(61);
    expect(stats.units).toBe(60);
    expect(stats.status).toEqual({ '200': 1, '404': 59, '429': 1 });
  });

  it('allows only 25 a minute without authentication', async () => {
    discogs = await startDiscogs({ rateScale: 1 });
    const statuses = await burst(discogs, 26, null);
    expect(statuses.slice(0, 25).every((status) => status === 404)).toBe(true);
    expect(statuses[25]).toBe(429);
    const response = await discogs.call('/releases/0', { token: null });
    expect(response.headers.get('x-discogs-ratelimit')).toBe('25');
  });

  it('moves the window: a slot frees up when the oldest request is 60 s old', async () => {
    discogs = await startDiscogs({ rateScale: 1 });
    await burst(discogs, 30);
    discogs.clock.advance(30_000);
    await burst(discogs, 30);
    expect(await burst(discogs, 1)).toEqual([429]);

    discogs.clock.advance(29_999);
    expect(await burst(discogs, 1)).toEqual([429]);
    discogs.clock.advance(1);
    // The first 30 have aged out; the 30 from the second half-minute still count.
    const response = await discogs.call('/releases/0');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-discogs-ratelimit-used')).toBe('31');
    expect(response.headers.get('x-discogs-ratelimit-remaining')).toBe('29');
  });

  it('resets after a minute without requests', async () => {
    discogs = await startDiscogs({ rateScale: 1 });
    await burst(discogs, 60);
    expect(await burst(discogs, 1)).toEqual([429]);
    discogs.clock.advance(60_000);
    const response = await discogs.call('/releases/0');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-discogs-ratelimit-used')).toBe('1');
  });

  it('scales the limit with the sandbox rate scale', async () => {
    discogs = await startDiscogs({ rateScale: 2 });
    const statuses = await burst(discogs, 121);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses[120]).toBe(429);
  });

  it('sends the rate-limit headers on error responses too', async () => {
    discogs = await startDiscogs({ rateScale: 1 });
    const response = await discogs.call('/no/such/route');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-discogs-ratelimit-remaining')).toBe('59');
  });
});
