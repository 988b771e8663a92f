import { advanceProgress } from '../lib/abs-progress.ts';
import { type MeasuredRun, measuredSync, syncedBooks, tooManyRequests } from '../lib/measure.ts';
import { MB, round, type ScenarioResult } from '../lib/result.ts';
import { median } from '../lib/stats.ts';
import { startWorld } from '../lib/world.ts';

export const BOOKS_SEED = 7;
/** High enough that the limiter never waits, so the wall time is our own work. */
export const FAST_RATE_SCALE = 1000;

type Phase = 'cold' | 'warm' | 'changed';
const PHASE_NAMES: Record<Phase, string> = {
  cold: 'books cold sync',
  warm: 'books warm sync, nothing changed',
  changed: 'books sync after 1% of progress changed',
};

/** Cold, warm and 1%-changed syncs of `size` books, each repetition on a fresh sandbox and database. */
export async function booksAtSize(size: number, repetitions: number): Promise<ScenarioResult[]> {
  const runs: Record<Phase, MeasuredRun[]> = { cold: [], warm: [], changed: [] };
  let changedRows = 0;
  for (let rep = 0; rep < repetitions; rep++) {
    const world = await startWorld(
      { seed: BOOKS_SEED, books: size, records: 1, rateScale: FAST_RATE_SCALE },
      ['books'],
    );
    try {
      const watch = ['hardcover', 'audiobookshelf'] as const;
      runs.cold.push(await measuredSync(world, 'books', watch));
      runs.warm.push(await measuredSync(world, 'books', watch));
      changedRows = await advanceProgress(world.sandbox, 0.01);
      runs.changed.push(await measuredSync(world, 'books', watch));
    } finally {
      await world.stop();
    }
  }
  return (['cold', 'warm', 'changed'] as const).map((phase) =>
    booksRow(PHASE_NAMES[phase], size, runs[phase], phase, changedRows),
  );
}

export function booksRow(
  scenario: string,
  size: number,
  runs: readonly MeasuredRun[],
  phase: Phase,
  changedRows = 0,
): ScenarioResult {
  const last = runs.at(-1) as MeasuredRun;
  const hc = last.seen.hardcover;
  const synced = syncedBooks(last.report);
  const units = hc?.units ?? 0;
  const perBook = synced > 0 ? units / synced : 0;
  const counts: Record<string, number | string> = {
    'hardcover units': units,
    'hc reads/searches/writes': `${hc?.reads ?? 0}/${hc?.searches ?? 0}/${hc?.writes ?? 0}`,
    'books synced': synced,
    'units per synced book': round(perBook, 2),
    'abs requests': last.seen.audiobookshelf?.requests ?? 0,
    '429s': tooManyRequests(hc),
  };
  if (phase === 'changed') counts['progress rows changed'] = changedRows;
  const varying = new Set(runs.map((run) => run.seen.hardcover?.units ?? 0)).size > 1;
  return {
    scenario,
    size: `${size.toLocaleString('en-US')} books`,
    runs: runs.length,
    status: 'ok',
    wallSeconds: round(median(runs.map((run) => run.wallMs)) / 1000, 2),
    cpuSeconds: round(median(runs.map((run) => run.cpuMs)) / 1000, 2),
    peakRssMb: round(Math.max(...runs.map((run) => run.maxRssKb)) / 1024),
    databaseMb: round(last.databaseBytes / MB, 2),
    counts,
    check:
      phase === 'cold'
        ? { target: '≤ 2.5 units per synced book', met: perBook <= 2.5 }
        : phase === 'warm'
          ? { target: '0 units', met: units === 0 }
          : undefined,
    ...(varying ? { note: 'units differed between repetitions; the last is shown' } : {}),
  };
}
