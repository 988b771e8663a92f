export { CacheRegistry, type RegisteredCache } from './cache-registry.ts';
export {
  createMemoryCache,
  type MemoryCache,
  type MemoryCacheOptions,
  type MemoryCacheStats,
} from './memory-cache.ts';
export {
  PersistentCache,
  type PersistentCacheOptions,
  type PersistentNamespaceStats,
} from './persistent-cache.ts';
export { TieredCache, type TieredCacheOptions } from './tiered-cache.ts';
