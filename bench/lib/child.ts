import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type SyncReport, syncReportSchema } from '../../src/sync/report.ts';

const CHILD = fileURLToPath(new URL('../sync-child.ts', import.meta.url));

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
export function runSyncChild(
  config: string,
  args: readonly string[],
  home: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, 'sync', '--json', ...args, '--config', config], {
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', ...extraEnv },
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
      const parsed = safeParse(stdout);
      if (!parsed || !rss) {
        reject(new Error(`sync child failed (exit ${exitCode}): ${stderr.slice(-2000)}`));
        return;
      }
      resolve({ exitCode, report: parsed, wallMs, maxRssKb: Number(rss[1]), cpuMs: Number(rss[2]) });
    });
  });
}

function safeParse(stdout: string): SyncReport | undefined {
  try {
    return syncReportSchema.parse(JSON.parse(stdout));
  } catch {
    return undefined;
  }
}
