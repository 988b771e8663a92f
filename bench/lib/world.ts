import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { StandInName } from '../../sandbox/core/faults.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/sandbox.ts';

/** A sandbox started in this process and a config for one bridge, on a fresh database file. */
export interface BenchWorld {
  sandbox: Sandbox;
  config: string;
  dbPath: string;
  home: string;
  stop(): Promise<void>;
}

type Section = 'books' | 'records' | 'playlists';

/**
 * Starts the stand-ins and trims the sandbox's config to the bridges under test. The Hardcover
 * client's bucket follows the stand-in's: 60 × rateScale a minute (the config key a paid plan uses).
 */
export async function startWorld(options: SandboxOptions, keep: readonly Section[]): Promise<BenchWorld> {
  const sandbox = await startSandbox(options);
  const config = parse(readFileSync(sandbox.info.config, 'utf8')) as Record<string, unknown> & {
    database: { path: string };
    books: { hardcover: Record<string, unknown> } & Record<string, unknown>;
  };
  config.timezone = 'UTC';
  config.books = {
    ...config.books,
    auto_add: true,
    hardcover: { ...config.books.hardcover, per_minute: Math.round(60 * (options.rateScale ?? 1)) },
  };
  for (const section of ['books', 'records', 'playlists'] as const) {
    if (!keep.includes(section)) delete config[section];
  }
  writeFileSync(sandbox.info.config, stringify(config), { mode: 0o600 });
  return {
    sandbox,
    config: sandbox.info.config,
    dbPath: config.database.path,
    home: sandbox.info.dir,
    stop: () => sandbox.stop(),
  };
}

export interface StandInStats {
  requests: number;
  units: number;
  reads: number;
  searches: number;
  writes: number;
  status: Record<string, number>;
  /** Hardcover's stand-in state at this moment (not reset with the counters). */
  duplicateOpenReads?: number;
  duplicateUserBooks?: number;
  duplicateReads?: number;
}

export function origin(world: BenchWorld, name: StandInName): string {
  return world.sandbox.standIns[name].origin;
}

export async function standInStats(world: BenchWorld, name: StandInName): Promise<StandInStats> {
  return (await (await fetch(`${origin(world, name)}/__sandbox/stats`)).json()) as StandInStats;
}

export async function resetStandInStats(world: BenchWorld): Promise<void> {
  for (const name of ['audiobookshelf', 'hardcover', 'discogs', 'soundcloud'] as const) {
    await fetch(`${origin(world, name)}/__sandbox/reset-stats`, { method: 'POST' });
  }
}

/** The database file with its WAL, in bytes. */
export function databaseBytes(path: string): number {
  let total = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      total += statSync(file).size;
    } catch {
      // no WAL after a clean close
    }
  }
  return total;
}
