import { describe, expect, it } from 'vitest';
import { parseCount, parseHeaderList } from '../../src/core/ratelimit/header-list.ts';
import { parseRateLimitHeaders, remainingUnits } from '../../src/core/ratelimit/headers.ts';

const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0);
const nowSeconds = NOW_MS / 1000;

describe('parseHeaderList', () => {
  it('reads named items with parameters, commas and semicolons inside quotes included', () => {
    expect(parseHeaderList('"Free";r=8;t=42, "da,i;ly";r=4231;t=51234')).toEqual([
      { value: 'Free', params: { r: '8', t: '42' } },
      { value: 'da,i;ly', params: { r: '4231', t: '51234' } },
    ]);
  });

  it('reads bare numbers, tokens and parameters without values', () => {
    expect(parseHeaderList('100;w=60, burst;flag')).toEqual([
      { value: '100', params: { w: '60' } },
      { value: 'burst', params: { flag: '' } },
    ]);
  });

  it('reads escaped quotes and backslashes inside quotes, and keeps a dangling backslash', () => {
    expect(parseHeaderList('"a\\"b,c";r="1\\"2", "x\\\\y";;=5')).toEqual([
      { value: 'a"b,c', params: { r: '1"2' } },
      { value: 'x\\y', params: {} },
    ]);
    expect(parseHeaderList('"ab\\')).toEqual([{ value: '"ab\\', params: {} }]);
  });

  it('trims spaces around items, parameter names and values', () => {
    expect(parseHeaderList(' "Free" ; R = 8 ;t= 42 , burst ')).toEqual([
      { value: 'Free', params: { r: '8', t: '42' } },
      { value: 'burst', params: {} },
    ]);
  });

  it('unquotes only a value that both starts and ends with a quote', () => {
    expect(parseHeaderList('""').map((item) => item.value)).toEqual(['']);
    expect(parseHeaderList('"').map((item) => item.value)).toEqual(['"']);
    expect(parseHeaderList('ab"').map((item) => item.value)).toEqual(['ab"']);
    expect(parseHeaderList('"ab').map((item) => item.value)).toEqual(['"ab']);
  });

  it('gives nothing for an empty header', () => {
    expect(parseHeaderList('')).toEqual([]);
    expect(parseHeaderList(' , ')).toEqual([]);
  });
});

describe('parseRateLimitHeaders', () => {
  it('reads Hardcover: IETF RateLimit with named policies, burst and a daily quota', () => {
    const info = parseRateLimitHeaders(
      {
        'ratelimit-policy': '"Free";q=60;w=60;burst=10, "daily";q=5000;w=86400',
        ratelimit: '"Free";r=8;t=42, "daily";r=4231;t=51234',
      },
      NOW_MS,
    );
    expect(info).toEqual({
      window: { limit: 60, windowSeconds: 60, burst: 10, remaining: 8, resetSeconds: 42 },
      daily: { limit: 5000, windowSeconds: 86400, remaining: 4231, resetSeconds: 51234 },
    });
    expect(remainingUnits(info)).toBe(8);
  });

  it('prefers the IETF numbers and fills gaps from Hardcover legacy headers (Unix-time resets)', () => {
    const info = parseRateLimitHeaders(
      {
        ratelimit: '"Free";r=3;t=7',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '2',
        'x-ratelimit-reset': String(nowSeconds + 7),
        'x-ratelimit-daily-limit': '5000',
        'x-ratelimit-daily-remaining': '17',
        'x-ratelimit-daily-reset': String(nowSeconds + 3600),
      },
      NOW_MS,
    );
    expect(info.window).toEqual({ limit: 10, remaining: 3, resetSeconds: 7 });
    expect(info.daily).toEqual({ limit: 5000, remaining: 17, resetSeconds: 3600 });
  });

  it('reads legacy headers alone, with the reset as Unix seconds, Unix milliseconds or a delay', () => {
    const seconds = parseRateLimitHeaders(
      {
        'X-RateLimit-Limit': '60',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(nowSeconds + 30),
      },
      NOW_MS,
    );
    expect(seconds.window).toEqual({ limit: 60, remaining: 0, resetSeconds: 30 });
    const millis = parseRateLimitHeaders({ 'x-ratelimit-reset': String(NOW_MS + 1500) }, NOW_MS);
    expect(millis.window?.resetSeconds).toBe(2);
    const delay = parseRateLimitHeaders({ 'x-ratelimit-reset': '45' }, NOW_MS);
    expect(delay.window?.resetSeconds).toBe(45);
    const past = parseRateLimitHeaders({ 'x-ratelimit-reset': String(nowSeconds - 100) }, NOW_MS);
    expect(past.window?.resetSeconds).toBe(0);
  });

  it('reads Discogs: limit, used and remaining over a 60-second moving window', () => {
    const info = parseRateLimitHeaders(
      {
        'x-discogs-ratelimit': '60',
        'x-discogs-ratelimit-used': '45',
        'x-discogs-ratelimit-remaining': '15',
      },
      NOW_MS,
    );
    expect(info).toEqual({ window: { limit: 60, used: 45, remaining: 15, windowSeconds: 60 } });
  });

  it('works out Discogs remaining from limit and used when remaining is missing', () => {
    const info = parseRateLimitHeaders(
      { 'x-discogs-ratelimit': '25', 'x-discogs-ratelimit-used': '30' },
      NOW_MS,
    );
    expect(info.window?.remaining).toBe(0);
  });

  it('reads the older IETF draft: separate RateLimit-Limit/-Remaining/-Reset and an unnamed policy', () => {
    const info = parseRateLimitHeaders(
      {
        'ratelimit-limit': '100',
        'ratelimit-remaining': '50',
        'ratelimit-reset': '30',
        'ratelimit-policy': '100;w=60',
      },
      NOW_MS,
    );
    expect(info).toEqual({ window: { limit: 100, remaining: 50, resetSeconds: 30, windowSeconds: 60 } });
  });

  it('reads draft 07 dictionary syntax', () => {
    const info = parseRateLimitHeaders({ ratelimit: 'limit=100, remaining=5, reset=12' }, NOW_MS);
    expect(info.window).toEqual({ limit: 100, remaining: 5, resetSeconds: 12 });
  });

  it('picks the policy that runs out first among several short windows', () => {
    const info = parseRateLimitHeaders(
      {
        'ratelimit-policy': '"second";q=10;w=1, "minute";q=100;w=60',
        ratelimit: '"second";r=9;t=1, "minute";r=2;t=40',
      },
      NOW_MS,
    );
    expect(info.window).toEqual({ limit: 100, windowSeconds: 60, remaining: 2, resetSeconds: 40 });
    expect(info.daily).toBeUndefined();
  });

  it('tells a daily policy by its window length even when it is not called daily', () => {
    const info = parseRateLimitHeaders(
      { 'ratelimit-policy': '"a";q=60;w=60, "b";q=5000;w=86400', ratelimit: '"a";r=50;t=10, "b";r=1;t=999' },
      NOW_MS,
    );
    expect(info.window?.remaining).toBe(50);
    expect(info.daily?.remaining).toBe(1);
  });

  it('tells a daily policy by its name when there is no policy header', () => {
    const info = parseRateLimitHeaders({ ratelimit: '"Free";r=8;t=42, "daily";r=4231;t=51234' }, NOW_MS);
    expect(info.window).toEqual({ remaining: 8, resetSeconds: 42 });
    expect(info.daily).toEqual({ remaining: 4231, resetSeconds: 51234 });
  });

  it('keeps a policy that has no matching RateLimit entry', () => {
    const info = parseRateLimitHeaders({ 'ratelimit-policy': '"Free";q=60;w=60;burst=15' }, NOW_MS);
    expect(info.window).toEqual({ limit: 60, windowSeconds: 60, burst: 15 });
  });

  it('accepts a fetch Headers object and repeated header values', () => {
    const headers = new Headers();
    headers.append('RateLimit', '"Free";r=4;t=5');
    headers.append('RateLimit', '"daily";r=100;t=600');
    const info = parseRateLimitHeaders(headers, NOW_MS);
    expect(info.window?.remaining).toBe(4);
    expect(info.daily?.remaining).toBe(100);
    const fromArray = parseRateLimitHeaders({ ratelimit: ['"Free";r=4;t=5', '"daily";r=100;t=600'] }, NOW_MS);
    expect(fromArray).toEqual(info);
  });

  it('ignores garbage, negative and missing values instead of inventing numbers', () => {
    expect(
      parseRateLimitHeaders(
        { 'x-ratelimit-remaining': '-3', 'x-ratelimit-limit': 'lots', ratelimit: '"Free";r=abc;t=' },
        NOW_MS,
      ),
    ).toEqual({});
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' }, NOW_MS)).toEqual({});
  });

  it('reports no remaining units when no header says', () => {
    expect(remainingUnits({})).toBeUndefined();
    expect(remainingUnits({ window: { limit: 10 } })).toBeUndefined();
    expect(remainingUnits({ window: { remaining: 9 }, daily: { remaining: 3 } })).toBe(3);
  });
});

