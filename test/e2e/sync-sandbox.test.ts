import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { syncReportSchema } from '../../src/sync/report.ts';
import {
  resetSandboxStats,
  runCliAsync,
  sandboxStats,
  spawnCli,
  waitFor,
  withDatabase,
} from '../helpers/platform.ts';

let sandbox: Sandbox;
let slow: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, books: 20, records: 30, rateScale: 100 });
  // Every answer takes seconds, so a run is still going when the second process starts.
  slow = await startSandbox({
    seed: 7,
    books: 10,
    records: 10,
    rateScale: 100,
    faults: 'abs:slow=3000@1,discogs:slow=3000@1,hc:slow=3000@1,sc:slow=3000@1',
  });
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
  await slow?.stop();
});

function env(box: Sandbox, name: string): Record<string, string> {
  return { HOME: box.info.dir, SHELFSYNC_DATABASE_PATH: join(box.info.dir, `${name}.db`) };
}

describe('shelfsync sync against the stand-ins', { timeout: 120_000 }, () => {
  it('--profile counts exactly the requests the stand-ins received', async () => {
    await resetSandboxStats(sandbox.standIns);
    const result = await runCliAsync(
      ['sync', '--config', sandbox.info.config, '--only', 'books', '--profile', '--json'],
      env(sandbox, 'profile'),
    );
    expect(result.stderr).not.toContain('error');
    const report = syncReportSchema.parse(JSON.parse(result.stdout));
    const received = await sandboxStats(sandbox.standIns);
    const profile = report.profile;
    expect(profile).toBeDefined();
    for (const [service, stats] of Object.entries(received)) {
      expect({ service, requests: profile?.services[service]?.requests ?? 0 }).toEqual({
        service,
        requests: stats.requests,
      });
      expect(report.requests[service]?.requests ?? 0).toBe(stats.requests);
    }
    expect(received.hardcover?.units).toBe(profile?.services.hardcover?.units ?? 0);
    // Every book user's run shows as collect → match → plan → apply, and the quota is per user.
    const users = Object.keys(report.bridges.books?.users ?? {}).sort();
    expect(users.length).toBeGreaterThan(0);
    for (const name of ['collect', 'match', 'plan', 'apply']) {
      const labels = (profile?.phases ?? []).filter((phase) => phase.name === name).map((p) => p.label);
      expect({ name, labels: labels.sort() }).toEqual({ name, labels: users });
    }
    const subjects = (report.quota ?? []).filter((quota) => quota.service === 'hardcover');
    expect(subjects.map((quota) => quota.subject).sort()).toEqual(users);

    const text = await runCliAsync(
      ['sync', '--config', sandbox.info.config, '--only', 'books', '--profile'],
      env(sandbox, 'profile'),
    );
    expect(text.stdout).toMatch(/Profile[\s\S]*phase\s+wall\s+items[\s\S]*total \(whole run\)/);
  });

  it('two sync processes on one database: exactly one runs, the other says why and exits non-zero', async (context) => {
    await resetSandboxStats(slow.standIns);
    const first = spawnCli(['sync', '--config', slow.info.config, '--json'], env(slow, 'two'));
    let exited = false;
    void first.done.then(() => {
      exited = true;
    });
    const state = await waitFor(async () => {
      if (exited) return 'finished';
      const stats = await sandboxStats(slow.standIns);
      return Object.values(stats).some((entry) => entry.requests > 0) ? 'busy' : undefined;
    }, 'the first run to send a request');
    if (state === 'finished') {
      await first.done;
      context.skip('no bridge talks to a service yet, so a run ends before a second can start');
    }
    const second = await runCliAsync(
      ['sync', '--config', slow.info.config, '--wait', '0.2'],
      env(slow, 'two'),
    );
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('another shelfsync run (sync, pid');
    const firstResult = await first.done;
    expect(syncReportSchema.parse(JSON.parse(firstResult.stdout)).trigger).toBe('sync');
    const runs = await withDatabase(join(slow.info.dir, 'two.db'), (database) =>
      database.db.selectFrom('runs').selectAll().execute(),
    );
    expect(runs).toHaveLength(1);
  });
});
