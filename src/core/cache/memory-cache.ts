import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../clock.ts';
import { ShelfsyncError } from '../errors.ts';
import type { CacheRegistry } from './cache-registry.ts';

export interface MemoryCacheOptions {
  /** Shown by `cache stats` and the interactive menu; unique within a registry. */
  name: string;
  /** Most entries kept; the least recently used one goes first. */
  max: number;
  /** Lifetime of an entry in milliseconds; null keeps entries until they are pushed out. */
  ttlMs: number | null;
  clock?: Clock;
  /** When given, the cache lists itself there. */
  registry?: CacheRegistry;
}

export interface MemoryCacheStats {
  name: string;
  size: number;
  max: number;
  ttlMs: number | null;
  hits: number;
  misses: number;
  sets: number;
  /** hits / (hits + misses); null before the first lookup. */
  hitRate: number | null;
}

export interface MemoryCache<V> {
  readonly name: string;
  /** Counts a hit or a miss. */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Does not count as a lookup and does not refresh the entry's recency. */
  has(key: string): boolean;
  delete(key: string): boolean;
  clear(): void;
  stats(): MemoryCacheStats;
}

/** Values are boxed so that `null` (a remembered "not found") can be cached like any other value. */
interface Box<V> {
  value: V;
}

export function createMemoryCache<V>(options: MemoryCacheOptions): MemoryCache<V> {
  const { name, max, ttlMs } = options;
  if (!Number.isInteger(max) || max < 1) {
    throw invalidOption(name, `max must be a positive integer, got ${max}`);
  }
  if (ttlMs !== null && !(Number.isInteger(ttlMs) && ttlMs > 0)) {
    throw invalidOption(name, `ttlMs must be a positive integer or null, got ${ttlMs}`);
  }
  const clock = options.clock ?? systemClock;
  const lru = new LRUCache<string, Box<V>>({
    max,
    // lru-cache reads a ttl of 0 as "entries do not expire".
    ttl: ttlMs ?? 0,
    perf: { now: () => clock.now() },
    // lru-cache otherwise caches "now" for 1 ms behind a timer, which a manual clock would not move.
    ttlResolution: 0,
  });
  let hits = 0;
  let misses = 0;
  let sets = 0;

  const cache: MemoryCache<V> = {
    name,
    get(key) {
      const box = lru.get(key);
      if (box === undefined) {
        misses++;
        return undefined;
      }
      hits++;
      return box.value;
    },
    set(key, value) {
      sets++;
      lru.set(key, { value });
    },
    has: (key) => lru.has(key),
    delete: (key) => lru.delete(key),
    clear: () => lru.clear(),
    stats: () => ({
      name,
      size: lru.size,
      max,
      ttlMs,
      hits,
      misses,
      sets,
      hitRate: hits + misses === 0 ? null : hits / (hits + misses),
    }),
  };
  options.registry?.add(cache);
  return cache;
}

function invalidOption(name: string, reason: string): ShelfsyncError {
  return new ShelfsyncError(`memory cache "${name}": ${reason}`, { code: 'internal', service: 'shelfsync' });
}
