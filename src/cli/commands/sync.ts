import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { usageError } from '../../core/errors.ts';
import { BRIDGE_NAMES, type BridgeName } from '../../sync/bridge.ts';
import { runSync } from '../../sync/engine.ts';
import type { SyncReport } from '../../sync/report.ts';
import { printJson, printLine } from '../output.ts';
import { withRuntime } from '../runtime.ts';

interface SyncFlags {
  only?: string[];
  user?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  profile?: boolean;
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

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('the one sync path: run every configured bridge (books, records, playlists)')
    .addOption(new Option('--only <bridge...>', 'run only these bridges (books, records, playlists)'))
    .option('--user <id>', 'books: sync only this user')
    .option('--dry-run', 'read everything and print the plan; write nothing, remote or local')
    .option('--force', 'ignore what earlier runs remember (your choices upstream are still respected)')
    .option('--json', 'print one JSON document with the run report and nothing else on stdout')
    .option('--profile', 'print per-phase timings and requests per service')
    .action(async (flags: SyncFlags, command: Command) => {
      const only = parseOnly(flags.only);
      process.exitCode = await withRuntime(command, async (runtime) => {
        const database = await runtime.database();
        const { report, exitCode } = await runSync({
          config: runtime.config,
          database,
          logger: runtime.logger,
          options: { only, user: flags.user, dryRun: flags.dryRun ?? false, force: flags.force ?? false },
        });
        if (flags.json) printJson(report);
        else printReport(report);
        return exitCode;
      });
    });
}

function printReport(report: SyncReport): void {
  const { books, records, playlists } = report.bridges;
  for (const [user, result] of Object.entries(books?.users ?? {})) {
    const counts = Object.entries(result.outcomes)
      .filter(([, count]) => count > 0)
      .map(([outcome, count]) => `${count} ${outcome.replace('_', ' ')}`);
    printLine(
      `books ${user}: ${counts.join(', ') || 'nothing to do'}${result.error ? ` (${result.error})` : ''}`,
    );
  }
  if (records)
    printLine(`records: ${records.added} added, ${records.updated} updated, ${records.removed} removed`);
  for (const [name, playlist] of Object.entries(playlists ?? {})) {
    printLine(
      `playlist ${name}: ${playlist.matched} matched, ${playlist.uncertain} uncertain, ${playlist.missing} missing`,
    );
  }
  const verdict = report.ok ? pc.green('ok') : pc.red('finished with problems');
  printLine(
    `${verdict} in ${(report.durationMs / 1000).toFixed(1)} s${report.dryRun ? ' (dry run: nothing written)' : ''}`,
  );
}
