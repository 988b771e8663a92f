import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/log.ts';
import { selectReleaseIds } from '../../../src/query/index.ts';
import { runSync } from '../../../src/sync/engine.ts';
import { playlistReportSchema } from '../../../src/sync/report.ts';
import { runCliAsync } from './cli-harness.ts';
import { type SignedInWorkspace, signedInWorkspace } from './session-harness.ts';

const QUERY = 'year < 1985';

describe('playlist create on a collection synced from Discogs: the tracklists it needs are fetched first', () => {
  let sandbox: Sandbox;
  let workspace: SignedInWorkspace;
  let selected: number[];

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, books: 2, records: 60 });
    workspace = await signedInWorkspace(sandbox, systemClock);
    const sync = await runSync({
      config: workspace.config,
      database: workspace.database,
      logger: createLogger({ file: `${workspace.dir}/shelfsync.log`, level: 'info' }),
      options: { only: ['records'], dryRun: false, force: false },
    });
    expect(sync.exitCode).toBe(0);
    selected = await selectReleaseIds(workspace.database.db, QUERY);
    await workspace.database.close();
  }, 120_000);
  afterAll(async () => {
    await workspace?.close();
    await sandbox?.stop();
  });

  it('enriches only the selected releases, once, and lists their playable tracks', async () => {
    expect(selected.length).toBeGreaterThan(2);
    await sandbox.standIns.discogs.resetStats();
    const result = await runCliAsync([
      'playlist',
      'create',
      'Old',
      '--query',
      QUERY,
      '--json',
      '--config',
      workspace.configPath,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = playlistReportSchema.parse(JSON.parse(result.stdout));
    expect(report.releases_without_tracklist).toBe(0);
    expect(new Set(report.tracks.map((track) => track.release_id))).toEqual(new Set(selected));
    expect(report.matched).toBeGreaterThan(0);
    const discogs = sandbox.standIns.discogs.stats();
    expect(discogs.routes['GET /releases/:release_id']).toBe(selected.length);

    await sandbox.standIns.discogs.resetStats();
    await sandbox.standIns.soundcloud.resetStats();
    const again = await runCliAsync(['playlist', 'update', 'Old', '--config', workspace.configPath]);
    expect(again.code, again.stderr).toBe(0);
    expect(sandbox.standIns.discogs.stats().requests).toBe(0);
    expect(sandbox.standIns.soundcloud.stats().searches).toBe(0);
  }, 240_000);
});
