import { type Clock, systemClock } from '../core/clock.ts';
import type { Config } from '../core/config/index.ts';
import type { Database } from '../core/db/database.ts';
import { ExitCode, exitCodeFor, findShelfsyncError } from '../core/errors.ts';
import type { HttpClient, HttpStats } from '../core/http/index.ts';
import type { Logger } from '../core/log.ts';
import { booksBridge } from './books/bridge.ts';
import type {
  Bridge,
  BridgeContext,
  BridgeName,
  ClientRegistry,
  ProgressSink,
  SyncOptions,
} from './bridge.ts';
import { silentProgress } from './bridge.ts';
import { playlistsBridge } from './playlists/bridge.ts';
import { recordsBridge } from './records/bridge.ts';
import type { ServiceRequests, SyncReport } from './report.ts';

export interface RunSyncInput {
  config: Config;
  database: Database;
  logger: Logger;
  options: SyncOptions;
  clock?: Clock;
  signal?: AbortSignal;
  progress?: ProgressSink;
  /** What started the run, kept in the runs table ("sync", "daemon", "interactive", "demo"). */
  trigger?: string;
}

export interface SyncResult {
  report: SyncReport;
  exitCode: ExitCode;
  /** Per-client counters, for `--profile`. */
  clientStats: HttpStats[];
}

function wanted(bridge: Bridge<unknown>, config: Config, options: SyncOptions): boolean {
  if (options.only.length > 0 && !options.only.includes(bridge.name)) return false;
  return bridge.configured(config);
}

class Clients implements ClientRegistry {
  private readonly clients: HttpClient[] = [];
  private readonly extra = new Map<string, Map<string, number>>();

  track<C extends HttpClient>(client: C): C {
    this.clients.push(client);
    return client;
  }

  count(service: HttpClient['service'], key: string, amount: number): void {
    const counters = this.extra.get(service) ?? new Map<string, number>();
    counters.set(key, (counters.get(key) ?? 0) + amount);
    this.extra.set(service, counters);
  }

  stats(): HttpStats[] {
    return this.clients.map((client) => client.stats());
  }

  requests(): Record<string, ServiceRequests> {
    const totals: Record<string, ServiceRequests> = {};
    for (const stats of this.stats()) {
      const entry = totals[stats.service] ?? { requests: 0, units: 0 };
      entry.requests += stats.requests;
      entry.units = (entry.units ?? 0) + stats.units;
      totals[stats.service] = entry;
    }
    for (const [service, counters] of this.extra) {
      const entry = totals[service] ?? { requests: 0, units: 0 };
      for (const [key, amount] of counters) entry[key] = ((entry[key] as number | undefined) ?? 0) + amount;
      totals[service] = entry;
    }
    return totals;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.clients.map((client) => client.close()));
  }
}

/**
 * The one sync path. `shelfsync sync`, the daemon, the interactive menu and the demo all call this.
 * Books run beside records; playlists wait for records, since they read the collection it writes.
 */
export async function runSync(input: RunSyncInput): Promise<SyncResult> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const clients = new Clients();
  const context: BridgeContext = {
    config: input.config,
    database: input.database,
    logger: input.logger,
    clock,
    options: input.options,
    signal: input.signal ?? new AbortController().signal,
    progress: input.progress ?? silentProgress,
    clients,
  };
  const runId = input.options.dryRun
    ? undefined
    : await recordRunStart(input.database, started, input.trigger);
  const bridges: SyncReport['bridges'] = {};
  const failures: unknown[] = [];

  async function attempt<R>(bridge: Bridge<R>): Promise<R | undefined> {
    if (!wanted(bridge as Bridge<unknown>, input.config, input.options)) return undefined;
    try {
      return await bridge.run(context);
    } catch (error) {
      failures.push(error);
      input.logger.error({ bridge: bridge.name, err: error }, 'bridge failed');
      return undefined;
    }
  }

  try {
    await Promise.all([
      attempt(booksBridge).then((report) => {
        if (report) bridges.books = report;
      }),
      (async () => {
        const records = await attempt(recordsBridge);
        if (records) bridges.records = records;
        const playlists = await attempt(playlistsBridge);
        if (playlists) bridges.playlists = playlists;
      })(),
    ]);
  } finally {
    await clients.closeAll();
  }

  const exitCode = exitCodeOf(bridges, failures);
  const report: SyncReport = {
    ok: exitCode === ExitCode.ok,
    durationMs: clock.now() - started,
    dryRun: input.options.dryRun,
    bridges,
    requests: clients.requests(),
    ...(failures.length > 0 ? { errors: failures.map(describeFailure) } : {}),
  };
  if (runId !== undefined) await recordRunEnd(input.database, runId, clock.now(), report);
  return { report, exitCode, clientStats: clients.stats() };
}

function describeFailure(error: unknown): { service: string; message: string } {
  const known = findShelfsyncError(error);
  if (known) return { service: known.service, message: known.message };
  return { service: 'shelfsync', message: error instanceof Error ? error.message : String(error) };
}

/** 0 all well, 3 when a whole bridge could not reach its service, 1 when some items failed. */
function exitCodeOf(bridges: SyncReport['bridges'], failures: readonly unknown[]): ExitCode {
  if (failures.some((failure) => exitCodeFor(failure) === ExitCode.upstream)) return ExitCode.upstream;
  if (failures.length > 0) return ExitCode.itemsFailed;
  const bookUsers = Object.values(bridges.books?.users ?? {});
  const userFailed = bookUsers.some((user) => user.error !== undefined || user.outcomes.failed > 0);
  const playlistFailed = Object.values(bridges.playlists ?? {}).some(
    (playlist) => playlist.error !== undefined,
  );
  return userFailed || playlistFailed || bridges.records?.error !== undefined
    ? ExitCode.itemsFailed
    : ExitCode.ok;
}

async function recordRunStart(database: Database, startedAt: number, trigger = 'sync'): Promise<number> {
  const row = await database.db
    .insertInto('runs')
    .values({ started_at: startedAt, command: trigger, ok: null, report_json: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function recordRunEnd(
  database: Database,
  id: number,
  finishedAt: number,
  report: SyncReport,
): Promise<void> {
  await database.db
    .updateTable('runs')
    .set({ finished_at: finishedAt, ok: report.ok ? 1 : 0, report_json: JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}

export type { BridgeName };
