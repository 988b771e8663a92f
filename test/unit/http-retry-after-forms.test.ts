import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/core/http/retry-after.ts';

/** 2026-08-20 12:00:00.300 UTC. */
const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0) + 300;

describe('parseRetryAfter, the forms a server may send', () => {
  it('reads the obsolete RFC 850 date form, which HTTP still asks clients to accept', () => {
    expect(parseRetryAfter('Thursday, 20-Aug-26 12:01:02 GMT', NOW_MS)).toBe(62);
  });

  it.each([
    ['2026-08-20 12:01:02', 'a date in another format, without a weekday or month name'],
    ['12:01:02', 'a bare time'],
    ['+5', 'a signed number'],
    ['-5', 'a negative delay'],
    ['', 'an empty header'],
    ['   ', 'a blank header'],
    ['-1 day', 'a negative amount in words'],
  ])('ignores %j: %s', (value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeUndefined();
  });
});