describe('parseCount', () => {
  it.each([
    ['42', 42],
    [' 7 ', 7],
    ['1.25', 1.25],
    ['0', 0],
    ['5e3', undefined],
    ['-1', undefined],
    ['1.', undefined],
    ['1.x', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });
});

describe('parseRateLimitHeaders: edges', () => {
  const now = 999_999_990_000;

  it('gives no window and no daily quota when no header says anything', () => {
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' }, now)).toEqual({});
  });

  it('reads a Discogs answer that gives only the limit, or only the count used', () => {
    expect(parseRateLimitHeaders({ 'x-discogs-ratelimit': '60' }, now)).toEqual({
      window: { limit: 60, windowSeconds: 60 },
    });
    expect(parseRateLimitHeaders({ 'x-discogs-ratelimit-used': '5' }, now)).toEqual({
      window: { used: 5, windowSeconds: 60 },
    });
  });

  it('reads a reset at exactly the first Unix time in milliseconds and in seconds', () => {
    expect(parseRateLimitHeaders({ 'x-ratelimit-reset': '1000000000000' }, now).window?.resetSeconds).toBe(
      10,
    );
    const inSeconds = parseRateLimitHeaders({ 'x-ratelimit-reset': '1000000000' }, 999_999_000_000);
    expect(inSeconds.window?.resetSeconds).toBe(1000);
    expect(parseRateLimitHeaders({ 'x-ratelimit-reset': '999999999' }, now).window?.resetSeconds).toBe(
      999_999_999,
    );
  });

  it('reads the first of several limits in RateLimit-Limit', () => {
    expect(parseRateLimitHeaders({ 'ratelimit-limit': '100, 100;w=60' }, now).window?.limit).toBe(100);
  });

  it('keeps the first of two policies with the same name', () => {
    const info = parseRateLimitHeaders(
      { 'ratelimit-policy': '"Free";q=60;w=60, "Free";q=5;w=60', ratelimit: '"Free";r=8' },
      now,
    );
    expect(info.window).toEqual({ limit: 60, windowSeconds: 60, remaining: 8 });
  });

  it('does not read a dictionary when only some members are key=value', () => {
    const info = parseRateLimitHeaders({ ratelimit: 'limit=100, "Free";r=3' }, now);
    expect(info.window?.remaining).toBe(3);
  });
});
