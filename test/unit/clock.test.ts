import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/core/clock.ts';

describe('ManualClock', () => {
  it('starts at 2026-01-01 UTC unless told otherwise, and moves only when told', () => {
    expect(new ManualClock().now()).toBe(Date.UTC(2026, 0, 1));
    const clock = new ManualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(250);
    expect(clock.now()).toBe(1250);
    clock.set(5);
    expect(clock.now()).toBe(5);
  });
});

describe('systemClock', () => {
  it('tells the time of the computer', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
