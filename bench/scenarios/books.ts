import { advanceProgress } from '../lib/abs-progress.ts';
import { type MeasuredRun, measuredSync, syncedBooks, tooManyRequests } from '../lib/measure.ts';
import { captureProfile, type ProfileCapture } from '../lib/profile.ts';
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

export interface BooksMeasured {
  rows: ScenarioResult[];
  /** The last cold run's `sync --profile`, when asked for. */
  profile?: ProfileCapture;
}

const WATCH = ['hardcover', 'audiobookshelf'] as const;

/**
 * Cold, warm and 1%-changed syncs of `size` books, each repetition on a fresh sandbox and database.
 * With `profile`, the cold runs also print `--profile` (a few timers; it costs no requests).
 */
export async function booksAtSize(
  size: number,
  repetitions: number,
  profile = false,
): Promise<BooksMeasured> {
  const runs: Record<Phase, MeasuredRun[]> = { cold: [], warm: [], changed: [] };
  let changedRows = 0;
  for (let rep = 0; rep < repetitions; rep++) {
    const world = await startWorld(
      { seed: BOOKS_SEED, books: size, records: 1, rateScale: FAST_RATE_SCALE },
      ['books'],
    );
    try {
      runs.cold.push(await measuredSync(world, 'books', WATCH, {}, profile ? ['--profile'] : []));
      runs.warm.push(await measuredSync(world, 'books', WATCH));
      changedRows = await advanceProgress(world.sandbox, 0.01);
      runs.changed.push(await measuredSync(world, 'books', WATCH));
    } finally {
      await world.stop();
    }
  }
  const rows = (['cold', 'warm', 'changed'] as const).map((phase) =>
    booksRow(PHASE_NAMES[phase], size, runs[phase], phase, changedRows),
  );
  const captured = captureProfile(
    `books cold sync, ${booksLabel(size)}`,
    (runs.cold.at(-1) as MeasuredRun).report,
  );
  return { rows, ...(profile && captured ? { profile: captured } : {}) };
}

/** The issue's big library: one cold sync of `size` books at a high rate-scale, with `--profile`. */
export async function booksColdOnce(size: number, targetSeconds: number): Promise<BooksMeasured> {
  const world = await startWorld({ seed: BOOKS_SEED, books: size, records: 1, rateScale: FAST_RATE_SCALE }, [
    'books',
  ]);
  try {
    const run = await measuredSync(world, 'books', WATCH, {}, ['--profile']);
    const row = booksRow(PHASE_NAMES.cold, size, [run], 'cold');
    const units = row.check;
    const fast = run.wallMs / 1000 < targetSeconds;
    row.check = {
      target: `wall < ${targetSeconds} s${units ? `, ${units.target}` : ''}`,
      met: fast && (units?.met ?? true),
    };
    const captured = captureProfile(`books cold sync, ${booksLabel(size)}`, run.report);
    return { rows: [row], ...(captured ? { profile: captured } : {}) };
  } finally {
    await world.stop();
  }
}

const booksLabel = (size: number) => `${size.toLocaleString('en-US')} books`;

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
    'stand-ins CPU s': round(median(runs.map((run) => run.standInCpuMs)) / 1000, 1),
    '429s': tooManyRequests(hc),
  };
  if (phase === 'changed') counts['progress rows changed'] = changedRows;
  const varying = new Set(runs.map((run) => run.seen.hardcover?.units ?? 0)).size > 1;
  return {
    scenario,
    size: booksLabel(size),
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
