import { describe, expect, it } from 'vitest';
import { CacheRegistry } from '../../src/core/cache/cache-registry.ts';
import { createMemoryCache } from '../../src/core/cache/memory-cache.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';

function cacheWithClock(ttlMs: number | null, max = 10) {
  const clock = new ManualClock();
  const cache = createMemoryCache<string>({ name: 'searches', max, ttlMs, clock });
  return { clock, cache };
}

describe('memory cache expiry', () => {
  it('returns an entry until its TTL has passed on the injected clock', () => {
    const { clock, cache } = cacheWithClock(1000);
    cache.set('dune', 'edition-1');
    clock.advance(999);
    expect(cache.get('dune')).toBe('edition-1');
    clock.advance(2);
    expect(cache.get('dune')).toBeUndefined();
    expect(cache.has('dune')).toBe(false);
  });

  it('does not extend an entry by reading it', () => {
    const { clock, cache } = cacheWithClock(1000);
    cache.set('dune', 'edition-1');
    clock.advance(600);
    expect(cache.get('dune')).toBe('edition-1');
    clock.advance(600);
    expect(cache.get('dune')).toBeUndefined();
  });

  it('restarts the lifetime when an entry is set again', () => {
    const { clock, cache } = cacheWithClock(1000);
    cache.set('dune', 'edition-1');
    clock.advance(800);
    cache.set('dune', 'edition-2');
    clock.advance(800);
    expect(cache.get('dune')).toBe('edition-2');
  });

  it('keeps entries without a TTL however far the clock moves', () => {
    const { clock, cache } = cacheWithClock(null);
    cache.set('dune', 'edition-1');
    clock.advance(10 * 365 * 24 * 3600 * 1000);
    expect(cache.get('dune')).toBe('edition-1');
  });
});

describe('memory cache bounds', () => {
  it('drops the least recently used entry when full', () => {
    const { cache } = cacheWithClock(null, 2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a');
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
    expect(cache.stats().size).toBe(2);
  });

  it('caches null as a value, so "not found" can be remembered', () => {
    const cache = createMemoryCache<string | null>({ name: 'isbn', max: 5, ttlMs: null });
    cache.set('9780441013593', null);
    expect(cache.has('9780441013593')).toBe(true);
    expect(cache.get('9780441013593')).toBeNull();
    expect(cache.stats().hits).toBe(1);
  });

  it('deletes and clears entries', () => {
    const { cache } = cacheWithClock(null);
    cache.set('a', '1');
    cache.set('b', '2');
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.stats().size).toBe(0);
    expect(cache.get('b')).toBeUndefined();
  });

  it.each([
    { max: 0, ttlMs: 1000 },
    { max: 1.5, ttlMs: 1000 },
    { max: 10, ttlMs: 0 },
    { max: 10, ttlMs: -5 },
    { max: 10, ttlMs: Number.POSITIVE_INFINITY },
  ])('rejects max=$max ttlMs=$ttlMs', ({ max, ttlMs }) => {
    expect(() => createMemoryCache({ name: 'bad', max, ttlMs })).toThrow(ShelfsyncError);
    const error = thrown(() => createMemoryCache({ name: 'bad', max, ttlMs }));
    expect(error).toMatchObject({ code: 'internal', service: 'shelfsync' });
    const option =
      max === 10
        ? `ttlMs must be a positive integer or null, got ${ttlMs}`
        : `max must be a positive integer, got ${max}`;
    expect((error as Error).message).toBe(`memory cache "bad": ${option}`);
  });

  it('reports the hit rate when hits and misses are equal', () => {
    const cache = createMemoryCache<string>({ name: 'even', max: 5, ttlMs: null });
    cache.set('a', '1');
    cache.get('a');
    cache.get('b');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 });
  });
});

describe('memory cache counters', () => {
  it('counts hits, misses and sets, and reports the hit rate', () => {
    const { clock, cache } = cacheWithClock(1000);
    expect(cache.stats().hitRate).toBeNull();
    cache.set('a', '1');
    cache.set('a', '2');
    cache.get('a');
    cache.get('a');
    cache.get('a');
    cache.get('missing');
    clock.advance(1001);
    cache.get('a');
    expect(cache.stats()).toEqual({
      name: 'searches',
      size: 0,
      max: 10,
      ttlMs: 1000,
      hits: 3,
      misses: 2,
      sets: 2,
      hitRate: 0.6,
    });
  });

  it('does not count has() as a lookup', () => {
    const { cache } = cacheWithClock(null);
    cache.set('a', '1');
    cache.has('a');
    cache.has('b');
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0 });
  });
});

describe('cache registry', () => {
  it('lists registered caches by name with their stats', () => {
    const registry = new CacheRegistry();
    const tracklists = createMemoryCache<string>({ name: 'tracklists', max: 100, ttlMs: null, registry });
    const matches = createMemoryCache<string>({ name: 'matches', max: 50, ttlMs: 60_000, registry });
    matches.set('x', 'y');
    matches.get('x');
    tracklists.get('nothing');
    expect(registry.names()).toEqual(['matches', 'tracklists']);
    expect(registry.stats()).toEqual([
      { name: 'matches', size: 1, max: 50, ttlMs: 60_000, hits: 1, misses: 0, sets: 1, hitRate: 1 },
      { name: 'tracklists', size: 0, max: 100, ttlMs: null, hits: 0, misses: 1, sets: 0, hitRate: 0 },
    ]);
  });

  it('refuses two caches with the same name', () => {
    const registry = new CacheRegistry();
    createMemoryCache({ name: 'matches', max: 1, ttlMs: null, registry });
    expect(() => createMemoryCache({ name: 'matches', max: 1, ttlMs: null, registry })).toThrow(
      /already exists/,
    );
    expect(thrown(() => createMemoryCache({ name: 'matches', max: 1, ttlMs: null, registry }))).toMatchObject(
      {
        message: 'a memory cache named "matches" already exists',
        code: 'internal',
        service: 'shelfsync',
      },
    );
  });

  it('clears one cache by name or all of them', () => {
    const registry = new CacheRegistry();
    const a = createMemoryCache<number>({ name: 'a', max: 5, ttlMs: null, registry });
    const b = createMemoryCache<number>({ name: 'b', max: 5, ttlMs: null, registry });
    a.set('k', 1);
    b.set('k', 2);
    expect(registry.clear('a')).toBe(1);
    expect(a.has('k')).toBe(false);
    expect(b.has('k')).toBe(true);
    expect(registry.clear('unknown')).toBe(0);
    expect(registry.clear()).toBe(2);
    expect(b.has('k')).toBe(false);
  });
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
