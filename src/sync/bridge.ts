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
  done(): void;
}

export interface ProgressSink {
  phase(bridge: BridgeName, name: string, total: number, label?: string): PhaseProgress;
  /** One plain line of news ("alice: 3 books wait for tomorrow's quota"). */
  note(message: string): void;
}

export const silentProgress: ProgressSink = {
  phase: () => ({ tick: () => {}, done: () => {} }),
  note: () => {},
};

/**
 * Lets a bridge hand its HTTP clients to the engine: the engine sums their counters into the report
 * and `--profile`, and closes them when the run ends, whatever happened.
 */
export interface ClientRegistry {
  track<C extends HttpClient>(client: C): C;
  /** Extra counters a client cannot see itself (Hardcover units by kind: reads, searches, writes). */
  count(service: HttpClient['service'], key: string, amount: number): void;
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
}

export interface Bridge<Report> {
  name: BridgeName;
  /** True when the config has this bridge's section (and, for playlists, something to update). */
  configured(config: Config): boolean;
  run(context: BridgeContext): Promise<Report>;
}
