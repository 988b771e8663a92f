import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import type { HttpClient } from '../../core/http/index.ts';
import type { Logger } from '../../core/log.ts';
import { selectReleaseIds } from '../../query/index.ts';
import type { PhaseProgress } from '../bridge.ts';
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
        // The records bridge's enrich plugs in here once it exists; until then only stored tracklists count.
        ensureTracklists: async () => {},
        search: connection.search,
        writer: connection.writer,
        ...(input.progress ? { progress: input.progress } : {}),
      });
      const requests = requestsSoFar() - before;
      result.report.requests = requests;
      return { ...result, requests, refreshes: connection.session.refreshes - refreshesBefore };
    });
  } finally {
    if (!input.track) await connection.close();
  }
}
