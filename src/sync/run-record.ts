import type { Database } from '../core/db/database.ts';
import type { SyncReport } from './report.ts';

/** The runs table: a row when a real run starts, completed with its report when it ends. */
export async function recordRunStart(
  database: Database,
  startedAt: number,
  trigger: string,
): Promise<number> {
  const row = await database.db
    .insertInto('runs')
    .values({ started_at: startedAt, command: trigger, ok: null, report_json: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordRunEnd(
  database: Database,
  id: number,
  finishedAt: number,
  report: SyncReport,
): Promise<void> {
  await database.db
    .updateTable('runs')
    .set({ finished_at: finishedAt, ok: report.ok ? 1 : 0, report_json: JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}

/** What the report of a run nobody finished says, in one sentence. */
export const ABANDONED_RUN_MESSAGE =
  'this run stopped without finishing (its process was killed or the machine went down); the next run carried on from where it stopped';

/**
 * Closes the runs a killed process left open, as interrupted. Called by a run holding the run lock,
 * so no run of this database is alive: every row without an end was abandoned. `lastSignOfLife` is
 * the heartbeat of the lock it took over (the newest abandoned run's); otherwise a run's end is
 * unknown and is set to its start.
 */
export async function closeAbandonedRuns(database: Database, lastSignOfLife?: number): Promise<number> {
  const open = await database.db
    .selectFrom('runs')
    .select(['id', 'started_at', 'command'])
    .where('finished_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  await database.transaction(async (db) => {
    for (const [index, run] of open.entries()) {
      const seen = index === 0 && lastSignOfLife !== undefined ? lastSignOfLife : run.started_at;
      const finishedAt = Math.max(run.started_at, seen);
      const report: SyncReport = {
        ok: false,
        durationMs: finishedAt - run.started_at,
        dryRun: false,
        trigger: run.command,
        interrupted: true,
        abandoned: true,
        bridges: {},
        requests: {},
        errors: [{ service: 'shelfsync', message: ABANDONED_RUN_MESSAGE }],
      };
      await db
        .updateTable('runs')
        .set({ finished_at: finishedAt, ok: 0, report_json: JSON.stringify(report) })
        .where('id', '=', run.id)
        .where('finished_at', 'is', null)
        .execute();
    }
  });
  return open.length;
}
