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
