import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/log.ts';
import { runSync } from '../../../src/sync/engine.ts';
import { syncReportSchema } from '../../../src/sync/report.ts';
import { writeCollection } from './collection-fixture.ts';
import { type SignedInWorkspace, signedInWorkspace } from './session-harness.ts';

describe('sync runs the playlists bridge for definitions with auto_update', () => {
  let sandbox: Sandbox;
  let workspace: SignedInWorkspace;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, books: 2, records: 400 });
    workspace = await signedInWorkspace(sandbox, systemClock, (config) => {
      const playlists = config.playlists as Record<string, unknown>;
      playlists.definitions = [
        { name: 'Sixties jazz', query: 'genre = Jazz and year in 1960..1969', private: true },
        { name: 'Not now', query: 'genre = Rock', auto_update: false },
      ];
    });
    await writeCollection(workspace.database.db, sandbox.worlds.records);
  }, 60_000);
  afterAll(async () => {
    await workspace?.close();
    await sandbox?.stop();
  });

  const sync = (dryRun = false) =>
    runSync({
      config: workspace.config,
      database: workspace.database,
      logger: createLogger({ file: `${workspace.dir}/shelfsync.log`, level: 'info' }),
      options: { only: ['playlists'], dryRun, force: false },
    });

  it('creates the playlist once, then rebuilds it with no searches and no writes', async () => {
    await sandbox.standIns.soundcloud.resetStats();
    const first = await sync();
    const report = syncReportSchema.parse(first.report);
    expect(first.exitCode).toBe(0);
    expect(Object.keys(report.bridges.playlists ?? {})).toEqual(['Sixties jazz']);
    const playlist = report.bridges.playlists?.['Sixties jazz'];
    expect(playlist?.matched).toBeGreaterThan(50);
    expect(report.requests.soundcloud?.searches).toBe(sandbox.standIns.soundcloud.stats().searches);
    expect(sandbox.standIns.soundcloud.stats().routes['POST /playlists']).toBe(1);

    await sandbox.standIns.soundcloud.resetStats();
    const second = await sync();
    expect(second.exitCode).toBe(0);
    expect(second.report.bridges.playlists?.['Sixties jazz']?.matched).toBe(playlist?.matched);
    const stats = sandbox.standIns.soundcloud.stats();
    expect(stats.searches).toBe(0);
    expect(stats.writes).toBe(0);
  }, 240_000);

  it('adopts the playlist it made when a crash lost the local record of it, instead of making a second', async () => {
    const before = await workspace.database.db
      .selectFrom('playlists')
      .select('parts_json')
      .executeTakeFirst();
    await workspace.database.db.deleteFrom('playlists').execute();
    await sandbox.standIns.soundcloud.resetStats();
    const again = await sync();
    expect(again.exitCode).toBe(0);
    const stats = sandbox.standIns.soundcloud.stats();
    expect(stats.routes['POST /playlists'] ?? 0).toBe(0);
    expect(stats.routes['PUT /playlists/:urn']).toBe(1);
    expect(stats.searches).toBe(0);
    const after = await workspace.database.db.selectFrom('playlists').select('parts_json').executeTakeFirst();
    expect(after?.parts_json).toBe(before?.parts_json);
  }, 240_000);
});
