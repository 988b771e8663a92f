import { Cron } from 'croner';
import type { Config } from '../core/config/index.ts';
import type { Database } from '../core/db/database.ts';
import { findShelfsyncError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import type { ProgressSink } from '../sync/bridge.ts';
import { runSync } from '../sync/engine.ts';
import type { SyncReport } from '../sync/report.ts';
import { type RunningHealthServer, startHealthServer } from './health-server.ts';
import { DaemonMetrics, type RunResult } from './metrics.ts';

export interface DaemonOptions {
  config: Config;
  database: Database;
  logger: Logger;
  host: string;
  port: number;
  /** How long a stop may take: the run in flight gets half to finish its writes, then its requests are cut. */
  shutdownTimeoutMs: number;
  progress?: ProgressSink;
  /** Told about every run that ended (the CLI prints its report lines). */
  onRunEnd?: (result: RunResult, report: SyncReport | undefined, error: string | undefined) => void;
  onOverlap?: () => void;
}

interface LastRun {
  startedAt: string;
  finishedAt: string;
  result: RunResult;
  durationMs: number;
  error?: string;
  /** Bridges that could not run (a service down, a token refused), so /healthz says which. */
  failures?: { bridge?: string | undefined; service: string; message: string }[];
}

/**
 * `shelfsync start`: one run at start, then one per cron tick in the configured time zone, never two
 * at once (a tick that finds a run still going is counted as an overlap and skipped). Every run goes
 * through `runSync`, the same path as `shelfsync sync`.
 */
export class Daemon {
  private readonly options: DaemonOptions;
  private readonly prom = new DaemonMetrics();
  private readonly abort = new AbortController();
  private readonly startedAt = new Date().toISOString();
  private job: Cron | undefined;
  private server: RunningHealthServer | undefined;
  private current: Promise<void> | undefined;
  private last: LastRun | undefined;
  private completed = 0;
  private overlaps = 0;
  private stopping: Promise<void> | undefined;

  constructor(options: DaemonOptions) {
    this.options = options;
  }

  /** Listens for /healthz and /metrics, starts the first run and the schedule; returns the base URL. */
  async start(): Promise<string> {
    const { config } = this.options;
    this.server = await startHealthServer(this, this.options.host, this.options.port);
    this.job = new Cron(config.schedule, { timezone: config.timezone }, () => this.tick());
    this.prom.scheduled(this.job.nextRun());
    this.options.logger.info(
      { url: this.server.url, schedule: config.schedule, timezone: config.timezone },
      'daemon started',
    );
    this.tick();
    return this.server.url;
  }

  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** A run unless one is going; what the first run and every cron tick call. */
  private tick(): void {
    if (this.stopping) return;
    this.prom.scheduled(this.job?.nextRun() ?? null);
    if (this.current) {
      this.overlaps++;
      this.prom.overlapped();
      this.options.logger.warn('the previous run is still going; this scheduled run is skipped');
      this.options.onOverlap?.();
      return;
    }
    this.current = this.run().finally(() => {
      this.current = undefined;
    });
  }

  private async run(): Promise<void> {
    const started = Date.now();
    this.prom.started();
    let result: RunResult;
    let report: SyncReport | undefined;
    let error: string | undefined;
    try {
      const outcome = await runSync({
        config: this.options.config,
        database: this.options.database,
        logger: this.options.logger,
        options: { only: [], dryRun: false, force: false },
        signal: this.abort.signal,
        trigger: 'daemon',
        abortGraceMs: this.options.shutdownTimeoutMs / 2,
        ...(this.options.progress ? { progress: this.options.progress } : {}),
      });
      report = outcome.report;
      result = report.interrupted ? 'interrupted' : report.ok ? 'ok' : 'failed';
    } catch (failure) {
      const known = findShelfsyncError(failure);
      result = known?.code === 'conflict' ? 'busy' : known?.code === 'interrupted' ? 'interrupted' : 'error';
      error = known?.message ?? (failure instanceof Error ? failure.message : String(failure));
      this.options.logger.error({ err: failure }, 'daemon run did not complete');
    }
    const finished = Date.now();
    this.completed++;
    this.last = {
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      result,
      durationMs: finished - started,
      ...(error === undefined ? {} : { error }),
      ...(report?.errors?.length ? { failures: report.errors } : {}),
    };
    this.prom.finished(result, finished, report);
    this.options.onRunEnd?.(result, report, error);
  }

  health() {
    const running = this.current !== undefined;
    const status =
      this.last === undefined
        ? 'starting'
        : this.last.result === 'ok' || this.last.result === 'busy'
          ? 'ok'
          : 'failing';
    return {
      status,
      running,
      stopping: this.stopping !== undefined,
      pid: process.pid,
      startedAt: this.startedAt,
      schedule: this.options.config.schedule,
      timezone: this.options.config.timezone,
      lastRun: this.last ?? null,
      nextRun: this.nextRun()?.toISOString() ?? null,
      runs: this.completed,
      overlaps: this.overlaps,
    };
  }

  async metrics(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.prom.registry.contentType, body: await this.prom.registry.metrics() };
  }

  /**
   * Stops the schedule, asks the run in flight to finish its writes (bounded by the shutdown timeout)
   * and closes the health server. The caller closes the database afterwards. Safe to call twice.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.job?.stop();
      this.abort.abort(new Error('daemon stopping'));
      if (this.current) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.options.shutdownTimeoutMs);
          timer.unref();
        });
        await Promise.race([this.current, deadline]);
        clearTimeout(timer);
      }
      await this.server?.close();
      this.options.logger.info('daemon stopped');
    })();
    return this.stopping;
  }
}
