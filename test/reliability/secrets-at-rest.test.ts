import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { createSecretBox } from '../../src/core/crypto/secret-box.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { TokenVault } from '../../src/sync/playlists/token-vault.ts';
import { loginThroughCli, TEST_SECRET_KEY, writeConfig } from '../e2e/playlists/cli-harness.ts';
import { type CliRun, spawnCli } from '../helpers/crash-harness.ts';

/**
 * A full run of every bridge with known tokens (and a run where services refuse them), then every
 * place shelfsync writes is searched for those tokens: stdout, stderr, the --json report, the log,
 * the database file and its -wal. None may hold one in clear text.
 */
let sandbox: Sandbox;
let dir: string;
let config: string;
const runs: Pick<CliRun, 'code' | 'stdout' | 'stderr'>[] = [];
let soundcloudTokens: string[] = [];

const seen = new Set<string>();

/** Every token of every sandbox this file started. */
function knownSecrets(): string[] {
  const { info } = sandbox;
  const current = [
    info.discogs.token,
    info.soundcloud.clientSecret,
    ...info.audiobookshelf.users.map((user) => user.token),
    ...info.hardcover.tokens,
  ];
  for (const token of current) if (token.length >= 8) seen.add(token);
  return [...seen];
}

async function configFor(running: Sandbox): Promise<string> {
  return writeConfig(running.info.config, dir, (raw) => {
    raw.timezone = 'UTC';
    const books = raw.books as { hardcover: Record<string, unknown> };
    books.hardcover = { ...books.hardcover, per_minute: 6000 };
  });
}

function sync(args: readonly string[]): Promise<CliRun> {
  return spawnCli(['sync', '--config', config, ...args], {
    env: { HOME: dir, SHELFSYNC_SECRET_KEY: TEST_SECRET_KEY },
    deadlineMs: 240_000,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 23, books: 30, records: 150, rateScale: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-secrets-'));
  config = await configFor(sandbox);
  const login = await loginThroughCli(config);
  runs.push(login);
  const database = await openDatabase({ path: join(dir, 'shelfsync.db') });
  const signIn = await new TokenVault(database, createSecretBox(TEST_SECRET_KEY)).load();
  await database.close();
  for (const token of [signIn?.accessToken, signIn?.refreshToken]) if (token) seen.add(token);
  soundcloudTokens = [signIn?.accessToken, signIn?.refreshToken].filter((token) => typeof token === 'string');
  runs.push(await sync(['--json']));
  runs.push(await sync([]));
  // Tokens refused: error messages are written, and must not carry the token either.
  knownSecrets();
  await sandbox.stop();
  sandbox = await startSandbox({ seed: 23, books: 30, records: 150, rateScale: 1000, faults: '*:401@1' });
  config = await configFor(sandbox);
  runs.push(await sync(['--json']));
}, 360_000);

afterAll(async () => {
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('secrets: never in clear text after a full run', () => {
  it('ran the sign-in and every bridge, then failed on refused tokens', () => {
    expect(runs[0]?.code, runs[0]?.stderr).toBe(0);
    expect(runs[1]?.code, runs[1]?.stderr).toBe(0);
    const report = JSON.parse(runs[1]?.stdout ?? '{}') as { bridges: Record<string, unknown> };
    expect(Object.keys(report.bridges).sort()).toEqual(expect.arrayContaining(['books', 'records']));
    expect(runs[3]?.code).toBe(3);
    expect(runs[3]?.stderr ?? '').toBe('');
  });

  it('no known token in stdout, stderr or the --json reports', () => {
    const secrets = knownSecrets();
    expect(secrets.length).toBeGreaterThan(3);
    for (const run of runs) {
      for (const secret of secrets) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    }
  });

  it('no known token in the log, nor an Authorization header value', () => {
    const log = readFileSync(join(dir, 'shelfsync.log'), 'utf8');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of knownSecrets()) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/"authorization":"(?!\[redacted\])/i);
  });

  it('no known token, nor the SoundCloud tokens, in the database files', () => {
    const files = readdirSync(dir).filter((name) => name.startsWith('shelfsync.db'));
    expect(files).toContain('shelfsync.db');
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(dir, name))));
    for (const secret of knownSecrets()) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    // The SoundCloud session is stored sealed: both its tokens were among the secrets searched.
    expect(soundcloudTokens).toHaveLength(2);
  });

  it('the database and the log are private to the user (0600)', () => {
    for (const name of readdirSync(dir).filter((file) => /^shelfsync\.(db|log)/.test(file))) {
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
  });

  it('warns when the config file holding tokens can be read by others', async () => {
    chmodSync(config, 0o644);
    try {
      const run = await spawnCli(['config', 'check', '--config', config], { env: { HOME: dir } });
      expect(run.stderr).toMatch(/can be read by other users; restrict it with `chmod 600/);
      for (const secret of knownSecrets()) expect(run.stderr).not.toContain(secret);
    } finally {
      chmodSync(config, 0o600);
    }
  }, 60_000);
});
