/**
 * One token's rate limits: a token bucket (burst size, refilled continuously at the per-minute
 * rate) and a daily quota that resets at midnight UTC. Every top-level field costs one unit; a
 * request that needs more units than remain is refused whole. Headers per the docs (August 2026):
 * the IETF-draft `RateLimit-Policy`/`RateLimit` pair and the legacy `X-RateLimit-*` set.
 */
import type { Clock } from '../../../src/core/clock.ts';
import { TokenBucket } from '../../core/token-bucket.ts';

const DAY_MS = 86_400_000;

export interface QuotaPolicy {
  plan: string;
  burst: number;
  /** Units added to the bucket per minute (already multiplied by the rate scale). */
  perMinute: number;
  /** Units per UTC day (already multiplied by the rate scale). */
  daily: number;
}

export type ChargeResult = { ok: true } | { ok: false; limit: 'burst' | 'daily'; retryAfterSeconds: number };

export class TokenQuota {
  private readonly policy: QuotaPolicy;
  private readonly clock: Clock;
  private readonly bucket: TokenBucket;
  private day: number;
  private usedToday = 0;

  constructor(policy: QuotaPolicy, clock: Clock) {
    this.policy = policy;
    this.clock = clock;
    this.bucket = new TokenBucket(policy.burst, policy.perMinute / 60, clock);
    this.day = Math.floor(clock.now() / DAY_MS);
  }

  private rollDay(): void {
    const today = Math.floor(this.clock.now() / DAY_MS);
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }

  private secondsToMidnight(): number {
    return Math.max(1, (this.day + 1) * (DAY_MS / 1000) - Math.floor(this.clock.now() / 1000));
  }

  dailyRemaining(): number {
    this.rollDay();
    return Math.max(0, this.policy.daily - this.usedToday);
  }

  charge(units: number): ChargeResult {
    this.rollDay();
    if (this.usedToday + units > this.policy.daily)
      return { ok: false, limit: 'daily', retryAfterSeconds: this.secondsToMidnight() };
    if (!this.bucket.take(units))
      return { ok: false, limit: 'burst', retryAfterSeconds: Math.max(1, this.bucket.secondsUntil(units)) };
    this.usedToday += units;
    return { ok: true };
  }

  /**
   * The headers every response carries. `exhaustedFor` describes a 429 injected from outside
   * (the sandbox's fault injection): the bucket reads as empty until then.
   */
  headers(exhaustedFor?: number): Record<string, string> {
    this.rollDay();
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    const burstRemaining = exhaustedFor === undefined ? this.bucket.remaining() : 0;
    const untilFull = exhaustedFor === undefined ? this.bucket.secondsUntilFull() : exhaustedFor;
    const daily = this.dailyRemaining();
    const midnight = this.secondsToMidnight();
    const { plan, burst } = this.policy;
    const perMinute = Math.max(1, Math.round(this.policy.perMinute));
    return {
      'ratelimit-policy': `"${plan}";q=${perMinute};w=60;burst=${burst}, "daily";q=${this.policy.daily};w=86400`,
      ratelimit: `"${plan}";r=${burstRemaining};t=${untilFull}, "daily";r=${daily};t=${midnight}`,
      'x-ratelimit-limit': String(burst),
      'x-ratelimit-remaining': String(Math.min(burstRemaining, daily)),
      'x-ratelimit-reset': String(nowSeconds + untilFull),
      'x-ratelimit-daily-limit': String(this.policy.daily),
      'x-ratelimit-daily-remaining': String(daily),
      'x-ratelimit-daily-reset': String((this.day + 1) * (DAY_MS / 1000)),
    };
  }
}
