import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import { findShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import { fetchRelease } from '../../upstream/discogs/release.ts';
import type { DiscogsRelease } from '../../upstream/discogs/schemas.ts';
import type { PhaseProgress } from '../bridge.ts';
import { artistRow, creditRows } from './release-rows.ts';
import { insertAll, upsertArtists } from './release-store.ts';
import { tracklistRows } from './tracklist-rows.ts';

export interface EnrichDeps {
  database: Database;
  /** A Discogs client (createDiscogsClient); its limiter keeps enrich at the Discogs limit. */
  client: HttpClient;
  clock: Clock;
}

export interface EnrichOptions {
  /** Fetch at most this many tracklists. */
  limit?: number;
  /** Checked between releases: the release in flight is finished and stored, no new one starts. */
  signal?: AbortSignal;
  /** Sized to the releases that will be fetched; ticked once per release. */
  progress?: (total: number) => PhaseProgress;
  /** Fetch again releases that already have a tracklist. */
  refetch?: boolean;
}

export interface EnrichFailure {
  releaseId: number;
  message: string;
}

export interface EnrichResult {
  /** Releases asked about that already had a tracklist (nothing fetched). */
  alreadyFetched: number;
  /** Tracklists fetched and stored. */
  fetched: number;
  /** Releases Discogs no longer has (404): remembered, not asked again. */
  notFound: number;
  /** Ids that are not in the database (not owned or wanted): skipped. */
  unknown: number;
  failed: EnrichFailure[];
  /** Still without a tracklist among those asked about (limit reached, stopped, or failed). */
  remaining: number;
  interrupted: boolean;
}

/** Codes that mean Discogs cannot be used at all right now: stop rather than fail every release. */
const STOP_CODES = new Set(['auth_failed', 'forbidden', 'network', 'timeout', 'interrupted', 'rate_limited']);

/** The releases in the collection or wantlist that have no tracklist yet, collection first. */
export async function releasesWithoutTracklist(db: Kysely<DatabaseSchema>): Promise<number[]> {
  const rows = await db
    .selectFrom('releases')
    .select('id')
    .where('tracklist_fetched_at', 'is', null)
    .orderBy(
      (eb) =>
        eb.exists(
          eb
            .selectFrom('collection_instances')
            .select('instance_id')
            .whereRef('collection_instances.release_id', '=', 'releases.id'),
        ),
      'desc',
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Fetches the full release of each id that lacks a tracklist, one request each at the Discogs
 * limit, and stores each in its own transaction: a stopped run keeps what it stored, and the next
 * run skips it. The playlists bridge calls this for the releases a playlist needs.
 */
export async function enrichReleases(
  deps: EnrichDeps,
  releaseIds: readonly number[],
  options: EnrichOptions = {},
): Promise<EnrichResult> {
  const { db } = deps.database;
  const ids = [...new Set(releaseIds)];
  const known = new Map<number, number | null>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('releases')
      .select(['id', 'tracklist_fetched_at'])
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) known.set(row.id, row.tracklist_fetched_at);
  }
  const missing = ids.filter((id) => known.has(id) && (options.refetch || known.get(id) === null));
  const todo = missing.slice(0, options.limit ?? missing.length);
  const result: EnrichResult = {
    alreadyFetched: ids.filter((id) => known.has(id)).length - missing.length,
    fetched: 0,
    notFound: 0,
    unknown: ids.length - known.size,
    failed: [],
    remaining: missing.length,
    interrupted: false,
  };
  const phase = options.progress?.(todo.length);
  try {
    for (const releaseId of todo) {
      if (options.signal?.aborted) {
        result.interrupted = true;
        break;
      }
      try {
        const release = await fetchRelease(deps.client, releaseId);
        await storeRelease(deps.database, release, deps.clock.now());
        result.fetched += 1;
        result.remaining -= 1;
      } catch (error) {
        const failure = findShelfsyncError(error);
        if (failure?.code === 'not_found') {
          await markNotFound(deps.database, releaseId, deps.clock.now());
          result.notFound += 1;
          result.remaining -= 1;
        } else if (failure && STOP_CODES.has(failure.code)) {
          throw error;
        } else {
          result.failed.push({ releaseId, message: failure?.message ?? String(error) });
        }
      }
      phase?.tick();
    }
  } finally {
    phase?.done();
  }
  return result;
}

/** Stores a full release's tracklist and the details only the full release has. */
export async function storeRelease(
  database: Database,
  release: DiscogsRelease,
  nowMs: number,
): Promise<void> {
  const rows = tracklistRows(release.id, release.tracklist);
  await database.transaction(async (trx) => {
    await upsertArtists(trx, [...release.extraartists, ...rows.artists].map(artistRow));
    await trx.deleteFrom('track_artists').where('release_id', '=', release.id).execute();
    await trx.deleteFrom('release_tracks').where('release_id', '=', release.id).execute();
    await trx
      .deleteFrom('release_artists')
      .where('release_id', '=', release.id)
      .where('kind', '=', 'extra')
      .execute();
    await insertAll(trx, 'release_tracks', rows.tracks);
    await insertAll(trx, 'track_artists', rows.credits);
    await insertAll(trx, 'release_artists', creditRows(release.id, 'extra', release.extraartists));
    await trx
      .updateTable('releases')
      .set({
        country: release.country ?? null,
        released: release.released ?? null,
        data_quality: release.data_quality ?? null,
        tracklist_fetched_at: nowMs,
        tracklist_status: 'ok',
      })
      .where('id', '=', release.id)
      .execute();
  });
}

async function markNotFound(database: Database, releaseId: number, nowMs: number): Promise<void> {
  await database.transaction(async (trx) => {
    await trx
      .updateTable('releases')
      .set({ tracklist_fetched_at: nowMs, tracklist_status: 'not_found' })
      .where('id', '=', releaseId)
      .execute();
  });
}
