import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playableTracks, truthKey } from '../../../sandbox/records/playable.ts';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { createSecretBox } from '../../../src/core/crypto/secret-box.ts';
import { TokenVault } from '../../../src/sync/playlists/token-vault.ts';
import { playlistReportSchema } from '../../../src/sync/report.ts';
import { runCliAsync, TEST_SECRET_KEY } from './cli-harness.ts';
import { writeCollection } from './collection-fixture.ts';
import { scoreAgainstTruth } from './quality-harness.ts';
import { type SignedInWorkspace, signedInWorkspace } from './session-harness.ts';

const QUERY = 'genre = Jazz and year in 1960..1969';

describe('playlist create, update, list, unmatched and review through the CLI', () => {
  let sandbox: Sandbox;
  let workspace: SignedInWorkspace;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, books: 2, records: 400 });
    workspace = await signedInWorkspace(sandbox, systemClock);
    await writeCollection(workspace.database.db, sandbox.worlds.records);
    // The CLI opens the same file; close ours so nothing waits on a lock.
    await workspace.database.close();
  }, 60_000);
  afterAll(async () => {
    await workspace?.close();
    await sandbox?.stop();
  });

  const cli = (...args: string[]) => runCliAsync([...args, '--config', workspace.configPath]);
  const stats = () => sandbox.standIns.soundcloud.stats();

  it('creates a private playlist listing every playable track once, matched against the truth', async () => {
    await sandbox.standIns.soundcloud.resetStats();
    const result = await cli('playlist', 'create', 'Jazz 60s', '--query', QUERY, '--private', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = playlistReportSchema.parse(JSON.parse(result.stdout));

    // Exactly the playable tracks of the selected releases: headings and index rows out, sub-tracks in.
    const world = sandbox.worlds.records;
    const selected = new Set(report.tracks.map((track) => track.release_id));
    const expected = world.discogs.releases
      .filter((release) => selected.has(release.id))
      .flatMap((release) =>
        playableTracks(release.tracklist).map((track) => truthKey(release.id, track.position)),
      );
    const keys = report.tracks.map((track) => `${track.release_id}:${track.position}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...new Set(expected)].sort());
    expect(report.matched + report.uncertain + report.missing).toBe(report.tracks.length);
    for (const track of report.tracks.filter((t) => t.status === 'uncertain'))
      expect(track.match).toMatch(/^soundcloud:tracks:/);

    const quality = await scoreAgainstTruth(sandbox.info.soundcloud.url, report);
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
    expect(quality.recall).toBeGreaterThanOrEqual(0.9);
    const after = stats();
    expect(after.routes['POST /playlists']).toBe(1);
    expect(after.routes['PUT /playlists/:urn'] ?? 0).toBe(0);
    expect(after.searches / report.matched).toBeLessThanOrEqual(1.2);

    // On SoundCloud: private, with the matched tracks in order.
    const database = await import('../../../src/core/db/database.ts').then((db) =>
      db.openDatabase({ path: workspace.config.database.path }),
    );
    const signIn = await new TokenVault(database, createSecretBox(TEST_SECRET_KEY)).load();
    const row = await database.db
      .selectFrom('playlists')
      .selectAll()
      .where('name', '=', 'Jazz 60s')
      .executeTakeFirst();
    await database.close();
    const [part] = JSON.parse(row?.parts_json ?? '[]') as { urn: string }[];
    const remote = (await (
      await fetch(`${sandbox.info.soundcloud.url}/playlists/${part?.urn}`, {
        headers: { authorization: `OAuth ${signIn?.accessToken}` },
      })
    ).json()) as { sharing: string; tracks: { urn: string }[] };
    expect(remote.sharing).toBe('private');
    expect(remote.tracks.map((track) => track.urn)).toEqual(
      report.tracks.filter((track) => track.status === 'matched').map((track) => track.match),
    );

    // Tokens stay out of the database file, the log and the output.
    for (const name of await readdir(workspace.dir)) {
      if (!name.startsWith('shelfsync')) continue;
      const text = (await readFile(join(workspace.dir, name))).toString('latin1');
      expect(text, name).not.toContain(signIn?.accessToken);
      expect(text, name).not.toContain(signIn?.refreshToken);
    }
    expect(result.stdout + result.stderr).not.toContain(signIn?.accessToken);
  }, 240_000);

  it('update makes zero searches and no write when nothing changed', async () => {
    await sandbox.standIns.soundcloud.resetStats();
    const result = await cli('playlist', 'update', 'Jazz 60s');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/0 searches, 0 playlist writes/);
    const after = stats();
    expect(after.searches).toBe(0);
    expect(after.writes).toBe(0);
  }, 120_000);

  it('lists playlists and their unmatched tracks; review accepts an uncertain match and adds it with one write', async () => {
    const list = await cli('playlist', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'Jazz 60s', private: true })]);
    const unmatched = await cli('playlist', 'unmatched', 'Jazz 60s', '--json');
    const rows = JSON.parse(unmatched.stdout) as { status: string; release_id: number; position: string }[];
    expect(rows.every((row) => row.status !== 'matched')).toBe(true);
    const uncertain = rows.find((row) => row.status === 'uncertain');
    await sandbox.standIns.soundcloud.resetStats();
    if (uncertain) {
      const review = await cli(
        'playlist',
        'review',
        'Jazz 60s',
        '--accept',
        `${uncertain.release_id}:${uncertain.position}`,
        '--json',
      );
      expect(review.code, review.stderr).toBe(0);
      const report = playlistReportSchema.parse(JSON.parse(review.stdout));
      const track = report.tracks.find(
        (t) => t.release_id === uncertain.release_id && t.position === uncertain.position,
      );
      expect(track?.status).toBe('matched');
      expect(stats().writes).toBe(1);
    } else {
      const review = await cli('playlist', 'review', 'Jazz 60s', '--accept-all');
      expect(review.stdout).toMatch(/0 accepted/);
    }
    expect(stats().searches).toBe(0);
  }, 120_000);

  it('--dry-run searches but writes nothing, remote or local', async () => {
    await sandbox.standIns.soundcloud.resetStats();
    const result = await cli(
      'playlist',
      'create',
      'Dry',
      '--query',
      'genre = Classical',
      '--dry-run',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(stats().writes).toBe(0);
    const list = await cli('playlist', 'list', '--json');
    expect((JSON.parse(list.stdout) as { name: string }[]).map((p) => p.name)).toEqual(['Jazz 60s']);
  }, 120_000);
});
