import type { Clock } from '../../src/core/clock.ts';

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  used: number;
  remaining: number;
}

/**
 * Discogs' limit: per source IP, requests in the last 60 s (a moving window; an idle minute empties
 * it). Refused requests are not counted, so a client that waits is served again as the window moves.
 */
export class MovingWindowLimiter {
  private readonly clock: Clock;
  private readonly windows = new Map<string, number[]>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  private window(client: string): number[] {
    const now = this.clock.now();
    const times = this.windows.get(client) ?? [];
    let expired = 0;
    while (expired < times.length && (times[expired] ?? 0) <= now - WINDOW_MS) expired += 1;
    if (expired > 0) times.splice(0, expired);
    this.windows.set(client, times);
    return times;
  }

  take(client: string, limit: number): RateDecision {
    const times = this.window(client);
    if (times.length >= limit) return { allowed: false, limit, used: times.length, remaining: 0 };
    times.push(this.clock.now());
    return { allowed: true, limit, used: times.length, remaining: limit - times.length };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateHeaders(decision: RateDecision): Record<string, string> {
  return {
    'x-discogs-ratelimit': String(decision.limit),
    'x-discogs-ratelimit-used': String(decision.used),
    'x-discogs-ratelimit-remaining': String(decision.remaining),
  };
}
