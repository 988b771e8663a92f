import { describe, expect, it } from 'vitest';
import { heartbeatFor } from '../../src/core/ratelimit/limiter.ts';
import { HARDCOVER_LIMITS, limiterFor } from '../../src/upstream/hardcover/client.ts';

/** Units a minute the client's bucket hands out at most, once the first burst is spent. */
function perMinuteOf(settings: { refillAmount: number; refillIntervalMs: number }): number {
  return (settings.refillAmount * 60_000) / settings.refillIntervalMs;
}

describe('Hardcover limiter settings', () => {
  it('keeps the free plan as documented', () => {
    expect(limiterFor({ url: 'http://x', token: 't' })).toBe(HARDCOVER_LIMITS);
  });

  it.each([61, 70, 90, 120, 599, 600, 601, 999, 6_000, 7_000, 60_000, 600_000])(
    'never refills faster than %i a minute, and not much slower',
    (perMinute) => {
      const settings = limiterFor({ url: 'http://x', token: 't', perMinute });
      expect(perMinuteOf(settings)).toBeLessThanOrEqual(perMinute);
      // The bucket caps what one refill may add, so a paid plan's rate is bound by it at 10 ms steps.
      const reachable = Math.min(perMinute, (settings.burst * 60_000) / 10);
      expect(perMinuteOf(settings)).toBeGreaterThanOrEqual(reachable * 0.85);
      expect(settings.refillAmount).toBeLessThanOrEqual(settings.burst);
      expect(settings.refillIntervalMs).toBeGreaterThanOrEqual(10);
    },
  );

  it('refills a fast bucket every 10 ms with a heartbeat to match', () => {
    const settings = limiterFor({ url: 'http://x', token: 't', perMinute: 60_000 });
    expect(settings).toMatchObject({ refillIntervalMs: 10, refillAmount: 10 });
    expect(heartbeatFor(settings.refillIntervalMs)).toBeLessThanOrEqual(settings.refillIntervalMs / 2);
  });
});
