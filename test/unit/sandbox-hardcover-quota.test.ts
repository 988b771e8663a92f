import { describe, expect, it } from 'vitest';
import { TokenQuota } from '../../sandbox/hardcover/gateway/quota.ts';
import { ManualClock } from '../../src/core/clock.ts';

const NOON = Date.UTC(2026, 4, 20, 12, 0, 0);
const policy = { plan: 'Free', burst: 10, perMinute: 60, daily: 5000 };

describe('TokenQuota', () => {
  it('lets a burst through, then refuses with the seconds until enough units return', () => {
    const quota = new TokenQuota(policy, new ManualClock(NOON));
    expect(quota.charge(10)).toEqual({ ok: true });
    expect(quota.charge(1)).toEqual({ ok: false, limit: 'burst', retryAfterSeconds: 1 });
    expect(quota.charge(4)).toEqual({ ok: false, limit: 'burst', retryAfterSeconds: 4 });
  });

  it('refuses a request whole when it needs more units than remain', () => {
    const clock = new ManualClock(NOON);
    const quota = new TokenQuota(policy, clock);
    quota.charge(8);
    expect(quota.charge(3).ok).toBe(false);
    expect(quota.charge(2).ok).toBe(true);
  });

  it('refills continuously and never beyond the burst size', () => {
    const clock = new ManualClock(NOON);
    const quota = new TokenQuota(policy, clock);
    quota.charge(10);
    clock.advance(2500);
    expect(quota.charge(2).ok).toBe(true);
    expect(quota.charge(1).ok).toBe(false);
    clock.advance(3_600_000);
    expect(quota.charge(10).ok).toBe(true);
    expect(quota.charge(1).ok).toBe(false);
  });

  it('refuses for the rest of the UTC day once the daily quota is used, then starts again', () => {
    const clock = new ManualClock(Date.UTC(2026, 4, 20, 23, 59, 0));
    const quota = new TokenQuota({ ...policy, daily: 3 }, clock);
    expect(quota.charge(3).ok).toBe(true);
    clock.advance(30_000);
    expect(quota.charge(1)).toEqual({ ok: false, limit: 'daily', retryAfterSeconds: 30 });
    clock.advance(30_000);
    expect(quota.charge(1).ok).toBe(true);
    expect(quota.dailyRemaining()).toBe(2);
  });

  it('describes its standing in the documented headers', () => {
    const clock = new ManualClock(NOON);
    const quota = new TokenQuota(policy, clock);
    quota.charge(2);
    expect(quota.headers()).toEqual({
      'ratelimit-policy': '"Free";q=60;w=60;burst=10, "daily";q=5000;w=86400',
      ratelimit: '"Free";r=8;t=2, "daily";r=4998;t=43200',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '8',
      'x-ratelimit-reset': String(NOON / 1000 + 2),
      'x-ratelimit-daily-limit': '5000',
      'x-ratelimit-daily-remaining': '4998',
      'x-ratelimit-daily-reset': String(Date.UTC(2026, 4, 21) / 1000),
    });
  });

  it('reports the stricter of burst and daily as X-RateLimit-Remaining', () => {
    const quota = new TokenQuota({ ...policy, daily: 4 }, new ManualClock(NOON));
    quota.charge(1);
    expect(quota.headers()['x-ratelimit-remaining']).toBe('3');
  });

  it('reads as empty for an injected 429', () => {
    const quota = new TokenQuota(policy, new ManualClock(NOON));
    const headers = quota.headers(7);
    expect(headers.ratelimit).toMatch(/^"Free";r=0;t=7,/);
    expect(headers['x-ratelimit-remaining']).toBe('0');
    expect(headers['x-ratelimit-reset']).toBe(String(NOON / 1000 + 7));
  });
});
