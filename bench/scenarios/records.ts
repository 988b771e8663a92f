import { type MeasuredRun, measuredSync, tooManyRequests } from '../lib/measure.ts';
import { MB, round, type ScenarioResult } from '../lib/result.ts';
import { median } from '../lib/stats.ts';
import { startWorld } from '../lib/world.ts';

export const RECORDS_SEED = 7;
const FAST_RATE_SCALE = 1000;

/** Records cold then warm sync of `size` releases, each repetition on a fresh sandbox and database. */
export async function recordsAtSize(size: number, repetitions: number): Promise<ScenarioResult[]> {
  const runs: { cold: MeasuredRun[]; warm: MeasuredRun[] } = { cold: [], warm: [] };
  let ideal = 0;
  let instances = 0;
  for (let rep = 0; rep < repetitions; rep++) {
    const world = await startWorld(
      { seed: RECORDS_SEED, books: 1, records: size, rateScale: FAST_RATE_SCALE },
      ['records'],
    );
    try {
      const discogs = world.sandbox.worlds.records.discogs;
      instances = discogs.collection.length;
      // Pages of 100 for the collection and the wantlist, plus identity, folders and custom fields.
      ideal = Math.ceil(instances / 100) + Math.ceil(discogs.wantlist.length / 100) + 3;
      runs.cold.push(await measuredSync(world, 'records', ['discogs']));
      runs.warm.push(await measuredSync(world, 'records', ['discogs']));
    } finally {
      await world.stop();
    }
  }
  return (['cold', 'warm'] as const).map((phase) => {
    const phaseRuns = runs[phase];
    const last = phaseRuns.at(-1) as MeasuredRun;
    const requests = last.seen.discogs?.requests ?? 0;
    const records = last.report.bridges.records;
    return {
      scenario: `records ${phase} sync`,
      size: `${size.toLocaleString('en-US')} records`,
      runs: phaseRuns.length,
      status: 'ok',
      wallSeconds: round(median(phaseRuns.map((run) => run.wallMs)) / 1000, 2),
      cpuSeconds: round(median(phaseRuns.map((run) => run.cpuMs)) / 1000, 2),
      peakRssMb: round(Math.max(...phaseRuns.map((run) => run.maxRssKb)) / 1024),
      databaseMb: round(last.databaseBytes / MB, 2),
      counts: {
        'discogs requests': requests,
        'ideal ⌈N/100⌉ + wantlist pages + 3': ideal,
        'collection instances': instances,
        'stand-ins CPU s': round(median(phaseRuns.map((run) => run.standInCpuMs)) / 1000, 1),
        'added/updated/removed': `${records?.added ?? 0}/${records?.updated ?? 0}/${records?.removed ?? 0}`,
        '429s': tooManyRequests(last.seen.discogs),
      },
      check: { target: `≤ ${ideal} Discogs requests`, met: requests <= ideal },
    } satisfies ScenarioResult;
  });
}
