import type { Generated } from 'kysely';

/** One cached value; `value` is JSON text, times are milliseconds since the epoch. */
export interface CacheEntriesTable {
  namespace: string;
  key: string;
  value: string;
  /** Null for entries that never expire (a Discogs tracklist does not change). */
  expires_at: number | null;
  created_at: number;
  hits: Generated<number>;
}

/** Lookups per cache namespace across runs, so `cache stats` can show hit rates. */
export interface CacheCountersTable {
  namespace: string;
  hits: Generated<number>;
  misses: Generated<number>;
}

/** One command run and its report, for `status`. */
export interface RunsTable {
  id: Generated<number>;
  started_at: number;
  finished_at: number | null;
  command: string;
  /** 1 when the run succeeded, 0 when it failed, null while it is still running. */
  ok: number | null;
  report_json: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface FoundationTables {
  cache_entries: CacheEntriesTable;
  cache_counters: CacheCountersTable;
  runs: RunsTable;
  meta: MetaTable;
}
