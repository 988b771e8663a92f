import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import { createSecretBox } from '../../../src/core/crypto/secret-box.ts';
import { openDatabase } from '../../../src/core/db/database.ts';
import { TokenVault } from '../../../src/sync/playlists/token-vault.ts';
import { loginThroughCli, runCliAsync, TEST_SECRET_KEY, writeConfig } from './cli-harness.ts';

async function filesText(dir: string): Promise<string> {
  let text = '';
  for (const name of await readdir(dir)) {
    if (name.startsWith('shelfsync')) text += (await readFile(join(dir, name))).toString('latin1');
  }
  return text;
}

describe('soundcloud login, status and logout through the CLI', () => {
  let sandbox: Sandbox;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, books: 2, records: 20 });
    dir = await mkdtemp(join(tmpdir(), 'shelfsync-sc-login-'));
    config = await writeConfig(sandbox.info.config, dir);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses to sign in without a secret key, before asking SoundCloud anything', async () => {
    await sandbox.standIns.soundcloud.resetStats();
    const result = await runCliAsync(
      ['soundcloud', 'login', '--print-url', '--port', '0', '--config', config],
      {
        SHELFSYNC_SECRET_KEY: '',
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/secret key/);
    expect(sandbox.standIns.soundcloud.stats().requests).toBe(0);
  }, 60_000);

  it('prints the authorize URL first, completes on the loopback redirect and keeps the tokens sealed', async () => {
    const result = await loginThroughCli(config);
    expect(result.code, result.stderr).toBe(0);
    const [first = '', ...rest] = result.stdout.trim().split('\n');
    const url = new URL(first);
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(rest.join('\n')).toMatch(/Signed in to SoundCloud as /);

    const database = await openDatabase({ path: join(dir, 'shelfsync.db') });
    const signIn = await new TokenVault(database, createSecretBox(TEST_SECRET_KEY)).load();
    await database.close();
    expect(signIn?.accessToken).toBeTruthy();
    expect(signIn?.refreshToken).toBeTruthy();
    const files = await filesText(dir);
    expect(files).not.toContain(signIn?.accessToken);
    expect(files).not.toContain(signIn?.refreshToken);
    expect(result.stdout + result.stderr).not.toContain(signIn?.accessToken);

    const status = await runCliAsync(['soundcloud', 'status', '--json', '--config', config]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ signedIn: true, renewable: true });
    expect(status.stdout).not.toContain(signIn?.accessToken);

    const wrongKey = await runCliAsync(['soundcloud', 'status', '--config', config], {
      SHELFSYNC_SECRET_KEY: 'another-key-entirely-long-enough',
    });
    expect(wrongKey.code).not.toBe(0);
    expect(wrongKey.stderr).toMatch(/cannot be decrypted/);

    const logout = await runCliAsync(['soundcloud', 'logout', '--config', config]);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stdout).toMatch(/Signed out/);
    const after = await runCliAsync(['soundcloud', 'status', '--json', '--config', config]);
    expect(JSON.parse(after.stdout)).toEqual({ signedIn: false });
    expect(sandbox.standIns.soundcloud.stats().routes['POST /sign-out']).toBe(1);
  }, 120_000);
});
