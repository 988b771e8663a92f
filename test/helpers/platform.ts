import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type Database, openDatabase } from '../../src/core/db/index.ts';
import { repoRoot } from './cli.ts';

export const silentLogger = pino({ level: 'silent' });

/** A temp folder with a config that has no bridges, its own database and log. */
export function emptyConfig(extra = ''): { dir: string; path: string; database: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-platform-'));
  const path = join(dir, 'config.yaml');
  const database = join(dir, 'db.sqlite');
  writeFileSync(path, `database: { path: ${database} }\nlog: { file: ${dir}/log.txt }\n${extra}`, {
    mode: 0o600,
  });
  return { dir, path, database };
}

export async function withDatabase<T>(path: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ path });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` (never a fixed sleep). */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real CLI, run without blocking this process (stand-ins started in-process keep answering).
 * `started` resolves with the child as soon as it is spawned, `done` with its output at exit.
 */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/shelfsync.js', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? repoRoot, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<CliRun>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => ({ stdout, stderr }) };
}

export function runCliAsync(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(args, env).done;
}

/** GET /__sandbox/stats of every stand-in, keyed by service name. */
export async function sandboxStats(
  standIns: Record<string, { origin: string }>,
): Promise<Record<string, { requests: number; units: number }>> {
  const stats: Record<string, { requests: number; units: number }> = {};
  for (const [name, standIn] of Object.entries(standIns)) {
    const response = await fetch(new URL('/__sandbox/stats', standIn.origin));
    stats[name] = (await response.json()) as { requests: number; units: number };
  }
  return stats;
}

export async function resetSandboxStats(standIns: Record<string, { origin: string }>): Promise<void> {
  for (const standIn of Object.values(standIns)) {
    await fetch(new URL('/__sandbox/reset-stats', standIn.origin), { method: 'POST' });
  }
}
