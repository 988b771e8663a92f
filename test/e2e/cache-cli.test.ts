import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PersistentCache } from '../../src/core/cache/persistent-cache.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;
let configPath: string;
let databasePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-cache-cli-'));
  configPath = join(dir, 'config.yaml');
  databasePath = join(dir, 'data', 'shelfsync.db');
  writeFileSync(configPath, `database:\n  path: ${JSON.stringify(databasePath)}\n`);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function shelfsync(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli([...args, '--config', configPath], { HOME: dir });
}

async function seed(): Promise<void> {
  const database = await openDatabase({ path: databasePath });
  try {
    const cache = new PersistentCache({ db: database.db });
    await cache.set('tracklists', 'release-1', [{ position: 'A1', title: 'So What' }], null);
    await cache.set('tracklists', 'release-2', [], null);
    await cache.set('searches', 'kind of blue', null, 3_600_000);
    await cache.get('tracklists', 'release-1', z.unknown());
    await cache.get('tracklists', 'release-3', z.unknown());
  } finally {
    await database.close();
  }
}

const StatsOutput = z.object({
  database: z.string(),
  note: z.string(),
  namespaces: z.array(
    z.object({
      namespace: z.string(),
      entries: z.number(),
      expired: z.number(),
      bytes: z.number(),
      hits: z.number(),
      misses: z.number(),
      hitRate: z.number().nullable(),
    }),
  ),
});

describe('shelfsync cache', () => {
  it('stats creates the database where the config says and reports no entries', async () => {
    const result = await shelfsync('cache', 'stats');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Persistent caches in ${databasePath}`);
    expect(result.stdout).toContain('No cached entries yet.');
    expect(result.stdout).toContain('Memory caches live only inside a running shelfsync process');
  });

  it('stats prints a table of namespaces with sizes and hit rates from earlier runs', async () => {
    await seed();
    const result = await shelfsync('cache', 'stats');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^namespace\s+entries\s+expired\s+size\s+hits\s+misses\s+hit rate$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^searches\s+1\s+0\s+\d+ B\s+0\s+0\s+-$/));
    expect(lines).toContainEqual(expect.stringMatching(/^tracklists\s+2\s+0\s+\d+ B\s+1\s+1\s+50%$/));
  });

  it('stats --json prints one parseable object', async () => {
    await seed();
    const result = await shelfsync('cache', 'stats', '--json');
    expect(result.code).toBe(0);
    const output = StatsOutput.parse(JSON.parse(result.stdout));
    expect(output.database).toBe(databasePath);
    expect(
      output.namespaces.map(({ namespace, entries, hits, misses }) => ({ namespace, entries, hits, misses })),
    ).toEqual([
      { namespace: 'searches', entries: 1, hits: 0, misses: 0 },
      { namespace: 'tracklists', entries: 2, hits: 1, misses: 1 },
    ]);
  });

  it('clear with a namespace removes only that namespace', async () => {
    await seed();
    const cleared = await shelfsync('cache', 'clear', 'tracklists', '--json');
    expect(cleared.code).toBe(0);
    expect(JSON.parse(cleared.stdout)).toEqual({ namespace: 'tracklists', cleared: 2 });

    const stats = StatsOutput.parse(JSON.parse((await shelfsync('cache', 'stats', '--json')).stdout));
    expect(stats.namespaces.map((row) => row.namespace)).toEqual(['searches']);
  });

  it('clear without a namespace empties every cache', async () => {
    await seed();
    const cleared = await shelfsync('cache', 'clear');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout.trim()).toBe('Cleared 3 entries from every cache.');
    expect((await shelfsync('cache', 'stats')).stdout).toContain('No cached entries yet.');
  });

  it('export prints one JSON line per entry, optionally for one namespace', async () => {
    await seed();
    const all = await shelfsync('cache', 'export');
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({
      namespace: 'tracklists',
      key: 'release-1',
      value: [{ position: 'A1', title: 'So What' }],
      expiresAt: null,
      hits: 1,
    });

    const searches = await shelfsync('cache', 'export', 'searches', '--format', 'json');
    expect(searches.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(searches.stdout)).toMatchObject({
      namespace: 'searches',
      key: 'kind of blue',
      value: null,
    });
  });

  it('export refuses an unknown format as a usage error', async () => {
    const result = await shelfsync('cache', 'export', '--format', 'csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/csv/);
  });

  it('fails with the usage exit code when the config file is missing', async () => {
    rmSync(configPath);
    const result = await shelfsync('cache', 'stats');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(configPath);
  });
});
