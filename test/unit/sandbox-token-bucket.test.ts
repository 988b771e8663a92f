import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../sandbox/core/token-bucket.ts';
import { ManualClock } from '../../src/core/clock.ts';

describe('TokenBucket (stand-in side)', () => {
  it('allows a burst, refuses the next, and refills over time', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(10, 1, clock);
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.secondsUntil()).toBe(1);
    clock.advance(1000);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than its capacity', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(5, 2, clock);
    clock.advance(60_000);
    expect(bucket.remaining()).toBe(5);
  });

  it('charges several units at once and says how long until they are there', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(10, 1, clock);
    expect(bucket.take(8)).toBe(true);
    expect(bucket.take(3)).toBe(false);
    expect(bucket.secondsUntil(3)).toBe(1);
    expect(bucket.secondsUntilFull()).toBe(8);
  });
});
