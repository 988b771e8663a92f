import { CacheRegistry } from '../core/cache/index.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Config } from '../core/config/index.ts';
import type { Database } from '../core/db/database.ts';
import { ExitCode, exitCodeFor, findShelfsyncError } from '../core/errors.ts';
import type { HttpStats } from '../core/http/index.ts';
import type { Logger } from '../core/log.ts';
import { booksBridge } from './books/bridge.ts';
import type { Bridge, BridgeContext, BridgeName, ProgressSink, SyncOptions } from './bridge.ts';
import { silentProgress } from './bridge.ts';
import { playlistsBridge } from './playlists/bridge.ts';
import { recordsBridge } from './records/bridge.ts';
import type { ProfileReport, SyncReport } from './report.ts';
import { cacheReport, readCacheCounters } from './run-caches.ts';
import { RunClients } from './run-clients.ts';
import { acquireRunLock, type RunLock } from './run-lock.ts';
import { PhaseRecorder } from './run-phases.ts';
import { closeAbandonedRuns, recordRunEnd, recordRunStart } from './run-record.ts';

export const DEFAULT_LOCK_WAIT_MS = 5_000;
export const DEFAULT_ABORT_GRACE_MS = 10_000;

export interface RunSyncInput {
  config: Config;
  database: Database;
  logger: Logger;
  options: SyncOptions;
  clock?: Clock;
  /** Abort to stop the run: bridges finish the writes in flight and start no new ones. */
  signal?: AbortSignal;
  progress?: ProgressSink;
  /** What started the run, kept in the runs table ("sync", "daemon", "interactive", "demo"). */
  trigger?: string;
  /** How long to wait while another run holds the database before giving up. */
  lockWaitMs?: number;
  /** After an abort, how long the bridges get before their HTTP clients are closed under them. */
  abortGraceMs?: number;
  /** Add the per-phase profile to the report. */
  profile?: boolean;
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

/**
 * The one sync path. `shelfsync sync`, the daemon, the interactive menu and the demo all call this.
 * One run per database at a time (the run lock); books run beside records; playlists wait for
 * records, since they read the collection it writes.
 */
export async function runSync(input: RunSyncInput): Promise<SyncResult> {
  const trigger = input.trigger ?? 'sync';
  const lock = await acquireRunLock(input.database, {
    command: trigger,
    waitMs: input.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
    dryRun: input.options.dryRun,
    logger: input.logger,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  try {
    return await runLocked(input, trigger, lock);
  } finally {
    await lock.release();
  }
}

async function runLocked(input: RunSyncInput, trigger: string, lock: RunLock): Promise<SyncResult> {
  const clock = input.clock ?? systemClock;
  const signal = input.signal ?? new AbortController().signal;
  const started = clock.now();
  const clients = new RunClients();
  const recorder = new PhaseRecorder(clock, started, clients, input.progress ?? silentProgress);
  const caches = new CacheRegistry();
  const countersBefore = await readCacheCounters(input.database);
  const contextFor = (bridge: BridgeName): BridgeContext => ({
    config: input.config,
    database: input.database,
    logger: input.logger.child({ bridge }),
    clock,
    options: input.options,
    signal,
    progress: recorder.sink(),
    clients: clients.forBridge(bridge),
    caches,
  });
  if (!input.options.dryRun) {
    const closed = await closeAbandonedRuns(input.database, lock.tookOverFrom?.heartbeat_at);
    if (closed > 0)
      input.logger.warn({ runs: closed }, 'marked runs a killed process left open as interrupted');
  }
  const runId = input.options.dryRun ? undefined : await recordRunStart(input.database, started, trigger);
  const bridges: SyncReport['bridges'] = {};
  const failures: { bridge: BridgeName; error: unknown }[] = [];

  async function attempt<R>(bridge: Bridge<R>): Promise<R | undefined> {
    if (!wanted(bridge as Bridge<unknown>, input.config, input.options) || signal.aborted) return undefined;
    try {
      return await bridge.run(contextFor(bridge.name));
    } catch (error) {
      failures.push({ bridge: bridge.name, error });
      input.logger.error({ bridge: bridge.name, err: error }, 'bridge failed');
      return undefined;
    }
  }

  // After an abort the bridges finish their writes in flight; past the grace period, requests still
  // waiting are cut off by closing the clients, so shutting down takes a bounded time.
  let graceTimer: NodeJS.Timeout | undefined;
  const onAbort = (): void => {
    graceTimer = setTimeout(() => void clients.closeAll(), input.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS);
    graceTimer.unref();
  };
  signal.addEventListener('abort', onAbort, { once: true });
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
    signal.removeEventListener('abort', onAbort);
    clearTimeout(graceTimer);
    await clients.closeAll();
  }

  const interrupted = signal.aborted;
  const exitCode = interrupted
    ? ExitCode.itemsFailed
    : exitCodeOf(
        bridges,
        failures.map((failure) => failure.error),
      );
  const quota = clients.quotas();
  const report: SyncReport = {
    ok: exitCode === ExitCode.ok,
    durationMs: clock.now() - started,
    dryRun: input.options.dryRun,
    trigger,
    ...(interrupted ? { interrupted: true } : {}),
    bridges,
    requests: clients.requests(),
    ...(failures.length > 0 ? { errors: failures.map(describeFailure) } : {}),
    ...(quota.length > 0 ? { quota } : {}),
    caches: cacheReport(countersBefore, await readCacheCounters(input.database), caches),
    ...(input.profile ? { profile: profileOf(recorder, clients) } : {}),
  };
  if (runId !== undefined) await recordRunEnd(input.database, runId, clock.now(), report);
  return { report, exitCode, clientStats: clients.stats() };
}

function profileOf(recorder: PhaseRecorder, clients: RunClients): ProfileReport {
  const services: ProfileReport['services'] = {};
  for (const stats of clients.stats()) {
    const entry = services[stats.service] ?? {
      requests: 0,
      units: 0,
      limiterWaitMs: 0,
      retries: 0,
      latencyMs: 0,
    };
    entry.requests += stats.requests;
    entry.units += stats.units;
    entry.limiterWaitMs += stats.limiterWaitMs;
    entry.retries += stats.retries;
    entry.latencyMs += stats.totalLatencyMs;
    services[stats.service] = entry;
  }
  return { phases: recorder.phases(), services };
}

function describeFailure({ bridge, error }: { bridge: BridgeName; error: unknown }) {
  const known = findShelfsyncError(error);
  if (known) return { bridge, service: known.service, message: known.message };
  return { bridge, service: 'shelfsync', message: error instanceof Error ? error.message : String(error) };
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

export type { BridgeName };
