import type { CacheRegistry } from '../core/cache/index.ts';
import type { Database } from '../core/db/database.ts';
import type { CacheReport } from './report.ts';

type Counters = Map<string, { hits: number; misses: number }>;

/** Lookup counters of the persistent caches, read (never written) so a dry run can use it too. */
export async function readCacheCounters(database: Database): Promise<Counters> {
  const rows = await database.db
    .selectFrom('cache_counters')
    .select(['namespace', 'hits', 'misses'])
    .execute();
  return new Map(rows.map((row) => [row.namespace, { hits: row.hits, misses: row.misses }]));
}

/** What each cache did during the run: persistent namespaces from their counters, memory caches whole. */
export function cacheReport(before: Counters, after: Counters, memory: CacheRegistry): CacheReport[] {
  const caches: CacheReport[] = [];
  for (const [name, now] of after) {
    const then = before.get(name) ?? { hits: 0, misses: 0 };
    const hits = Math.max(0, now.hits - then.hits);
    const misses = Math.max(0, now.misses - then.misses);
    if (hits + misses > 0) caches.push({ kind: 'persistent', name, hits, misses });
  }
  for (const stats of memory.stats()) {
    caches.push({
      kind: 'memory',
      name: stats.name,
      hits: stats.hits,
      misses: stats.misses,
      size: stats.size,
    });
  }
  return caches.sort((a, b) => a.name.localeCompare(b.name));
}
