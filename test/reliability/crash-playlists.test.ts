import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { loadConfig } from '../../src/core/config/index.ts';
import { createSecretBox } from '../../src/core/crypto/secret-box.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { TokenVault } from '../../src/sync/playlists/token-vault.ts';
import { RECORDS_TABLES } from '../e2e/fixtures/records-sandbox.ts';
import { TEST_SECRET_KEY, writeConfig } from '../e2e/playlists/cli-harness.ts';
import {
  afterRequests,
  integrityCheck,
  interruptedMidRun,
  resetStandInStats,
  soak,
  spawnCli,
  spreadKillPoints,
  standInRequests,
  statusStates,
  tableSnapshot,
} from '../helpers/crash-harness.ts';
import { signInToSoundcloud } from '../helpers/fault-world.ts';

/**
 * SIGKILL `shelfsync sync --only playlists` after the Nth request to Discogs (tracklists) and
 * SoundCloud together, for N spread over a whole run, then run it again: SoundCloud must hold the
 * same playlists as after a run never interrupted (one per definition, same tracks), and the
 * playlist, match and records tables must equal that run's. Each kill point gets a fresh sandbox,
 * since the sync creates playlists on SoundCloud; the collection is synced once and copied.
 */
const SEED = 29;
const RECORDS = soak ? 400 : 120;
const KILL_POINTS = soak ? 20 : 3;
const TABLES = ['playlists', 'track_matches', ...RECORDS_TABLES] as const;
/** The last build's report holds its request counts and file paths; what it decided is in the tables. */
const IGNORED = { playlists: ['report_json'] } as const;

interface World {
  sandbox: Sandbox;
  dir: string;
  config: string;
  database: string;
  env: Record<string, string>;
}

interface RemotePlaylist {
  title: string;
  sharing: string;
  description: string;
  tracks: string[];
}

interface EndState {
  remote: RemotePlaylist[];
  tables: Record<string, string[]>;
}

let baseDir: string;
let baseDatabase: string;
let reference: EndState;
let referenceRequests = 0;
const killsRun: { n: number; killed: boolean }[] = [];

/** A sandbox with the collection already synced (a copy of the base database) and signed in. */
async function freshWorld(): Promise<World> {
  const sandbox = await startSandbox({ seed: SEED, records: RECORDS, rateScale: 1000 });
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-crash-playlists-'));
  const config = await writeConfig(sandbox.info.config, dir, (raw) => {
    raw.timezone = 'UTC';
    delete raw.books;
  });
  const database = join(dir, 'shelfsync.db');
  copyFileSync(baseDatabase, database);
  const env = { HOME: dir, SHELFSYNC_SECRET_KEY: TEST_SECRET_KEY };
  const loaded = await loadConfig({ configPath: config, env });
  const db = await openDatabase({ path: database });
  try {
    await signInToSoundcloud(loaded.config, db);
  } finally {
    await db.close();
  }
  await resetStandInStats(sandbox.info.discogs.url);
  await resetStandInStats(sandbox.info.soundcloud.url);
  return { sandbox, dir, config, database, env };
}

async function dispose(world: World): Promise<void> {
  await world.sandbox.stop();
  rmSync(world.dir, { recursive: true, force: true });
}

function sync(world: World, killWhen?: () => Promise<boolean>) {
  return spawnCli(['sync', '--config', world.config, '--only', 'playlists', '--json'], {
    env: world.env,
    ...(killWhen ? { killWhen } : {}),
    deadlineMs: 240_000,
  });
}

/** Columns that say when a row was written, which differ from run to run; what was written must not. */
function timeColumns(path: string): Record<string, string[]> {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const ignore: Record<string, string[]> = {};
    for (const table of TABLES) {
      const columns = sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[];
      ignore[table] = columns.map((column) => column.name).filter((name) => /_at$|_ms$/.test(name));
    }
    ignore.playlists = [...(ignore.playlists ?? []), ...IGNORED.playlists];
    return ignore;
  } finally {
    sqlite.close();
  }
}

