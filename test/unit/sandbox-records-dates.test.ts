import { describe, expect, it } from 'vitest';
import {
  discogsDuration,
  discogsTimestamp,
  parseDiscogsDuration,
  soundcloudTimestamp,
} from '../../sandbox/records/dates.ts';

describe('discogsTimestamp', () => {
  it.each([
    [Date.UTC(2015, 3, 14, 10, 23, 29), '2015-04-14T03:23:29-07:00'],
    [Date.UTC(2009, 0, 20, 8, 0, 0), '2009-01-20T00:00:00-08:00'],
    // 2024: daylight time from 10 March 10:00 UTC to 3 November 09:00 UTC.
    [Date.UTC(2024, 2, 10, 9, 59, 59), '2024-03-10T01:59:59-08:00'],
    [Date.UTC(2024, 2, 10, 10, 0, 0), '2024-03-10T03:00:00-07:00'],
    [Date.UTC(2024, 10, 3, 8, 59, 59), '2024-11-03T01:59:59-07:00'],
    [Date.UTC(2024, 10, 3, 9, 0, 0), '2024-11-03T01:00:00-08:00'],
    // Before 2007: first Sunday of April to last Sunday of October.
    [Date.UTC(2006, 3, 1, 12), '2006-04-01T04:00:00-08:00'],
    [Date.UTC(2006, 3, 2, 12), '2006-04-02T05:00:00-07:00'],
    [Date.UTC(2006, 9, 30, 12), '2006-10-30T04:00:00-08:00'],
  ])('formats %i in Pacific time with its offset', (ms, expected) => {
    expect(discogsTimestamp(ms)).toBe(expected);
    expect(Date.parse(expected)).toBe(ms);
  });
});

describe('soundcloudTimestamp', () => {
  it.each([
    [Date.UTC(2019, 0, 15, 15, 40, 49), '2019/01/15 15:40:49 +0000'],
    [Date.UTC(2000, 1, 29), '2000/02/29 00:00:00 +0000'],
    [Date.UTC(1999, 11, 31, 23, 59, 59, 999), '1999/12/31 23:59:59 +0000'],
    [Date.UTC(2100, 2, 1, 1, 2, 3), '2100/03/01 01:02:03 +0000'],
  ])('formats %i as SoundCloud does', (ms, expected) => {
    expect(soundcloudTimestamp(ms)).toBe(expected);
  });

  it('agrees with Date for a spread of instants', () => {
    for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 86_400_000 * 37 + 3_723_000) {
      const iso = new Date(ms).toISOString();
      expect(soundcloudTimestamp(ms)).toBe(
        `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)} +0000`,
      );
    }
  });
});

describe('Discogs durations', () => {
  it.each([
    [225, '3:45'],
    [59, '0:59'],
    [600, '10:00'],
    [3725, '1:02:05'],
  ])('writes %i seconds as %s and reads it back', (seconds, text) => {
    expect(discogsDuration(seconds)).toBe(text);
    expect(parseDiscogsDuration(text)).toBe(seconds);
  });

  it.each(['', '3', 'abc', '3:4a'])('reads %j as unknown', (text) => {
    expect(parseDiscogsDuration(text)).toBeUndefined();
  });
});
