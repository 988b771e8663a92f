import { findShelfsyncError } from '../../core/errors.ts';
import type { Bridge } from '../bridge.ts';
import type { PlaylistReport, PlaylistsReport } from '../report.ts';
import { serviceUnusable } from './build.ts';
import { hasStoredSignIn } from './connection.ts';
import { withPlaylistBuilder } from './run.ts';

function failedReport(error: unknown): PlaylistReport {
  const message =
    findShelfsyncError(error)?.message ?? (error instanceof Error ? error.message : String(error));
  return { matched: 0, uncertain: 0, missing: 0, tracks: [], error: message };
}

/**
 * Rebuilds every playlist definition with `auto_update` (creating it the first time): the same
 * build as `playlist create/update`, so a run with nothing new makes no searches and no writes.
 */
export const playlistsBridge: Bridge<PlaylistsReport> = {
  name: 'playlists',
  configured: (config) => (config.playlists?.definitions ?? []).some((definition) => definition.auto_update),
  async run(context) {
    const definitions = (context.config.playlists?.definitions ?? []).filter(
      (definition) => definition.auto_update,
    );
    const report: PlaylistsReport = {};
    if (!(await hasStoredSignIn(context.config, context.database))) {
      // Nothing to do until the user signs in; the records part of the same run still counts.
      const note =
        'playlists skipped: not signed in to SoundCloud (run `shelfsync soundcloud login`; it needs secret_key or SHELFSYNC_SECRET_KEY)';
      context.progress.note(note);
      context.logger.warn(note);
      return report;
    }
    await withPlaylistBuilder(
      {
        config: context.config,
        database: context.database,
        logger: context.logger,
        clock: context.clock,
        dryRun: context.options.dryRun,
        track: (client) => context.clients.track(client),
        progress: (total) => context.progress.phase('playlists', 'match', total, 'tracks'),
        enrichProgress: (total) => context.progress.phase('playlists', 'tracklists', total, 'releases'),
        signal: context.signal,
      },
      async (build) => {
        for (const definition of definitions) {
          if (context.signal.aborted) break;
          try {
            const run = await build({
              name: definition.name,
              mode: 'sync',
              query: definition.query,
              private: definition.private,
            });
            report[definition.name] = run.report;
            context.clients.count('soundcloud', 'searches', run.searches);
            context.clients.count('soundcloud', 'writes', run.writes);
          } catch (error) {
            // SoundCloud down or refusing the sign-in: the other playlists would fail the same way.
            if (serviceUnusable(error)) throw error;
            context.logger.error({ playlist: definition.name, err: error }, 'playlist build failed');
            report[definition.name] = failedReport(error);
          }
        }
      },
    );
    return report;
  },
};
