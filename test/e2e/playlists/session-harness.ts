import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../../sandbox/sandbox.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { type Config, loadConfig } from '../../../src/core/config/index.ts';
import { type Database, openDatabase } from '../../../src/core/db/database.ts';
import { login } from '../../../src/sync/playlists/login.ts';
import { TEST_SECRET_KEY, writeConfig } from './cli-harness.ts';

export interface SignedInWorkspace {
  dir: string;
  configPath: string;
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/** A temp dir with a config for the sandbox and a database already signed in to SoundCloud. */
export async function signedInWorkspace(
  sandbox: Sandbox,
  clock: Clock,
  change: (config: Record<string, unknown>) => void = () => {},
): Promise<SignedInWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'shelfsync-playlists-'));
  const configPath = await writeConfig(sandbox.info.config, dir, change);
  const { config } = await loadConfig({
    configPath,
    env: { HOME: dir, SHELFSYNC_SECRET_KEY: TEST_SECRET_KEY },
  });
  const database = await openDatabase({ path: config.database.path });
  let browser: Promise<unknown> = Promise.resolve();
  await login({
    config,
    database,
    clock,
    port: 0,
    showUrl: (url) => {
      // The stand-in's authorize page approves at once; follow its redirect back like a browser.
      browser = fetch(url, { redirect: 'manual' }).then(async (approve) => {
        const back = approve.headers.get('location');
        if (back) await (await fetch(back)).text();
      });
    },
  });
  await browser;
  return {
    dir,
    configPath,
    config,
    database,
    close: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