/** The signed-in user's playlists on the stand-in, as the API lists them with their tracks. */
async function remotePlaylists(world: World): Promise<RemotePlaylist[]> {
  const db = await openDatabase({ path: world.database });
  const signIn = await new TokenVault(db, createSecretBox(TEST_SECRET_KEY)).load().finally(() => db.close());
  if (!signIn) throw new Error('not signed in');
  const url = new URL('/me/playlists', world.sandbox.info.soundcloud.url);
  url.search = new URLSearchParams({
    limit: '200',
    show_tracks: 'true',
    linked_partitioning: 'true',
  }).toString();
  const response = await fetch(url, { headers: { authorization: `OAuth ${signIn.accessToken}` } });
  const page = (await response.json()) as {
    collection: { title: string; sharing: string; description: string | null; tracks?: { urn: string }[] }[];
  };
  return page.collection
    .map((playlist) => ({
      title: playlist.title,
      sharing: playlist.sharing,
      description: playlist.description ?? '',
      tracks: (playlist.tracks ?? []).map((track) => track.urn),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

async function endState(world: World): Promise<EndState> {
  return {
    remote: await remotePlaylists(world),
    tables: tableSnapshot(world.database, TABLES, timeColumns(world.database)),
  };
}

beforeAll(async () => {
  // The collection, synced once without interruption; every world starts from a copy of it.
  const sandbox = await startSandbox({ seed: SEED, records: RECORDS, rateScale: 1000 });
  baseDir = mkdtempSync(join(tmpdir(), 'shelfsync-crash-playlists-base-'));
  try {
    const config = await writeConfig(sandbox.info.config, baseDir, (raw) => {
      delete raw.books;
    });
    const records = await spawnCli(['sync', '--config', config, '--only', 'records'], {
      env: { HOME: baseDir },
      deadlineMs: 240_000,
    });
    expect(records.code, records.stderr).toBe(0);
    baseDatabase = join(baseDir, 'shelfsync.db');
    const sqlite = new BetterSqlite3(baseDatabase);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
  } finally {
    await sandbox.stop();
  }

  const world = await freshWorld();
  try {
    const run = await sync(world);
    expect(run.code, run.stderr).toBe(0);
    referenceRequests =
      (await standInRequests(world.sandbox.info.discogs.url)) +
      (await standInRequests(world.sandbox.info.soundcloud.url));
    reference = await endState(world);
  } finally {
    await dispose(world);
  }
}, 300_000);

afterAll(() => {
  process.stdout.write(
    `playlists kill points (request n, killed): ${JSON.stringify(killsRun)} of ${referenceRequests}\n`,
  );
  if (baseDir) rmSync(baseDir, { recursive: true, force: true });
});

describe(`playlists sync killed at ${KILL_POINTS} points, then re-run`, () => {
  it('the uninterrupted run made one playlist per definition, with tracks', () => {
    // One playlist per definition, or its parts when it has more than 500 tracks ("Electronic (1/2)").
    const titles = reference.remote.map((playlist) => playlist.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(titles.map((title) => title.replace(/ \(\d+\/\d+\)$/, '')))).toEqual(
      new Set(['Electronic', 'Jazz 60s']),
    );
    for (const playlist of reference.remote) expect(playlist.tracks.length).toBeGreaterThan(0);
    expect(reference.tables.playlists).toHaveLength(2);
    expect(referenceRequests).toBeGreaterThanOrEqual(KILL_POINTS);
  });

  it.each(Array.from({ length: KILL_POINTS }, (_, index) => index))(
    'kill point %i: killed after the Nth request, the re-run ends where an uninterrupted run does',
    async (index) => {
      const n = spreadKillPoints(referenceRequests, KILL_POINTS + 1)[index + 1] ?? 1;
      const world = await freshWorld();
      try {
        const origins = [world.sandbox.info.discogs.url, world.sandbox.info.soundcloud.url];
        const killed = await sync(world, afterRequests(origins, n));
        const interrupted = interruptedMidRun(killed, world.database);
        killsRun.push({ n, killed: interrupted });
        if (interrupted) {
          expect(integrityCheck(world.database)).toBe('ok');
          // The killed run is not shown as running: its process is gone. (The last is the base's records run.)
          expect(await statusStates(world.config, world.env)).toEqual(['interrupted', 'ok']);
        }

        const rerun = await sync(world);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(integrityCheck(world.database)).toBe('ok');
        const state = await endState(world);
        expect(state.remote).toEqual(reference.remote);
        expect(state.tables).toEqual(reference.tables);
        expect(await statusStates(world.config, world.env)).toEqual(
          interrupted ? ['ok', 'interrupted', 'ok'] : ['ok', 'ok', 'ok'],
        );
      } finally {
        await dispose(world);
      }
    },
    300_000,
  );
});
