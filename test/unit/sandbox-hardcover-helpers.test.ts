import { describe, expect, it } from 'vitest';
import { localDate, timestamp, timestamptz, toTimestamptz } from '../../sandbox/hardcover/library/dates.ts';
import { isbn10To13, isValidIsbn10, isValidIsbn13, stripIsbn } from '../../sandbox/hardcover/library/isbn.ts';
import { selectJsonPath } from '../../sandbox/hardcover/query/json-path.ts';
import { canonicalJson } from '../../sandbox/hardcover/query/values.ts';

describe('ISBN helpers', () => {
  it('strips hyphens and spaces', () => {
    expect(stripIsbn('978-0-547-92822-7')).toBe('9780547928227');
    expect(stripIsbn(' 0 547 92822 x ')).toBe('054792822X');
    expect(stripIsbn('--')).toBeNull();
    expect(stripIsbn(null)).toBeNull();
  });

  it('checks ISBN-10 and ISBN-13 check digits and derives ISBN-13', () => {
    expect(isValidIsbn10('054792822X')).toBe(true);
    expect(isValidIsbn10('0547928222')).toBe(false);
    expect(isValidIsbn13('9780547928227')).toBe(true);
    expect(isValidIsbn13('9780547928228')).toBe(false);
    expect(isbn10To13('054792822X')).toBe('9780547928227');
  });
});

describe('dates', () => {
  it('prints timestamps as Postgres does', () => {
    expect(timestamptz(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02T03:04:05+00:00');
    expect(timestamptz(Date.UTC(2026, 0, 2, 3, 4, 5, 500))).toBe('2026-01-02T03:04:05.5+00:00');
    expect(timestamp(Date.UTC(2026, 0, 2))).toBe('2026-01-02T00:00:00');
    expect(toTimestamptz('2025-11-02T10:00:00Z')).toBe('2025-11-02T10:00:00+00:00');
    expect(toTimestamptz('whenever')).toBe('whenever');
  });

  it('gives the calendar date in the user’s time zone', () => {
    const lateUtc = Date.UTC(2026, 2, 10, 23, 30);
    expect(localDate(lateUtc, 'UTC')).toBe('2026-03-10');
    expect(localDate(lateUtc, 'Europe/Berlin')).toBe('2026-03-11');
    expect(localDate(lateUtc, 'America/New_York')).toBe('2026-03-10');
    expect(localDate(lateUtc, 'Not/A_Zone')).toBe('2026-03-10');
  });
});

describe('selectJsonPath', () => {
  const value = { author: { name: 'Ann', tags: ['a', 'b'] }, 'odd key': 1 };

  it('walks keys and indexes with or without a leading $', () => {
    expect(selectJsonPath(value, '$.author.name')).toBe('Ann');
    expect(selectJsonPath(value, 'author.tags[1]')).toBe('b');
    expect(selectJsonPath([value], '[0].author.name')).toBe('Ann');
    expect(selectJsonPath(value, '$["odd key"]')).toBe(1);
    expect(selectJsonPath(value, '$')).toEqual(value);
  });

  it('gives null for a missing step and an error for a bad path', () => {
    expect(selectJsonPath(value, 'author.missing.deeper')).toBeNull();
    expect(selectJsonPath(value, 'author.tags[9]')).toBeNull();
    expect(() => selectJsonPath(value, 'author..name')).toThrow(/json path/);
  });
});

describe('canonicalJson', () => {
  it('ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
  });
});
