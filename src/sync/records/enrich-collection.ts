import { selectReleaseIds } from '../../query/index.ts';
import type { ProgressSink } from '../bridge.ts';
import { type EnrichDeps, type EnrichResult, enrichReleases, releasesWithoutTracklist } from './enrich.ts';

export interface EnrichCollectionOptions {
  /** A collection query: only the releases it selects. Every release without a tracklist otherwise. */
  query?: string;
  limit?: number;
  refetch?: boolean;
  signal?: AbortSignal;
  progress: ProgressSink;
}

export interface EnrichCollectionResult extends EnrichResult {
  /** Releases the query (or "every release without a tracklist") selected. */
  selected: number;
  requests: number;
}

/** `records enrich`: tracklists for the whole collection, or for what a query selects. */
export async function enrichCollection(
  deps: EnrichDeps,
  options: EnrichCollectionOptions,
): Promise<EnrichCollectionResult> {
  const ids =
    options.query === undefined
      ? await releasesWithoutTracklist(deps.database.db)
      : await selectReleaseIds(deps.database.db, options.query);
  const before = deps.client.stats().requests;
  const result = await enrichReleases(deps, ids, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.refetch ? { refetch: true } : {}),
    progress: (total) => options.progress.phase('records', 'enrich', total, 'tracklists'),
  });
  return { ...result, selected: ids.length, requests: deps.client.stats().requests - before };
}
