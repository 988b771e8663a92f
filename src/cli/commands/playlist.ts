import { type Command, Option } from 'commander';
import { systemClock } from '../../core/clock.ts';
import { ExitCode, usageError } from '../../core/errors.ts';
import type { PlaylistRequest } from '../../sync/playlists/build.ts';
import { recordDecision } from '../../sync/playlists/match-store.ts';
import { listPlaylists, loadPlaylist, type StoredPlaylist } from '../../sync/playlists/playlist-store.ts';
import { type PlaylistRun, withPlaylistBuilder } from '../../sync/playlists/run.ts';
import { printJson, printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { terminalProgress } from '../progress.ts';
import { type Runtime, withRuntime } from '../runtime.ts';
import { stopOnSignals } from '../stop-signal.ts';
import { printBuildReport, printPlaylistList, printUnmatched } from './playlist-report.ts';

interface BuildFlags {
  query?: string;
  private?: boolean;
  limit?: number;
  split?: boolean;
  cap?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

interface ReviewFlags {
  accept?: string[];
  reject?: string[];
  acceptAll?: boolean;
  rejectAll?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

async function build(runtime: Runtime, request: PlaylistRequest, flags: BuildFlags): Promise<number> {
  const database = await runtime.database();
  const dryRun = flags.dryRun ?? false;
  const progress = terminalProgress({ quiet: flags.json ?? false });
  const stop = stopOnSignals();
  let run: PlaylistRun;
  try {
    run = await withPlaylistBuilder(
      {
        config: runtime.config,
        database,
        logger: runtime.logger,
        clock: systemClock,
        dryRun,
        signal: stop.signal,
        progress: (total) => progress.phase('playlists', 'match', total, 'tracks'),
        enrichProgress: (total) => progress.phase('playlists', 'tracklists', total, 'releases'),
      },
      (buildOne) => buildOne(request),
    );
  } finally {
    progress.stop();
    stop.dispose();
  }
  if (flags.json) printJson(run.report);
  else printBuildReport(request.name, run, dryRun);
  return run.failed > 0 ? ExitCode.itemsFailed : ExitCode.ok;
}

async function storedOrFail(runtime: Runtime, name: string): Promise<StoredPlaylist> {
  const playlist = await loadPlaylist((await runtime.database()).db, name);
  if (!playlist) throw usageError(`there is no playlist named "${name}"; see \`shelfsync playlist list\``);
  return playlist;
}

export function registerPlaylistCommand(program: Command): void {
  const playlist = program
    .command('playlist')
    .description('SoundCloud playlists built from collection queries, with matching you can review');

  playlist
    .command('create')
    .description(
      'run a collection query, match its tracks on SoundCloud and create the playlist (over 500 tracks: split into numbered parts by default, or --cap)',
    )
    .argument('<name>', 'the playlist name (also its title on SoundCloud)')
    .requiredOption('--query <query>', 'a collection query, e.g. "genre = Jazz and year in 1960..1969"')
    .option('--private', 'create it private (public by default)')
    .option('--limit <n>', 'at most this many tracks', integerOption('--limit', 1))
    .addOption(
      new Option('--split', 'over 500 tracks: numbered parts "NAME (1/2)"... (the default)').conflicts('cap'),
    )
    .addOption(new Option('--cap', 'over 500 tracks: keep the 500 most confident matches'))
    .option('--dry-run', 'search and match, but create nothing and store nothing')
    .option('--json', 'print the playlist report as one JSON object')
    .action(async (name: string, flags: BuildFlags, command: Command) => {
      process.exitCode = await withRuntime(command, (runtime) =>
        build(
          runtime,
          {
            name,
            mode: 'create',
            query: flags.query,
            private: flags.private ?? false,
            overflow: flags.cap ? 'cap' : 'split',
            limit: flags.limit,
          },
          flags,
        ),
      );
    });

  playlist
    .command('update')
    .description('re-run the query and matching, add what is new, keep your review decisions')
    .argument('<name>', 'a playlist made by `playlist create`')
    .option('--dry-run', 'search and match, but write nothing')
    .option('--json', 'print the playlist report as one JSON object')
    .action(async (name: string, flags: BuildFlags, command: Command) => {
      process.exitCode = await withRuntime(command, (runtime) =>
        build(runtime, { name, mode: 'update' }, flags),
      );
    });

  playlist
    .command('list')
    .description('the playlists shelfsync made, with their last report')
    .option('--json', 'print one JSON array')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const playlists = await listPlaylists((await runtime.database()).db);
        if (flags.json)
          printJson(
            playlists.map(({ report, ...rest }) => ({
              ...rest,
              matched: report.matched,
              uncertain: report.uncertain,
              missing: report.missing,
            })),
          );
        else printPlaylistList(playlists);
      });
    });

  playlist
    .command('unmatched')
    .description('tracks of a playlist that are missing on SoundCloud or wait for review')
    .argument('<name>', 'a playlist name')
    .option('--json', 'print one JSON array')
    .action(async (name: string, flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const stored = await storedOrFail(runtime, name);
        if (flags.json) printJson(stored.report.tracks.filter((track) => track.status !== 'matched'));
        else printUnmatched(stored);
      });
    });

  playlist
    .command('review')
    .description(
      'accept or reject uncertain matches, one by one (interactive) or with --accept/--reject RELEASE:POSITION, --accept-all, --reject-all; accepted tracks are then added',
    )
    .argument('<name>', 'a playlist name')
    .option('--accept <track...>', 'accept these (RELEASE_ID:POSITION as `playlist unmatched` shows)')
    .option('--reject <track...>', 'reject these')
    .option('--accept-all', 'accept every uncertain match')
    .option('--reject-all', 'reject every uncertain match')
    .option('--json', 'print the updated playlist report as one JSON object')
    .action(async (name: string, flags: ReviewFlags, command: Command) => {
      process.exitCode = await withRuntime(command, async (runtime) => {
        const stored = await storedOrFail(runtime, name);
        const database = await runtime.database();
        const uncertain = stored.report.tracks.filter((track) => track.status === 'uncertain');
        const keyOf = (track: { release_id: number; position: string }) =>
          `${track.release_id}:${track.position}`;
        const decisions = new Map<string, 'accepted' | 'rejected'>();
        const scripted = flags.accept || flags.reject || flags.acceptAll || flags.rejectAll;
        if (scripted) {
          for (const track of uncertain) {
            if (flags.acceptAll) decisions.set(keyOf(track), 'accepted');
            if (flags.rejectAll) decisions.set(keyOf(track), 'rejected');
          }
          const known = new Set(uncertain.map(keyOf));
          for (const [keys, verdict] of [
            [flags.accept ?? [], 'accepted'],
            [flags.reject ?? [], 'rejected'],
          ] as const) {
            for (const key of keys) {
              if (!known.has(key)) throw usageError(`${key} is not an uncertain track of "${name}"`);
              decisions.set(key, verdict);
            }
          }
        } else if (uncertain.length > 0) {
          const { select } = await import('@inquirer/prompts');
          for (const track of uncertain) {
            const answer = await select({
              message: `${track.title} (${keyOf(track)}) → ${track.match}`,
              choices: [
                { name: 'accept', value: 'accepted' as const },
                { name: 'reject', value: 'rejected' as const },
                { name: 'decide later', value: 'skip' as const },
              ],
            });
            if (answer !== 'skip') decisions.set(keyOf(track), answer);
          }
        }
        for (const [key, verdict] of decisions)
          await recordDecision(database, key, verdict, systemClock.now());
        const accepted = [...decisions.values()].filter((verdict) => verdict === 'accepted').length;
        if (!flags.json)
          printLine(
            `${accepted} accepted, ${decisions.size - accepted} rejected, ${uncertain.length - decisions.size} left.`,
          );
        if (decisions.size === 0) {
          if (flags.json) printJson(stored.report);
          return ExitCode.ok;
        }
        return build(runtime, { name, mode: 'update' }, { json: flags.json ?? false });
      });
    });
}
