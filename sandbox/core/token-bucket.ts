import type { Clock } from '../../src/core/clock.ts';

/**
 * The server side of a vendor's token bucket, as a stand-in must enforce it: a request either gets a
 * token now or is refused with the time until one is available. Our client never uses this; it
 * waits through Bottleneck instead. Kept here because it simulates the vendor, driven by a clock.
 */
export class TokenBucket {
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;

  constructor(capacity: number, refillPerSecond: number, clock: Clock) {
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.clock = clock;
    this.tokens = capacity;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    this.updatedAt = now;
  }

  /** Takes `cost` tokens if they are there. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens + 1e-9 < cost) return false;
    this.tokens -= cost;
    return true;
  }

  remaining(): number {
    this.refill();
    return Math.floor(this.tokens + 1e-9);
  }

  /** Seconds until `cost` tokens are available (0 when they are). */
  secondsUntil(cost = 1): number {
    this.refill();
    const missing = cost - this.tokens;
    return missing <= 0 ? 0 : Math.ceil(missing / this.refillPerSecond);
  }

  /** Seconds until the bucket is full again. */
  secondsUntilFull(): number {
    this.refill();
    return Math.ceil((this.capacity - this.tokens) / this.refillPerSecond);
  }
}
