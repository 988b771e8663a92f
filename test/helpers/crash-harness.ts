import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { repoRoot } from './cli.ts';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Asked every few milliseconds while the CLI runs; true kills it with SIGKILL. */
  killWhen?: () => Promise<boolean>;
  /** The run (killed or not) must end within this; otherwise it is killed and the promise rejects. */
  deadlineMs?: number;
}

/**
 * The real CLI in a child process, without blocking this process's event loop (so in-process
 * stand-ins keep answering). With `killWhen`, the child gets SIGKILL as soon as it says so: no
 * handler runs, nothing is flushed, as when the machine loses power or the OOM killer strikes.
 */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['bin/shelfsync.js', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: repoRoot, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let exited = false;
  const done = new Promise<CliRun>((resolve) => {
    child.once('close', (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  const watch = async (): Promise<void> => {
    while (!exited) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`shelfsync ${args.join(' ')} did not finish in time; stderr: ${stderr}`);
      }
      if (options.killWhen && (await options.killWhen())) {
        child.kill('SIGKILL');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, options.killWhen ? 5 : 50));
    }
  };
  return Promise.all([done, watch()]).then(([run]) => run);
}

/** Requests a stand-in has received since its last stats reset. */
export async function standInRequests(origin: string): Promise<number> {
  const response = await fetch(`${origin}/__sandbox/stats`);
  const stats = (await response.json()) as { requests: number };
  return stats.requests;
}

export async function resetStandInStats(origin: string): Promise<void> {
  await fetch(`${origin}/__sandbox/reset-stats`, { method: 'POST' });
}

/** A kill condition: the stand-in has seen at least `n` requests (counted from a stats reset). */
export function afterRequests(origins: readonly string[], n: number): () => Promise<boolean> {
  return async () => {
    const counts = await Promise.all(origins.map(standInRequests));
    return counts.reduce((sum, count) => sum + count, 0) >= n;
  };
}

/** `count` kill points spread evenly over requests 1..total (distinct, ascending). */
export function spreadKillPoints(total: number, count: number): number[] {
  const points = new Set<number>();
  for (let i = 0; i < count; i++)
    points.add(1 + Math.floor((i * Math.max(0, total - 1)) / Math.max(1, count - 1)));
  return [...points].sort((a, b) => a - b);
}

/**
 * A copy of the sandbox's config with its own database and log file in `dir` (mode 0600), so
 * several runs can share one sandbox without sharing a database.
 */
export function configWithDatabase(sandboxConfig: string, dir: string, name: string): string {
  const config = parse(readFileSync(sandboxConfig, 'utf8')) as Record<string, Record<string, unknown>>;
  config.database = { path: join(dir, `${name}.db`) };
  config.log = { ...config.log, file: join(dir, `${name}.log`) };
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}

/**
 * Every row of `tables`, without the columns in `ignore` (times of writing), as sorted JSON lines:
 * equal snapshots mean the same content, whatever order or rowids the rows were written in.
 */
export function tableSnapshot(
  path: string,
  tables: readonly string[],
  ignore: Readonly<Record<string, readonly string[]>> = {},
): Record<string, string[]> {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const snapshot: Record<string, string[]> = {};
    for (const table of tables) {
      const skip = new Set(ignore[table] ?? []);
      const rows = sqlite.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
      snapshot[table] = rows
        .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !skip.has(column))))
        .sort();
    }
    return snapshot;
  } finally {
    sqlite.close();
  }
}

export function integrityCheck(path: string): string {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    return String(sqlite.pragma('integrity_check', { simple: true }));
  } finally {
    sqlite.close();
  }
}

/** Rows of `table` (a count query), read without taking part in any write. */
export function countRows(path: string, table: string, where = '1 = 1'): number {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    return sqlite.prepare(`select count(*) from ${table} where ${where}`).pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

/**
 * Whether a SIGKILL interrupted the run: the signal arrived while the run was still open in the
 * database. The kill point after the last request can land once the run has already been recorded
 * as finished (on a loaded machine the child gets there before the signal); that kill interrupted
 * nothing, and the run counts as an uninterrupted one.
 */
export function interruptedMidRun(run: CliRun, database: string): boolean {
  return run.signal === 'SIGKILL' && countRows(database, 'runs', 'finished_at is null') > 0;
}

/** The state of each run `status --json` lists, newest first ("ok", "interrupted", "running"...). */
export async function statusStates(config: string, env: Record<string, string>): Promise<string[]> {
  const status = await spawnCli(['status', '--config', config, '--json', '--runs', '100'], { env });
  if (status.code !== 0) throw new Error(`status failed (${status.code}): ${status.stderr}`);
  return (JSON.parse(status.stdout) as { runs: { state: string }[] }).runs.map((run) => run.state);
}

export const soak = process.env.SHELFSYNC_SOAK === '1';
