import { ShelfsyncError } from '../errors.ts';
import type { MemoryCacheStats } from './memory-cache.ts';

/** What the registry needs from a cache; any `MemoryCache` fits. */
export interface RegisteredCache {
  readonly name: string;
  clear(): void;
  stats(): MemoryCacheStats;
}

/** The named in-memory caches of one process, so they can be listed and flushed by name. */
export class CacheRegistry {
  private readonly caches = new Map<string, RegisteredCache>();

  add(cache: RegisteredCache): void {
    if (this.caches.has(cache.name)) {
      throw new ShelfsyncError(`a memory cache named "${cache.name}" already exists`, {
        code: 'internal',
        service: 'shelfsync',
      });
    }
    this.caches.set(cache.name, cache);
  }

  names(): string[] {
    return [...this.caches.keys()].sort();
  }

  /** Stats of every cache, sorted by name. */
  stats(): MemoryCacheStats[] {
    return this.names().map((name) => this.caches.get(name)!.stats());
  }

  /** Empties one cache by name, or all of them; returns how many caches were cleared. */
  clear(name?: string): number {
    if (name === undefined) {
      for (const cache of this.caches.values()) cache.clear();
      return this.caches.size;
    }
    const cache = this.caches.get(name);
    cache?.clear();
    return cache ? 1 : 0;
  }
}
