import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseFaultSpec, type StandInName } from '../../sandbox/core/faults.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/sandbox.ts';
import { type Config, loadConfig } from '../../src/core/config/index.ts';
import { type Database, openDatabase } from '../../src/core/db/database.ts';
import { closeLogger, createLogger } from '../../src/core/log.ts';
import type { BridgeName } from '../../src/sync/bridge.ts';
import { runSync, type SyncResult } from '../../src/sync/engine.ts';
import { login } from '../../src/sync/playlists/login.ts';
import { TEST_SECRET_KEY } from '../e2e/playlists/cli-harness.ts';

/** What one sync against a sandbox (with faults, or with a service stopped) left behind. */
export interface FaultRunResult extends SyncResult {
  sandbox: Sandbox;
  dir: string;
  databasePath: string;
  logPath: string;
  configPath: string;
  /** Stand-in stats after the run (requests, status, faults...). */
  stats: Record<StandInName, { requests: number; faults?: Record<string, number> } & Record<string, unknown>>;
}

export interface FaultRunOptions extends SandboxOptions {
  only: BridgeName[];
  /** Stand-ins stopped before the run, so their port refuses connections. */
  stopped?: StandInName[];
}

/**
 * A small sandbox, a config of our own (books at a generous Hardcover pace; playlists only when the
 * run includes them, then signed in to SoundCloud first), one `runSync` through the engine as
 * `shelfsync sync` would call it. The faults start with the sync: requests made to prepare it (the
 * SoundCloud sign-in) neither trigger nor count them. The caller removes `dir` and stops the sandbox
 * with `disposeFaultRun`.
 */
export async function syncAgainstSandbox(options: FaultRunOptions): Promise<FaultRunResult> {
  const { only, stopped = [], faults = '', ...sandboxOptions } = options;
  const sandbox = await startSandbox({
    seed: 5,
    books: 12,
    records: 120,
    rateScale: 1000,
    ...sandboxOptions,
  });
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-faults-'));
  const databasePath = join(dir, 'shelfsync.db');
  const logPath = join(dir, 'shelfsync.log');
  const raw = parse(readFileSync(sandbox.info.config, 'utf8')) as Record<string, Record<string, unknown>>;
  raw.database = { path: databasePath };
  raw.log = { file: logPath, level: 'debug' };
  raw.timezone = 'UTC' as never;
  const books = raw.books as { hardcover: Record<string, unknown> } & Record<string, unknown>;
  raw.books = { ...books, hardcover: { ...books.hardcover, per_minute: 6000 } };
  const playlists = only.includes('playlists');
  if (!playlists) delete raw.playlists;
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, stringify(raw), { mode: 0o600 });

  const env = { HOME: dir, ...(playlists ? { SHELFSYNC_SECRET_KEY: TEST_SECRET_KEY } : {}) };
  const { config } = await loadConfig({ configPath, env });
  const database = await openDatabase({ path: databasePath });
  if (playlists) await signInToSoundcloud(config, database);
  const rules = parseFaultSpec(faults);
  for (const standIn of Object.values(sandbox.standIns)) {
    standIn.setFaults(rules);
    standIn.resetStats();
  }
  for (const name of stopped) await sandbox.standIns[name].stop();
  const logger = createLogger({ file: logPath, level: 'debug' });
  try {
    const result = await runSync({
      config,
      database,
      logger,
      options: { only, dryRun: false, force: false },
    });
    const stats = {} as FaultRunResult['stats'];
    for (const name of Object.keys(sandbox.standIns) as StandInName[]) {
      stats[name] = stopped.includes(name) ? { requests: 0 } : sandbox.standIns[name].stats();
    }
    return { ...result, sandbox, dir, databasePath, logPath, configPath, stats };
  } finally {
    await database.close();
    await closeLogger(logger);
  }
}

/** `soundcloud login` in-process: the stand-in's authorize page approves at once, like a browser would. */
export async function signInToSoundcloud(config: Config, database: Database): Promise<void> {
  let browser: Promise<unknown> = Promise.resolve();
  await login({
    config,
    database,
    clock: database.clock,
    port: 0,
    showUrl: (url) => {
      browser = fetch(url, { redirect: 'manual' }).then(async (approve) => {
        const back = approve.headers.get('location');
        if (back) await (await fetch(back)).text();
      });
    },
  });
  await browser;
}

export async function disposeFaultRun(run: FaultRunResult | undefined): Promise<void> {
  if (!run) return;
  await run.sandbox.stop();
  rmSync(run.dir, { recursive: true, force: true });
}
