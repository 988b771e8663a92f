import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import type { HttpClient } from '../../core/http/index.ts';
import type { Logger } from '../../core/log.ts';
import { selectReleaseIds } from '../../query/index.ts';
import { createDiscogsClient } from '../../upstream/discogs/client.ts';
import type { PhaseProgress } from '../bridge.ts';
import { enrichReleases } from '../records/enrich.ts';
import { type BuildResult, buildPlaylist, type PlaylistRequest } from './build.ts';
import { connectSoundcloud } from './connection.ts';

export interface PlaylistRunInput {
  config: Config;
  database: Database;
  logger: Logger;
  clock: Clock;
  dryRun: boolean;
  /** Lets the sync engine count and close the clients; the CLI leaves it out. */
  track?: <C extends HttpClient>(client: C) => C;
  progress?: (total: number) => PhaseProgress;
  /** Progress of fetching the tracklists the queries need (records enrich). */
  enrichProgress?: (total: number) => PhaseProgress;
  signal?: AbortSignal;
}

export interface PlaylistRun extends BuildResult {
  /** HTTP requests to SoundCloud (API and sign-in host) made by this build. */
  requests: number;
  /** Access-token refreshes during the build. */
  refreshes: number;
}

/** The playlist builds of one command or sync run: one SoundCloud connection, many playlists. */
export async function withPlaylistBuilder<T>(
  input: PlaylistRunInput,
  work: (build: (request: PlaylistRequest) => Promise<PlaylistRun>) => Promise<T>,
): Promise<T> {
  const connection = await connectSoundcloud(input.config, input.database, input.clock, input.track);
  const requestsSoFar = () => connection.api.stats().requests + connection.auth.stats().requests;
  try {
    return await work(async (request) => {
      const before = requestsSoFar();
      const refreshesBefore = connection.session.refreshes;
      const result = await buildPlaylist(request, {
        database: input.database,
        clock: input.clock,
        logger: input.logger,
        dryRun: input.dryRun,
        notFoundTtlMs: (input.config.playlists?.not_found_ttl_days ?? 14) * 86_400_000,
        selectReleaseIds: (query) => selectReleaseIds(input.database.db, query),
        ensureTracklists: (releaseIds) => fetchTracklists(input, releaseIds),
        search: connection.search,
        writer: connection.writer,
        ...(input.progress ? { progress: input.progress } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      const requests = requestsSoFar() - before;
      result.report.requests = requests;
      return { ...result, requests, refreshes: connection.session.refreshes - refreshesBefore };
    });
  } finally {
    if (!input.track) await connection.close();
  }
}

/**
 * The tracklists a playlist needs, fetched by the records bridge's enrich at the Discogs limit. A
 * Discogs failure does not stop the build: releases without a tracklist are counted in the report.
 */
async function fetchTracklists(input: PlaylistRunInput, releaseIds: readonly number[]): Promise<void> {
  const discogs = input.config.records?.discogs;
  if (!discogs) {
    input.logger.warn('no records.discogs section: tracklists cannot be fetched for the playlist');
    return;
  }
  const client = createDiscogsClient({ url: discogs.url, token: discogs.token }, { clock: input.clock });
  const tracked = input.track ? input.track(client) : client;
  try {
    const result = await enrichReleases(
      { database: input.database, client: tracked, clock: input.clock },
      releaseIds,
      {
        ...(input.enrichProgress ? { progress: input.enrichProgress } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      },
    );
    if (result.failed.length > 0 || result.remaining > 0)
      input.logger.warn(
        { failed: result.failed.length, remaining: result.remaining },
        'some tracklists could not be fetched',
      );
  } catch (error) {
    input.logger.warn(
      { err: error },
      'fetching tracklists failed; building with the tracklists already stored',
    );
  } finally {
    if (!input.track) await client.close();
  }
}
