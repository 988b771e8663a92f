import type { StandInName } from '../../sandbox/core/faults.ts';
import type { SyncReport } from '../../src/sync/report.ts';
import { type ChildRun, runSyncChild } from './child.ts';
import {
  type BenchWorld,
  databaseBytes,
  resetStandInStats,
  type StandInStats,
  standInStats,
} from './world.ts';

/** One measured sync: the child's own numbers and what the stand-ins saw. */
export interface MeasuredRun extends ChildRun {
  seen: Partial<Record<StandInName, StandInStats>>;
  databaseBytes: number;
  /**
   * CPU the stand-ins spent answering (this process, while the child ran): when it is close to the
   * child's wall time, the stand-ins, not shelfsync, set the pace.
   */
  standInCpuMs: number;
}

export async function measuredSync(
  world: BenchWorld,
  only: 'books' | 'records' | 'playlists',
  watch: readonly StandInName[],
  env: Record<string, string> = {},
  extraArgs: readonly string[] = [],
): Promise<MeasuredRun> {
  await resetStandInStats(world);
  const cpuBefore = process.cpuUsage();
  const run = await runSyncChild(world.config, ['--only', only, ...extraArgs], world.home, env);
  const cpu = process.cpuUsage(cpuBefore);
  const seen: MeasuredRun['seen'] = {};
  for (const name of watch) seen[name] = await standInStats(world, name);
  return {
    ...run,
    seen,
    databaseBytes: databaseBytes(world.dbPath),
    standInCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

export function syncedBooks(report: SyncReport): number {
  return Object.values(report.bridges.books?.users ?? {}).reduce(
    (sum, user) => sum + user.outcomes.synced,
    0,
  );
}

export function waitingBooks(report: SyncReport): number {
  return Object.values(report.bridges.books?.users ?? {}).reduce(
    (sum, user) => sum + (typeof user.waiting === 'number' ? user.waiting : 0),
    0,
  );
}

export function tooManyRequests(stats: StandInStats | undefined): number {
  return stats?.status['429'] ?? 0;
}
