import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { syncReportSchema } from '../../src/sync/report.ts';
import { acquireRunLock } from '../../src/sync/run-lock.ts';
import { ABANDONED_RUN_MESSAGE } from '../../src/sync/run-record.ts';
import { emptyConfig, runCliAsync, silentLogger, withDatabase } from '../helpers/platform.ts';

/**
 * A run killed mid-way leaves its row without an end and its lock behind. `status` must not call it
 * running once its process is gone, and the next run records it as interrupted, ended at the last
 * heartbeat of its lock.
 */
const STARTED = Date.UTC(2026, 0, 2, 3, 4, 5);
const LAST_HEARTBEAT = STARTED + 42_000;

/** The pid of a process that has exited (so a lock naming it is held by nobody). */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.once('exit', () => resolve(child.pid ?? 0)));
}

/** What a SIGKILLed `sync` leaves: an open run and its lock, with a heartbeat 42 s after the start. */
async function leaveKilledRun(database: string, pid: number): Promise<void> {
  await withDatabase(database, async (db) => {
    await db.db
      .insertInto('runs')
      .values({ started_at: STARTED, command: 'sync', ok: null, report_json: null })
      .execute();
    await db.db
      .insertInto('run_lock')
      .values({
        id: 1,
        owner: 'killed-run',
        pid,
        host: hostname(),
        command: 'sync',
        acquired_at: STARTED,
        heartbeat_at: LAST_HEARTBEAT,
      })
      .execute();
  });
}

interface StatusRun {
  id: number;
  state: string;
  finishedAt: string | null;
  report: unknown;
}

async function statusRuns(path: string, dir: string): Promise<StatusRun[]> {
  const status = await runCliAsync(['status', '--config', path, '--json'], { HOME: dir });
  expect(status.code, status.stderr).toBe(0);
  return (JSON.parse(status.stdout) as { runs: StatusRun[] }).runs;
}

describe('a run whose process was killed', { timeout: 60_000 }, () => {
  it('shows as interrupted in status, not running, while nothing else has run', async () => {
    const { dir, path, database } = emptyConfig();
    await leaveKilledRun(database, await deadPid());
    const runs = await statusRuns(path, dir);
    expect(runs.map((run) => [run.id, run.state, run.finishedAt])).toEqual([[1, 'interrupted', null]]);
    const text = await runCliAsync(['status', '--config', path], { HOME: dir });
    expect(text.stdout).toMatch(/1\s+sync\s.*\binterrupted\b/);
    expect(text.stdout).not.toMatch(/\brunning\b/);
  });

  it('is recorded as interrupted by the next run, ended at its last heartbeat', async () => {
    const { dir, path, database } = emptyConfig();
    await leaveKilledRun(database, await deadPid());
    const next = await runCliAsync(['sync', '--config', path, '--json'], { HOME: dir });
    expect(next.code, next.stderr).toBe(0);

    const runs = await statusRuns(path, dir);
    expect(runs.map((run) => [run.id, run.state])).toEqual([
      [2, 'ok'],
      [1, 'interrupted'],
    ]);
    const killed = runs[1];
    expect(killed?.finishedAt).toBe(new Date(LAST_HEARTBEAT).toISOString());
    const report = syncReportSchema.parse(killed?.report);
    expect(report).toMatchObject({ ok: false, interrupted: true, abandoned: true, durationMs: 42_000 });
    expect(report.errors).toEqual([{ service: 'shelfsync', message: ABANDONED_RUN_MESSAGE }]);
    await withDatabase(database, async (db) => {
      const rows = await db.db.selectFrom('runs').select(['id', 'ok', 'finished_at']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 1, ok: 0, finished_at: LAST_HEARTBEAT },
        { id: 2, ok: 1, finished_at: expect.any(Number) },
      ]);
      expect(await db.db.selectFrom('run_lock').selectAll().execute()).toEqual([]);
    });
    const text = await runCliAsync(['status', '--config', path], { HOME: dir });
    expect(text.stdout).toMatch(/1\s+sync\s.*\binterrupted\b.*killed/);
  });

  it('a dry run leaves it as it is (a dry run writes nothing)', async () => {
    const { dir, path, database } = emptyConfig();
    await leaveKilledRun(database, await deadPid());
    const dry = await runCliAsync(['sync', '--config', path, '--dry-run', '--json'], { HOME: dir });
    expect(dry.code, dry.stderr).toBe(0);
    await withDatabase(database, async (db) => {
      const rows = await db.db.selectFrom('runs').select(['id', 'finished_at']).execute();
      expect(rows).toEqual([{ id: 1, finished_at: null }]);
    });
  });

  it('a run whose lock is alive is still running', async () => {
    const { dir, path, database } = emptyConfig();
    await withDatabase(database, async (db) => {
      const lock = await acquireRunLock(db, {
        command: 'sync',
        dryRun: false,
        logger: silentLogger,
        waitMs: 0,
      });
      await db.db
        .insertInto('runs')
        .values({ started_at: STARTED, command: 'sync', ok: null, report_json: null })
        .execute();
      try {
        const runs = await statusRuns(path, dir);
        expect(runs.map((run) => run.state)).toEqual(['running']);
      } finally {
        await lock.release();
      }
    });
  });
});
