import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { systemClock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/core/config/index.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { selectReleaseIds } from '../../src/query/index.ts';
import { login } from '../../src/sync/playlists/login.ts';
import { runCliChild, runSyncChild } from '../lib/child.ts';
import { type MeasuredRun, measuredSync, tooManyRequests } from '../lib/measure.ts';
import { round, type ScenarioResult } from '../lib/result.ts';
import { median } from '../lib/stats.ts';
import { type BenchWorld, startWorld } from '../lib/world.ts';

/** Seals the benchmark's SoundCloud tokens; a fixed throwaway key, like the tests'. */
export const BENCH_SECRET_KEY = 'b3f1c9e2b7d4058e6a1f2c3d4e5f60718293a4b5c6d7e8f90112233445566778';
const FAST_RATE_SCALE = 1000;

/**
 * Signs in, fills the collection the way a user does (`sync --only records`, then `records enrich`
 * for the tracklists; neither is measured here) and picks the oldest releases until they hold at
 * least `tracks` tracks.
 */
async function prepare(world: BenchWorld, tracks: number): Promise<string> {
  const env = { HOME: world.home, SHELFSYNC_SECRET_KEY: BENCH_SECRET_KEY };
  const { config } = await loadConfig({ configPath: world.config, env });
  const signIn = await openDatabase({ path: world.dbPath });
  try {
    let browser: Promise<unknown> = Promise.resolve();
    await login({
      config,
      database: signIn,
      clock: systemClock,
      port: 0,
      showUrl: (url) => {
        browser = fetch(url, { redirect: 'manual' }).then(async (approve) => {
          const back = approve.headers.get('location');
          if (back) await (await fetch(back)).text();
        });
      },
    });
    await browser;
  } finally {
    await signIn.close();
  }
  const key = { SHELFSYNC_SECRET_KEY: BENCH_SECRET_KEY };
  const synced = await runSyncChild(world.config, ['--only', 'records'], world.home, key);
  const enriched = await runCliChild(world.config, ['records', 'enrich', '--json'], world.home, key);
  if (synced.exitCode !== 0 || enriched.exitCode !== 0) {
    throw new Error(`records sync or enrich failed (exit ${synced.exitCode}, ${enriched.exitCode})`);
  }
  const database = await openDatabase({ path: world.dbPath });
  try {
    for (let limit = 1; limit <= 2000; limit++) {
      const query = `year >= 1900 order by year limit ${limit}`;
      const ids = await selectReleaseIds(database.db, query);
      if (ids.length === 0) break;
      const row = await database.db
        .selectFrom('release_tracks')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('release_id', 'in', ids)
        .where('type', '=', 'track')
        .executeTakeFirstOrThrow();
      if (Number(row.count) >= tracks || ids.length < limit) return query;
    }
    throw new Error(`the collection has fewer than ${tracks} tracks`);
  } finally {
    await database.close();
  }
}

/** A playlist of about `tracks` tracks built cold (every track searched) and again warm. */
export async function playlistAtSize(tracks: number): Promise<ScenarioResult[]> {
  const world = await startWorld(
    { seed: 21, books: 1, records: Math.max(400, tracks), rateScale: FAST_RATE_SCALE },
    ['records', 'playlists'],
  );
  try {
    const query = await prepare(world, tracks);
    const config = parse(readFileSync(world.config, 'utf8')) as Record<string, unknown>;
    const playlists = config.playlists as Record<string, unknown>;
    playlists.definitions = [{ name: `Bench ${tracks}`, query, private: true }];
    delete config.records;
    await writeFile(world.config, stringify(config), { mode: 0o600 });
    const env = { SHELFSYNC_SECRET_KEY: BENCH_SECRET_KEY };
    const cold = await measuredSync(world, 'playlists', ['soundcloud'], env);
    const warm = await measuredSync(world, 'playlists', ['soundcloud'], env);
    return [playlistRow('cold', tracks, cold), playlistRow('warm', tracks, warm)];
  } finally {
    await rm(world.home, { recursive: true, force: true });
    await world.stop();
  }
}

function playlistRow(phase: 'cold' | 'warm', target: number, run: MeasuredRun): ScenarioResult {
  const reports = Object.values(run.report.bridges.playlists ?? {});
  const tracks = reports.reduce((sum, report) => sum + report.tracks.length, 0);
  const matched = reports.reduce((sum, report) => sum + report.matched, 0);
  const soundcloud = run.report.requests.soundcloud as Record<string, number> | undefined;
  const searches = soundcloud?.searches ?? 0;
  const error = reports.find((report) => report.error)?.error;
  return {
    scenario: `playlist build ${phase}`,
    size: `${tracks} tracks (asked ${target})`,
    runs: 1,
    status: error ? 'failed' : 'ok',
    wallSeconds: round(median([run.wallMs]) / 1000, 2),
    cpuSeconds: round(run.cpuMs / 1000, 2),
    peakRssMb: round(run.maxRssKb / 1024),
    counts: {
      'soundcloud requests': run.seen.soundcloud?.requests ?? 0,
      searches,
      'searches per track': tracks > 0 ? round(searches / tracks, 2) : 0,
      writes: soundcloud?.writes ?? 0,
      matched,
      '429s': tooManyRequests(run.seen.soundcloud),
    },
    note: 'collection from records sync and records enrich, not measured',
    ...(error ? { check: { target: error, met: false } } : {}),
    ...(phase === 'warm' ? { check: { target: '0 searches', met: searches === 0 } } : {}),
  };
}
