import type { z } from 'zod';
import type { MemoryCache } from './memory-cache.ts';
import type { PersistentCache } from './persistent-cache.ts';

export interface TieredCacheOptions<T> {
  /** Answers repeated lookups within a run without touching the database. */
  memory: MemoryCache<T>;
  persistent: PersistentCache;
  namespace: string;
  schema: z.ZodType<T>;
  /** Lifetime in the database; keep the memory cache's TTL no longer than this. */
  ttlMs: number | null;
}

/** A memory cache in front of one persistent namespace: read memory, then disk, and fill memory on the way back. */
export class TieredCache<T> {
  private readonly options: TieredCacheOptions<T>;

  constructor(options: TieredCacheOptions<T>) {
    this.options = options;
  }

  async get(key: string): Promise<T | undefined> {
    const { memory, persistent, namespace, schema } = this.options;
    // Cached values are JSON, so never undefined: undefined from memory is a plain miss.
    const remembered = memory.get(key);
    if (remembered !== undefined) return remembered;
    const stored = await persistent.get(namespace, key, schema);
    if (stored !== undefined) memory.set(key, stored);
    return stored;
  }

  async set(key: string, value: T): Promise<void> {
    const { memory, persistent, namespace, ttlMs } = this.options;
    await persistent.set(namespace, key, value, ttlMs);
    memory.set(key, value);
  }

  async delete(key: string): Promise<void> {
    const { memory, persistent, namespace } = this.options;
    memory.delete(key);
    await persistent.delete(namespace, key);
  }
}
