import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../../helpers/cli.ts';

/** A key for sealing tokens in tests; real users get theirs from `openssl rand -hex 32`. */
export const TEST_SECRET_KEY = 'a3f1c9e2b7d4058e6a1f2c3d4e5f60718293a4b5c6d7e8f90112233445566778';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  /** Resolves with the first line of stdout. */
  firstLine: Promise<string>;
  done: Promise<CliRun>;
}

/** The real CLI as a child process, with SHELFSYNC_SECRET_KEY set and nothing of the machine's setup. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, ['bin/shelfsync.js', ...args], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: repoRoot,
      NO_COLOR: '1',
      SHELFSYNC_SECRET_KEY: TEST_SECRET_KEY,
      ...env,
    },
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  let resolveLine: (line: string) => void = () => {};
  let rejectLine: (error: Error) => void = () => {};
  const firstLine = new Promise<string>((resolve, reject) => {
    resolveLine = resolve;
    rejectLine = reject;
  });
  firstLine.catch(() => {});
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const end = stdout.indexOf('\n');
    if (end >= 0) resolveLine(stdout.slice(0, end));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<CliRun>((resolve) => {
    child.once('close', (code) => {
      rejectLine(new Error(`exited (${code}) before a line; stderr: ${stderr}`));
      resolve({ code, stdout, stderr });
    });
  });
  return { firstLine, done };
}

export function runCliAsync(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(args, env).done;
}

/** Copies the sandbox's config into `dir` with changes (e.g. other playlist definitions). */
export async function writeConfig(
  sandboxConfig: string,
  dir: string,
  change: (config: Record<string, unknown>) => void = () => {},
): Promise<string> {
  const config = parse(await readFile(sandboxConfig, 'utf8')) as Record<string, unknown>;
  config.database = { path: join(dir, 'shelfsync.db') };
  config.log = { file: join(dir, 'shelfsync.log'), level: 'debug' };
  change(config);
  const path = join(dir, 'config.yaml');
  await writeFile(path, stringify(config), { mode: 0o600 });
  return path;
}

/** `soundcloud login --print-url`, completed by following the printed address like a browser would. */
export async function loginThroughCli(config: string): Promise<CliRun> {
  const running = spawnCli(['soundcloud', 'login', '--print-url', '--port', '0', '--config', config]);
  const url = await running.firstLine;
  const approve = await fetch(url, { redirect: 'manual' });
  const back = approve.headers.get('location');
  if (!back) throw new Error(`authorize answered ${approve.status} without a redirect`);
  await (await fetch(back)).text();
  return running.done;
}
