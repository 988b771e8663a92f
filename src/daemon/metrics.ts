import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SyncReport } from '../sync/report.ts';

export type RunResult = 'ok' | 'failed' | 'interrupted' | 'busy' | 'error';

/** The daemon's Prometheus metrics, on a registry of its own (nothing global). */
export class DaemonMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({
    name: 'shelfsync_runs_total',
    help: 'Sync runs by result (busy: another run held the database; error: the run could not start)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly overlaps = new Counter({
    name: 'shelfsync_run_overlaps_total',
    help: 'Scheduled runs skipped because the previous run was still going',
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'shelfsync_run_duration_seconds',
    help: 'Wall time of finished runs',
    buckets: [1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  private readonly inProgress = new Gauge({
    name: 'shelfsync_run_in_progress',
    help: '1 while a run is going',
    registers: [this.registry],
  });
  private readonly lastRun = new Gauge({
    name: 'shelfsync_last_run_timestamp_seconds',
    help: 'When the last run finished',
    registers: [this.registry],
  });
  private readonly lastSuccess = new Gauge({
    name: 'shelfsync_last_run_success',
    help: '1 when the last run finished ok, 0 otherwise',
    registers: [this.registry],
  });
  private readonly nextRun = new Gauge({
    name: 'shelfsync_next_run_timestamp_seconds',
    help: 'When the next scheduled run starts',
    registers: [this.registry],
  });
  private readonly bookOutcomes = new Counter({
    name: 'shelfsync_book_outcomes_total',
    help: 'Books per outcome and user, summed over runs',
    labelNames: ['user', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly recordChanges = new Counter({
    name: 'shelfsync_record_changes_total',
    help: 'Collection rows added, updated and removed, summed over runs',
    labelNames: ['change'] as const,
    registers: [this.registry],
  });
  private readonly playlistTracks = new Gauge({
    name: 'shelfsync_playlist_tracks',
    help: 'Tracks per playlist and match status in the last run',
    labelNames: ['playlist', 'status'] as const,
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: 'shelfsync_requests_total',
    help: 'HTTP requests sent per service, retries included',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  private readonly units = new Counter({
    name: 'shelfsync_request_units_total',
    help: 'Rate-limit units spent per service (Hardcover: top-level GraphQL fields)',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  private readonly quota = new Gauge({
    name: 'shelfsync_quota_remaining',
    help: 'Daily quota left as of the last response, per service and user',
    labelNames: ['service', 'subject'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'shelfsync_' });
  }

  started(): void {
    this.inProgress.set(1);
  }

  overlapped(): void {
    this.overlaps.inc();
  }

  scheduled(next: Date | null): void {
    if (next) this.nextRun.set(next.getTime() / 1000);
  }

  finished(result: RunResult, finishedAt: number, report?: SyncReport): void {
    this.inProgress.set(0);
    this.runs.inc({ result });
    this.lastRun.set(finishedAt / 1000);
    this.lastSuccess.set(result === 'ok' ? 1 : 0);
    if (report) this.observeReport(report);
  }

  private observeReport(report: SyncReport): void {
    this.duration.observe(report.durationMs / 1000);
    for (const [user, result] of Object.entries(report.bridges.books?.users ?? {})) {
      for (const [outcome, count] of Object.entries(result.outcomes)) {
        if (count > 0) this.bookOutcomes.inc({ user, outcome }, count);
      }
    }
    const records = report.bridges.records;
    if (records) {
      for (const change of ['added', 'updated', 'removed'] as const) {
        if (records[change] > 0) this.recordChanges.inc({ change }, records[change]);
      }
    }
    for (const [playlist, result] of Object.entries(report.bridges.playlists ?? {})) {
      for (const status of ['matched', 'uncertain', 'missing'] as const) {
        this.playlistTracks.set({ playlist, status }, result[status]);
      }
    }
    for (const [service, spent] of Object.entries(report.requests)) {
      if (spent.requests > 0) this.requests.inc({ service }, spent.requests);
      if ((spent.units ?? 0) > 0) this.units.inc({ service }, spent.units ?? 0);
    }
    for (const quota of report.quota ?? []) {
      this.quota.set({ service: quota.service, subject: quota.subject ?? '' }, quota.remaining);
    }
  }
}
