import type { Clock } from '../../src/core/clock.ts';

/**
 * express-rate-limit's memory store as ABS configures it for its auth routes: 40 requests per 10 minutes
 * per IP, a fixed window that opens with the first request, `RateLimit-*` headers (draft 6) on every
 * answer and `Retry-After` on a refusal. Every request counts, refused ones included.
 */
export class LoginRateLimit {
  readonly limit: number;
  readonly windowMs: number;
  private readonly clock: Clock;
  private readonly windows = new Map<string, { hits: number; resetAt: number }>();

  /** `rateScale` multiplies the refill: the window shrinks by that factor. */
  constructor(clock: Clock, rateScale: number, limit = 40, windowMs = 10 * 60 * 1000) {
    this.clock = clock;
    this.limit = limit;
    this.windowMs = Math.max(1, Math.round(windowMs / (rateScale > 0 ? rateScale : 1)));
  }

  hit(key: string): { allowed: boolean; headers: Record<string, string> } {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { hits: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const resetSeconds = Math.max(0, Math.ceil((window.resetAt - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-policy': `${this.limit};w=${Math.ceil(this.windowMs / 1000)}`,
      'ratelimit-limit': String(this.limit),
      'ratelimit-remaining': String(Math.max(0, this.limit - window.hits)),
      'ratelimit-reset': String(resetSeconds),
    };
    const allowed = window.hits <= this.limit;
    if (!allowed) headers['retry-after'] = String(resetSeconds);
    return { allowed, headers };
  }
}
