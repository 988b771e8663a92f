import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/core/http/retry-after.ts';

/** 2026-08-20 12:00:00.300 UTC: a third of a second past the full second, so dates leave a fraction. */
const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0) + 300;

describe('parseRetryAfter rounds up, never waking before the server allows', () => {
  it.each([
    ['0.2', 1],
    ['1.2', 2],
    ['1.5', 2],
    ['2.01', 3],
    ['7', 7],
  ])('reads the delay %j as %i seconds', (value, seconds) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(seconds);
  });

  it('reads an HTTP date 61.7 seconds ahead as 62 seconds', () => {
    expect(parseRetryAfter('Thu, 20 Aug 2026 12:01:02 GMT', NOW_MS)).toBe(62);
  });

  it('reads an HTTP date 0.7 seconds ahead as 1 second, not "now"', () => {
    expect(parseRetryAfter('Thu, 20 Aug 2026 12:00:01 GMT', NOW_MS)).toBe(1);
  });

  it('reads the current second, already 0.3 seconds gone, as now', () => {
    expect(parseRetryAfter('Thu, 20 Aug 2026 12:00:00 GMT', NOW_MS)).toBe(0);
  });
});
