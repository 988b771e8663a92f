import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StandInName } from '../../sandbox/core/faults.ts';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { RECORDS_TABLES } from '../e2e/fixtures/records-sandbox.ts';
import { configWithDatabase, spawnCli, tableSnapshot } from '../helpers/crash-harness.ts';
import { disposeFaultRun, type FaultRunResult, syncAgainstSandbox } from '../helpers/fault-world.ts';

/**
 * A stand-in stopped (its port now refuses connections): `sync` gives up after its retries, exits 3,
 * names the service and where it tried, records the run as failed, and leaves the tables as they were.
 */
const TIMEOUT_MS = 2000;
process.env.SHELFSYNC_HTTP_TIMEOUT_MS = String(TIMEOUT_MS);

interface RunRow {
  finished_at: number | null;
  ok: number | null;
}

function runsOf(path: string): RunRow[] {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    return sqlite.prepare('select finished_at, ok from runs order by id').all() as RunRow[];
  } finally {
    sqlite.close();
  }
}

const NAMES: Record<StandInName, string> = {
  discogs: 'Discogs',
  audiobookshelf: 'Audiobookshelf',
  hardcover: 'Hardcover',
  soundcloud: 'SoundCloud',
};

let run: FaultRunResult | undefined;
let sandbox: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await disposeFaultRun(run);
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  run = undefined;
  sandbox = undefined;
  dir = undefined;
});

describe('upstream down', () => {
  it.each([
    { stopped: 'discogs', bridge: 'records' },
    { stopped: 'audiobookshelf', bridge: 'books' },
    { stopped: 'hardcover', bridge: 'books' },
  ] as const)(
    '$stopped stopped: $bridge ends with exit 3, one line naming it, the run marked failed',
    async ({ stopped, bridge }) => {
      run = await syncAgainstSandbox({ only: [bridge], stopped: [stopped] });
      expect(run.exitCode).toBe(3);
      const errors = (run.report as { errors?: { service: string; message: string }[] }).errors ?? [];
      expect(errors).toHaveLength(1);
      const origin = new URL(run.sandbox.standIns[stopped].origin);
      expect(errors[0]?.service).toBe(stopped);
      expect(errors[0]?.message).toContain(NAMES[stopped]);
      expect(errors[0]?.message).toContain(origin.host);
      expect(errors[0]?.message).not.toContain('\n');
      expect(runsOf(run.databasePath)).toEqual([{ finished_at: expect.any(Number), ok: 0 }]);
      if (bridge === 'records') {
        const tables = tableSnapshot(run.databasePath, RECORDS_TABLES);
        for (const rows of Object.values(tables)) expect(rows).toEqual([]);
      }
    },
    120_000,
  );

  it('the CLI: a synced collection, then Discogs down: exit 3, one line naming it, tables unchanged', async () => {
    sandbox = await startSandbox({ seed: 31, books: 5, records: 150, rateScale: 1000 });
    dir = mkdtempSync(join(tmpdir(), 'shelfsync-down-'));
    const config = configWithDatabase(sandbox.info.config, dir, 'down');
    const database = join(dir, 'down.db');
    const env = { HOME: dir, SHELFSYNC_HTTP_TIMEOUT_MS: String(TIMEOUT_MS) };
    const first = await spawnCli(['sync', '--config', config, '--only', 'records'], { env });
    expect(first.code, first.stderr).toBe(0);
    const before = tableSnapshot(database, RECORDS_TABLES);

    const origin = new URL(sandbox.standIns.discogs.origin);
    await sandbox.standIns.discogs.stop();
    const down = await spawnCli(['sync', '--config', config, '--only', 'records'], {
      env,
      deadlineMs: 90_000,
    });
    expect(down.code).toBe(3);
    const failed = down.stdout.split('\n').filter((line) => line.startsWith('failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(
      /^failed records: Could not reach Discogs at 127\.0\.0\.1:\d+: the connection was refused/,
    );
    expect(failed[0]).toContain(origin.host);
    expect(tableSnapshot(database, RECORDS_TABLES)).toEqual(before);
    expect(runsOf(database)).toEqual([
      { finished_at: expect.any(Number), ok: 1 },
      { finished_at: expect.any(Number), ok: 0 },
    ]);
  }, 180_000);
});
