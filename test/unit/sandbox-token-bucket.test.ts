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

  it('rounds waits up to whole seconds when the rate is fractional, so a client told to wait then succeeds', () => {
    const clock = new ManualClock();
    // 3 tokens a second: one missing token takes a third of a second, said as 1 s, not 0.
    const bucket = new TokenBucket(10, 3, clock);
    expect(bucket.take(10)).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.secondsUntil()).toBe(1);
    expect(bucket.secondsUntil(4)).toBe(2);
    expect(bucket.secondsUntilFull()).toBe(4);
    clock.advance(bucket.secondsUntil(4) * 1000);
    expect(bucket.take(4)).toBe(true);
  });

  it('says how long until the tokens are there at rates below one a second', () => {
    const clock = new ManualClock();
    // Hardcover-like: 60 a minute would be 1/s; 50 a minute is 5/6 of a token each second.
    const bucket = new TokenBucket(5, 5 / 6, clock);
    expect(bucket.take(5)).toBe(true);
    expect(bucket.secondsUntil()).toBe(2);
    clock.advance(1000);
    expect(bucket.take()).toBe(false);
    expect(bucket.secondsUntil()).toBe(1);
    clock.advance(1000);
    expect(bucket.take()).toBe(true);
    expect(bucket.secondsUntil(0)).toBe(0);
  });
});
