import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { ExitCode, ShelfsyncError } from '../../core/errors.ts';
import { runSync } from '../../sync/engine.ts';
import { enrichCollection } from '../../sync/records/enrich-collection.ts';
import type { RecordsSyncReport } from '../../sync/records/records-sync.ts';
import { type CollectionStats, collectionStats } from '../../sync/records/stats.ts';
import { createDiscogsClient } from '../../upstream/discogs/client.ts';
import { printJson, printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { terminalProgress } from '../progress.ts';
import { type Runtime, withRuntime } from '../runtime.ts';
import { registerRecordsQueryCommands } from './records-query.ts';

export function registerRecordsCommand(program: Command): void {
  const records = program
    .command('records')
    .description(
      'your Discogs collection and wantlist in the local database: sync, enrich, stats, query, list, export',
    );

  records
    .command('sync')
    .description('mirror the collection and wantlist (pages of 100; no per-release requests)')
    .option('--dry-run', 'read Discogs and report what would change; write nothing')
    .option('--json', 'print the run report as one JSON document')
    .action(async (flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      process.exitCode = await withRuntime(command, async (runtime) => {
        const database = await runtime.database();
        const { report, exitCode } = await withInterrupt((signal) =>
          runSync({
            config: runtime.config,
            database,
            logger: runtime.logger,
            options: { only: ['records'], dryRun: flags.dryRun ?? false, force: false },
            signal,
            progress: terminalProgress({ quiet: flags.json ?? false }),
            trigger: 'records sync',
          }),
        );
        if (flags.json) printJson(report);
        else
          printSyncReport(
            report.bridges.records as RecordsSyncReport | undefined,
            reportErrors(report.errors),
          );
        return exitCode;
      });
    });

  records
    .command('enrich')
    .description('fetch missing tracklists (one request per release, at the Discogs limit; resumable)')
    .option('--limit <n>', 'fetch at most this many tracklists', integerOption('--limit', 1))
    .option('--query <q>', 'only releases this collection query selects, e.g. "genre = Jazz"')
    .option('--refetch', 'fetch again releases that already have a tracklist')
    .option('--json', 'print the result as one JSON object')
    .action(async (flags: EnrichFlags, command: Command) => {
      process.exitCode = await withRuntime(command, (runtime) => enrich(runtime, flags));
    });

  records
    .command('stats')
    .description('counts by genre, style, decade, format, label and top artists')
    .option('--top <n>', 'rows per table', integerOption('--top', 1, 1000), 15)
    .option('--json', 'print one JSON object')
    .action(async (flags: { top: number; json?: boolean }, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const stats = await collectionStats((await runtime.database()).db, { top: flags.top });
        if (flags.json) printJson(stats);
        else printStats(stats);
      });
    });

  registerRecordsQueryCommands(records);
}

interface EnrichFlags {
  limit?: number;
  query?: string;
  refetch?: boolean;
  json?: boolean;
}

async function enrich(runtime: Runtime, flags: EnrichFlags): Promise<ExitCode> {
  const discogs = runtime.config.records?.discogs;
  if (!discogs) {
    throw new ShelfsyncError('the config has no records section; add records.discogs (see shelfsync init)', {
      code: 'config_missing',
      service: 'shelfsync',
    });
  }
  const database = await runtime.database();
  const client = createDiscogsClient(discogs);
  try {
    const result = await withInterrupt((signal) =>
      enrichCollection(
        { database, client, clock: database.clock },
        {
          ...(flags.query !== undefined ? { query: flags.query } : {}),
          ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
          ...(flags.refetch ? { refetch: true } : {}),
          signal,
          progress: terminalProgress({ quiet: flags.json ?? false }),
        },
      ),
    );
    if (flags.json) printJson(result);
    else {
      printLine(
        `records enrich: ${result.fetched} tracklists fetched, ${result.notFound} not on Discogs, ` +
          `${result.failed.length} failed, ${result.remaining} still missing (${result.requests} requests)`,
      );
      for (const failure of result.failed) printLine(`  release ${failure.releaseId}: ${failure.message}`);
      if (result.interrupted) printLine('stopped early; run it again to continue where it stopped');
    }
    return result.failed.length > 0 ? ExitCode.itemsFailed : ExitCode.ok;
  } finally {
    await client.close();
  }
}

/** Runs `work` with a signal that SIGINT/SIGTERM abort: the item in flight finishes, no new one starts. */
async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

const reportErrorsSchema = z.array(z.object({ service: z.string(), message: z.string() })).catch([]);

function reportErrors(errors: unknown): { service: string; message: string }[] {
  return reportErrorsSchema.parse(errors ?? []);
}

function printSyncReport(
  records: RecordsSyncReport | undefined,
  errors: { service: string; message: string }[] | undefined,
): void {
  for (const error of errors ?? [])
    process.stderr.write(`${pc.red('error')} ${error.service}: ${error.message}\n`);
  if (!records) return;
  printLine(
    `collection: ${records.added} added, ${records.updated} updated, ${records.removed} removed ` +
      `(${records.pages} pages)`,
  );
  if (records.wantlist) {
    const w = records.wantlist;
    printLine(`wantlist: ${w.added} added, ${w.updated} updated, ${w.removed} removed (${w.pages} pages)`);
  }
  if (!records.complete) printLine('the pass did not finish; the next sync continues where it stopped');
}

function printStats(stats: CollectionStats): void {
  const t = stats.totals;
  printLine(
    `${t.releases} releases (${t.instances} copies) in ${t.folders} folders; ${t.wantlist} wanted; ` +
      `${t.withTracklist} with tracklists`,
  );
  const tables: [string, keyof Omit<CollectionStats, 'totals'>][] = [
    ['Genre', 'genres'],
    ['Style', 'styles'],
    ['Decade', 'decades'],
    ['Format', 'formats'],
    ['Label', 'labels'],
    ['Artist', 'artists'],
  ];
  for (const [title, key] of tables) {
    printLine();
    const rows = stats[key];
    const width = Math.max(title.length, ...rows.map((row) => row.name.length));
    printLine(pc.bold(`${title.padEnd(width)}  Releases`));
    for (const row of rows) printLine(`${row.name.padEnd(width)}  ${String(row.releases).padStart(8)}`);
  }
}
