import type { Command } from 'commander';
import pc from 'picocolors';
import { PersistentCache } from '../../core/cache/index.ts';
import type { Database } from '../../core/db/database.ts';
import { attentionItems, latestQuotas, recentRuns } from '../../sync/run-history.ts';
import { printJson, printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { withRuntime } from '../runtime.ts';
import { attentionLines, cacheLines, runLines } from '../status-lines.ts';

/** Everything `status` shows, as data: the JSON form and the source of the text form. */
export async function statusSnapshot(database: Database, runs: number) {
  const recent = await recentRuns(database, runs, Date.now());
  const lastReport = recent.find((run) => run.report !== null)?.report ?? null;
  return {
    database: database.path,
    runs: recent,
    attention: attentionItems(recent),
    quota: latestQuotas(recent),
    caches: {
      persistent: await new PersistentCache({ db: database.db, clock: database.clock }).stats(),
      lastRun: lastReport?.caches ?? [],
    },
  };
}

export type StatusSnapshot = Awaited<ReturnType<typeof statusSnapshot>>;

export function statusLines(snapshot: StatusSnapshot): string[] {
  const lastReport = snapshot.runs.find((run) => run.report !== null)?.report ?? null;
  const quotaLines = snapshot.quota.map(
    (quota) =>
      `${quota.service}${quota.subject ? ` (${quota.subject})` : ''}: ${quota.remaining}` +
      `${quota.limit === null ? '' : ` of ${quota.limit}`} left as of ${quota.asOf}` +
      `${quota.resetAt ? `, resets ${quota.resetAt}` : ''}`,
  );
  return [
    `${pc.bold('Database')} ${snapshot.database}`,
    '',
    pc.bold('Last runs'),
    ...runLines(snapshot.runs),
    '',
    pc.bold('Needs attention'),
    ...attentionLines(snapshot.attention),
    '',
    pc.bold('Quota left'),
    ...(quotaLines.length > 0 ? quotaLines : ['No service has reported a daily quota yet.']),
    '',
    pc.bold('Caches'),
    ...cacheLines(snapshot.caches.persistent, lastReport),
  ];
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('last runs with their outcomes, what needs attention, quota left, cache sizes and hit rates')
    .option('--runs <n>', 'how many runs to list', integerOption('--runs', 1, 1000), 10)
    .option('--json', 'print one JSON document')
    .action(async (flags: { runs: number; json?: boolean }, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const snapshot = await statusSnapshot(await runtime.database(), flags.runs);
        if (flags.json) printJson(snapshot);
        else for (const line of statusLines(snapshot)) printLine(line);
      });
    });
}
