import { setTimeout as sleep } from 'node:timers/promises';
import { spacingFor } from '../../src/core/ratelimit/limiter.ts';
import { runCliChild } from '../lib/child.ts';
import { measuredSync, tooManyRequests } from '../lib/measure.ts';
import { round, type ScenarioResult } from '../lib/result.ts';
import { resetStandInStats, standInStats, startWorld } from '../lib/world.ts';
import { RECORDS_SEED } from './records.ts';

const WINDOW_S = 60;
const PER_WINDOW = 60;

/**
 * `records enrich` of `size` releases at Discogs' real limit (60 in any moving minute). The sync that
 * fills the collection goes first, then a minute's pause so its requests leave the window. The ideal
 * for R requests: 60 at once, the next 60 a minute later, so 60 · ⌊(R − 1) / 60⌋ seconds.
 */
export async function recordsEnrichAtRealLimit(size = 120): Promise<ScenarioResult> {
  const world = await startWorld({ seed: RECORDS_SEED, books: 1, records: size, rateScale: 1 }, ['records']);
  try {
    await measuredSync(world, 'records', []);
    await sleep(WINDOW_S * 1000);
    await resetStandInStats(world);
    const run = await runCliChild(world.config, ['records', 'enrich', '--json'], world.home);
    const discogs = await standInStats(world, 'discogs');
    const requests = discogs.requests;
    const ideal = WINDOW_S * Math.floor(Math.max(0, requests - 1) / PER_WINDOW);
    // What our limiter allows: requests spaced so no window holds more than 58 of them.
    const paced = (Math.max(0, requests - 1) * spacingFor(WINDOW_S * 1000, PER_WINDOW)) / 1000;
    const wall = run.wallMs / 1000;
    const ratio = ideal > 0 ? wall / ideal : 0;
    return {
      scenario: 'records enrich at the real limit',
      size: `${size} releases, rate-scale 1`,
      runs: 1,
      status: 'ok',
      wallSeconds: round(wall, 1),
      cpuSeconds: round(run.cpuMs / 1000, 2),
      peakRssMb: round(run.maxRssKb / 1024),
      counts: {
        'discogs requests': requests,
        'ideal s (60 at once per minute)': ideal,
        'evenly paced s (58 a minute, our spacing)': round(paced, 1),
        'wall / evenly paced': round(paced > 0 ? wall / paced : 0, 3),
        'wall / ideal': round(ratio, 3),
        '429s': tooManyRequests(discogs),
      },
      check: {
        target: 'wall within 15% of ideal, 0 429s',
        met: ratio <= 1.15 && tooManyRequests(discogs) === 0,
      },
    };
  } finally {
    await world.stop();
  }
}
