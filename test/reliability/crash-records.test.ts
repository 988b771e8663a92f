import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { RECORDS_TABLES } from '../e2e/fixtures/records-sandbox.ts';
import {
  afterRequests,
  configWithDatabase,
  countRows,
  integrityCheck,
  interruptedMidRun,
  resetStandInStats,
  soak,
  spawnCli,
  spreadKillPoints,
  standInRequests,
  statusStates,
  tableSnapshot,
} from '../helpers/crash-harness.ts';

/**
 * SIGKILL `shelfsync sync --only records` after the Nth Discogs request, for N spread over a whole
 * run, then run it again to the end: the records tables must equal those of a run never interrupted.
 */
const RECORDS = soak ? 3000 : 500;
const KILL_POINTS = soak ? 24 : 3;
/** When each row was written differs between runs; what was written must not. */
const WRITE_TIMES = { releases: ['updated_at'] } as const;

let sandbox: Sandbox;
let dir: string;
let reference: Record<string, string[]>;
let referenceRequests: number;
const killsRun: { n: number; killed: boolean }[] = [];

function sync(config: string, killWhen?: () => Promise<boolean>) {
  return spawnCli(['sync', '--config', config, '--only', 'records', '--json'], {
    env: { HOME: dir },
    ...(killWhen ? { killWhen } : {}),
    deadlineMs: 180_000,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 19, records: RECORDS, rateScale: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-crash-records-'));
  const config = configWithDatabase(sandbox.info.config, dir, 'reference');
  await resetStandInStats(sandbox.info.discogs.url);
  const run = await sync(config);
  expect(run.code, run.stderr).toBe(0);
  referenceRequests = await standInRequests(sandbox.info.discogs.url);
  reference = tableSnapshot(join(dir, 'reference.db'), RECORDS_TABLES, WRITE_TIMES);
}, 240_000);

afterAll(async () => {
  process.stdout.write(
    `records kill points (request n, killed): ${JSON.stringify(killsRun)} of ${referenceRequests}\n`,
  );
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`records sync killed at ${KILL_POINTS} points, then re-run`, () => {
  it('the uninterrupted run stored the whole collection and wantlist', () => {
    const { collection, wantlist } = sandbox.worlds.records.discogs;
    expect(reference.collection_instances).toHaveLength(collection.length);
    expect(reference.wantlist).toHaveLength(wantlist.length);
    expect(reference.records_sync_state).toEqual([]);
    expect(referenceRequests).toBeGreaterThanOrEqual(KILL_POINTS);
  });

  it.each(Array.from({ length: KILL_POINTS }, (_, index) => index))(
    'kill point %i: killed after the Nth Discogs request, the re-run ends where an uninterrupted run does',
    async (index) => {
      // Spread over the reference run's own length, known only once it ran.
      const n = spreadKillPoints(referenceRequests, KILL_POINTS)[index] ?? 1;
      const config = configWithDatabase(sandbox.info.config, dir, `kill-${index}`);
      const database = join(dir, `kill-${index}.db`);
      await resetStandInStats(sandbox.info.discogs.url);
      const killed = await sync(config, afterRequests([sandbox.info.discogs.url], n));
      const interrupted = interruptedMidRun(killed, database);
      killsRun.push({ n, killed: interrupted });
      if (interrupted) {
        expect(integrityCheck(database)).toBe('ok');
        // Its process is gone, so status does not call it running.
        expect(await statusStates(config, { HOME: dir })).toEqual(['interrupted']);
      }

      const rerun = await sync(config);
      expect(rerun.code, rerun.stderr).toBe(0);
      const report = JSON.parse(rerun.stdout) as {
        ok: boolean;
        bridges: { records?: { complete?: boolean } };
      };
      expect(report.ok).toBe(true);
      expect(report.bridges.records?.complete).toBe(true);
      expect(integrityCheck(database)).toBe('ok');
      expect(tableSnapshot(database, RECORDS_TABLES, WRITE_TIMES)).toEqual(reference);
      // The re-run recorded the killed run as interrupted: no run is left open.
      expect(countRows(database, 'runs', 'finished_at is null')).toBe(0);
      const killedRuns = interrupted ? 1 : 0;
      expect(countRows(database, 'runs', "json_extract(report_json, '$.abandoned') = 1")).toBe(killedRuns);
      expect(countRows(database, 'runs', 'ok = 1')).toBe(2 - killedRuns);
    },
    240_000,
  );
});
