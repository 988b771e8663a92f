import { describe, expect, it } from 'vitest';
import { parseHeaderList } from '../../src/core/ratelimit/header-list.ts';
import { parseRateLimitHeaders } from '../../src/core/ratelimit/headers.ts';

const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0);

describe('parseRateLimitHeaders: dialects met together', () => {
  it('joins a draft 07 dictionary to the unnamed policy of an older draft', () => {
    const info = parseRateLimitHeaders(
      { ratelimit: 'limit=5000, remaining=10, reset=300', 'ratelimit-policy': '5000;w=86400' },
      NOW_MS,
    );
    expect(info.window).toBeUndefined();
    expect(info.daily).toEqual({ limit: 5000, windowSeconds: 86400, remaining: 10, resetSeconds: 300 });
  });

  it('reads draft 07 values with spaces after the equals sign', () => {
    const info = parseRateLimitHeaders({ ratelimit: 'limit= 100, remaining=  5, reset= 12' }, NOW_MS);
    expect(info.window).toEqual({ limit: 100, remaining: 5, resetSeconds: 12 });
  });

  it('reads a policy name that holds an equals sign as a name, not as draft 07 keys', () => {
    const info = parseRateLimitHeaders({ ratelimit: '"Free (burst=10)";r=8;t=42' }, NOW_MS);
    expect(info.window).toEqual({ remaining: 8, resetSeconds: 42 });
  });

  it('reads a Discogs answer that gives only the remaining count', () => {
    const info = parseRateLimitHeaders({ 'x-discogs-ratelimit-remaining': '12' }, NOW_MS);
    expect(info.window).toEqual({ remaining: 12, windowSeconds: 60 });
  });

  it('gives neither a window nor a daily quota for a response without rate-limit headers', () => {
    const info = parseRateLimitHeaders({ 'content-type': 'application/json' }, NOW_MS);
    expect(info.window).toBeUndefined();
    expect(info.daily).toBeUndefined();
  });
});

describe('parseHeaderList of an absent header', () => {
  it('gives no items', () => {
    expect(parseHeaderList(undefined)).toEqual([]);
  });
});
