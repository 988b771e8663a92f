import { describe, expect, it } from 'vitest';
import { syncReportSchema } from '../../src/sync/report.ts';
import { acquireRunLock } from '../../src/sync/run-lock.ts';
import { emptyConfig, runCliAsync, silentLogger, withDatabase } from '../helpers/platform.ts';

async function runRows(path: string) {
  return withDatabase(path, (database) => database.db.selectFrom('runs').selectAll().execute());
}

describe('shelfsync sync (flags, lock, runs table)', { timeout: 90_000 }, () => {
  it('refuses to run while another run holds the database, saying who holds it', async () => {
    const { dir, path, database } = emptyConfig();
    await withDatabase(database, async (db) => {
      const lock = await acquireRunLock(db, {
        command: 'daemon',
        dryRun: false,
        logger: silentLogger,
        waitMs: 0,
      });
      const refused = await runCliAsync(['sync', '--config', path, '--wait', '0.3'], { HOME: dir });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`another shelfsync run (daemon, pid ${process.pid}`);
      expect(refused.stdout).toBe('');
      await lock.release();
    });
    expect(await runRows(database)).toEqual([]);
    const ran = await runCliAsync(['sync', '--config', path, '--json'], { HOME: dir });
    expect(ran.code).toBe(0);
    expect(syncReportSchema.parse(JSON.parse(ran.stdout)).trigger).toBe('sync');
    expect(await runRows(database)).toHaveLength(1);
  });

  it('writes no run to the database on --dry-run', async () => {
    const { dir, path, database } = emptyConfig();
    const dry = await runCliAsync(['sync', '--config', path, '--dry-run', '--json'], { HOME: dir });
    expect(dry.code).toBe(0);
    expect(syncReportSchema.parse(JSON.parse(dry.stdout)).dryRun).toBe(true);
    expect(await runRows(database)).toEqual([]);
    await withDatabase(database, async (db) => {
      expect(await db.db.selectFrom('run_lock').selectAll().execute()).toEqual([]);
    });
  });

  it('rejects a --user that is not configured with a usage error', async () => {
    const { dir, path } = emptyConfig();
    const result = await runCliAsync(['sync', '--config', path, '--user', 'mallory'], { HOME: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--user mallory is not a book user in the config');
  });

  it('lists the runs in status, with what each bridge reported', async () => {
    const { dir, path } = emptyConfig();
    expect((await runCliAsync(['sync', '--config', path], { HOME: dir })).code).toBe(0);
    const text = await runCliAsync(['status', '--config', path], { HOME: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Last runs[\s\S]*1\s+sync\s.*\bok\b/);
    const json = await runCliAsync(['status', '--config', path, '--json'], { HOME: dir });
    const snapshot = JSON.parse(json.stdout) as { runs: { id: number; state: string; report: unknown }[] };
    expect(snapshot.runs).toHaveLength(1);
    expect(snapshot.runs[0]?.state).toBe('ok');
    expect(syncReportSchema.safeParse(snapshot.runs[0]?.report).success).toBe(true);
  });
});
