import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type SyncReport, syncReportSchema } from '../../src/sync/report.ts';

const CHILD = fileURLToPath(new URL('../sync-child.js', import.meta.url));

/**
 * What the children run: the build in dist/ (what an installed shelfsync runs; `npm run bench` builds
 * it first) or, with `SHELFSYNC_BENCH_CODE=src`, the TypeScript sources as a checkout runs them.
 */
export function benchCode(): 'dist' | 'src' {
  return process.env.SHELFSYNC_BENCH_CODE === 'src' ? 'src' : 'dist';
}

export interface ChildRun {
  exitCode: number | null;
  report: SyncReport;
  /** Whole process, from spawn to exit: Node start-up, config, database, the sync. */
  wallMs: number;
  maxRssKb: number;
  /** User + system CPU of the child: steadier than wall time on a shared, loaded machine. */
  cpuMs: number;
}

/** Runs `shelfsync sync --json <args> --config <config>` in a child process and measures it. */
export async function runSyncChild(
  config: string,
  args: readonly string[],
  home: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildRun> {
  const run = await runCliChild(config, ['sync', '--json', ...args], home, extraEnv);
  const parsed = syncReportSchema.safeParse(run.output);
  if (!parsed.success) throw new Error(`sync printed no run report (exit ${run.exitCode})`);
  return {
    exitCode: run.exitCode,
    report: parsed.data,
    wallMs: run.wallMs,
    maxRssKb: run.maxRssKb,
    cpuMs: run.cpuMs,
  };
}

export interface CliChildRun extends Omit<ChildRun, 'report'> {
  /** The JSON document the command printed. */
  output: unknown;
}

/** Runs any `shelfsync <args> --config <config>` that prints one JSON document, and measures it. */
export function runCliChild(
  config: string,
  args: readonly string[],
  home: string,
  extraEnv: Record<string, string> = {},
): Promise<CliChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args, '--config', config], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        NO_COLOR: '1',
        SHELFSYNC_BENCH_CODE: benchCode(),
        ...extraEnv,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      const wallMs = performance.now() - started;
      const rss = /BENCH_MAX_RSS_KB=(\d+) BENCH_CPU_MS=(\d+)/.exec(stderr);
      const output = parseJson(stdout);
      if (output === undefined || !rss) {
        reject(new Error(`${args[0]} child failed (exit ${exitCode}): ${stderr.slice(-2000)}`));
        return;
      }
      resolve({ exitCode, output, wallMs, maxRssKb: Number(rss[1]), cpuMs: Number(rss[2]) });
    });
  });
}

function parseJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}
