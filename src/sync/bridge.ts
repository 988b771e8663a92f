import type { CacheRegistry } from '../core/cache/index.ts';
import type { Clock } from '../core/clock.ts';
import type { Config } from '../core/config/index.ts';
import type { Database } from '../core/db/database.ts';
import type { HttpClient } from '../core/http/index.ts';
import type { Logger } from '../core/log.ts';

export const BRIDGE_NAMES = ['books', 'records', 'playlists'] as const;
export type BridgeName = (typeof BRIDGE_NAMES)[number];

export interface SyncOptions {
  /** Bridges to run; all configured ones when empty. */
  only: readonly BridgeName[];
  /** Books: only this user id. */
  user?: string | undefined;
  /** Read everything, write nothing (neither upstream nor the local database). */
  dryRun: boolean;
  /** Ignore what local memory says is already done (still respects the user's choices upstream). */
  force: boolean;
}

/** Live progress of one phase (collect, match, apply, enrich...); the CLI draws it, tests ignore it. */
export interface PhaseProgress {
  tick(count?: number): void;
  /** When the amount of work becomes known (or grows) after the phase started. */
  setTotal?(total: number): void;
  done(): void;
}

export interface ProgressSink {
  /**
   * A phase of a bridge starts now; it ends at `done()`. The engine times every phase for `--profile`
   * (wall time, requests of that bridge's clients while it ran), so call `done()` also on failure, or
   * use `runPhase(context, bridge, name, work)`, which does. `label` says more: a user id, "pages".
   * `total` 0 means "not known yet".
   */
  phase(bridge: BridgeName, name: string, total: number, label?: string): PhaseProgress;
  /** One plain line of news ("alice: 3 books wait for tomorrow's quota"). */
  note(message: string): void;
}

export const silentPhase: PhaseProgress = { tick: () => {}, setTotal: () => {}, done: () => {} };

export const silentProgress: ProgressSink = {
  phase: () => silentPhase,
  note: () => {},
};

/**
 * Lets a bridge hand its HTTP clients to the engine: the engine sums their counters into the report
 * and `--profile`, keeps their last quota for `status` and `/metrics`, and closes them when the run
 * ends, whatever happened.
 */
export interface ClientRegistry {
  /** `subject` names whose client it is (a book user's id), for quota reporting; optional. */
  track<C extends HttpClient>(client: C, subject?: string): C;
  /** Extra counters a client cannot see itself (Hardcover units by kind: reads, searches, writes). */
  count(service: HttpClient['service'], key: string, amount: number): void;
}

export interface PhaseOptions {
  /** Amount of work, when known up front; `progress.setTotal` can give it later. */
  total?: number;
  /** More about the phase, shown beside its name: a user id, a playlist name, "pages". */
  label?: string;
}

/** Everything a bridge gets from the engine. Bridges never read process state themselves. */
export interface BridgeContext {
  config: Config;
  database: Database;
  logger: Logger;
  clock: Clock;
  options: SyncOptions;
  /** Aborted on SIGTERM/SIGINT: finish the writes in flight, start no new ones. */
  signal: AbortSignal;
  progress: ProgressSink;
  clients: ClientRegistry;
  /**
   * Register memory caches here (`createMemoryCache({ registry: context.caches, ... })`) so the run
   * report, `--profile` and `status` show their hit rates. The engine always gives one.
   */
  caches?: CacheRegistry;
}

/**
 * Runs one phase of a bridge (collect, match, plan, apply, enrich...): draws its progress and times it
 * for `--profile`, and ends it even when `work` throws. The same as `context.progress.phase(...)`
 * followed by `done()` in a finally.
 */
export async function runPhase<T>(
  context: Pick<BridgeContext, 'progress'>,
  bridge: BridgeName,
  name: string,
  work: (progress: PhaseProgress) => Promise<T>,
  options: PhaseOptions = {},
): Promise<T> {
  const progress = context.progress.phase(bridge, name, options.total ?? 0, options.label);
  try {
    return await work(progress);
  } finally {
    progress.done();
  }
}

export interface Bridge<Report> {
  name: BridgeName;
  /** True when the config has this bridge's section (and, for playlists, something to update). */
  configured(config: Config): boolean;
  run(context: BridgeContext): Promise<Report>;
}
