import { type Command, Option } from 'commander';
import type { Config } from '../../core/config/index.ts';
import { usageError } from '../../core/errors.ts';
import { BRIDGE_NAMES, type BridgeName } from '../../sync/bridge.ts';
import { runSync } from '../../sync/engine.ts';
import { printJson, printLine } from '../output.ts';
import { positiveNumberOption } from '../parse-options.ts';
import { createCliProgress, progressMode } from '../progress.ts';
import { printReport, profileLines } from '../report-output.ts';
import { withRuntime } from '../runtime.ts';
import { stopOnSignals } from '../stop-signal.ts';

interface SyncFlags {
  only?: string[];
  user?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  profile?: boolean;
  wait: number;
}

function parseOnly(values: readonly string[] | undefined): BridgeName[] {
  const names = (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
  for (const name of names) {
    if (!(BRIDGE_NAMES as readonly string[]).includes(name)) {
      throw usageError(`--only takes ${BRIDGE_NAMES.join(', ')}; "${name}" is none of them`);
    }
  }
  return names as BridgeName[];
}

function checkUser(config: Config, user: string | undefined): void {
  if (user === undefined) return;
  const ids = (config.books?.users ?? []).map((entry) => entry.id);
  if (!ids.includes(user)) {
    const known =
      ids.length > 0 ? `the configured users are ${ids.join(', ')}` : 'no book users are configured';
    throw usageError(`--user ${user} is not a book user in the config; ${known}`);
  }
}

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('the one sync path: run every configured bridge (books, records, playlists)')
    .addOption(new Option('--only <bridge...>', 'run only these bridges (books, records, playlists)'))
    .option('--user <id>', 'books: sync only this user')
    .option('--dry-run', 'read everything and print the plan; write nothing, remote or local')
    .option('--force', 'ignore what earlier runs remember (your choices upstream are still respected)')
    .option('--json', 'print one JSON document with the run report and nothing else on stdout')
    .option('--profile', 'print per-phase timings, requests per service, limiter wait and cache hit rates')
    .option(
      '--wait <seconds>',
      'how long to wait for another run using the same database',
      positiveNumberOption('--wait'),
      5,
    )
    .action(async (flags: SyncFlags, command: Command) => {
      const only = parseOnly(flags.only);
      process.exitCode = await withRuntime(command, async (runtime) => {
        checkUser(runtime.config, flags.user);
        const database = await runtime.database();
        const progress = createCliProgress(progressMode({ json: flags.json }));
        const stop = stopOnSignals((name) =>
          progress.note(`${name}: finishing the writes in flight, then stopping (again to stop at once)`),
        );
        try {
          const { report, exitCode } = await runSync({
            config: runtime.config,
            database,
            logger: runtime.logger,
            options: { only, user: flags.user, dryRun: flags.dryRun ?? false, force: flags.force ?? false },
            progress,
            signal: stop.signal,
            trigger: 'sync',
            lockWaitMs: flags.wait * 1000,
            profile: flags.profile ?? false,
          });
          progress.stop();
          if (flags.json) {
            printJson(report);
          } else {
            printReport(report);
            if (report.profile) {
              printLine();
              for (const line of profileLines(report, report.profile)) printLine(line);
            }
          }
          return exitCode;
        } finally {
          progress.stop();
          stop.dispose();
        }
      });
    });
}
