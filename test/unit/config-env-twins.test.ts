import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, formatProblem, loadConfig } from '../../src/core/config/index.ts';

/**
 * A secret and its `_file` twin given in different places: the variable wins over whatever the file
 * says, whichever twin each one names; two variables for one secret clash.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-env-twins-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const SOUNDCLOUD = 'playlists:\n  soundcloud: { client_id: c1, client_secret: from-config }\n';

describe('a secret variable and the file’s _file twin', () => {
  it('the variable replaces a token_file the config names, which is then not read at all', async () => {
    const { config } = await loadConfig({
      configPath: write(
        'config.yaml',
        'records:\n  discogs: { username: me, token_file: no-such-file.txt }\n',
      ),
      env: { HOME: dir, SHELFSYNC_RECORDS_DISCOGS_TOKEN: 'from-env' },
    });
    expect(config.records?.discogs.token).toBe('from-env');
  });

  it('a _FILE variable replaces the secret the config holds, for a key longer than "token"', async () => {
    const { config } = await loadConfig({
      configPath: write('config.yaml', SOUNDCLOUD),
      env: {
        HOME: dir,
        SHELFSYNC_PLAYLISTS_SOUNDCLOUD_CLIENT_SECRET_FILE: write('sc.secret', 'from-secret-file\n'),
      },
    });
    expect(config.playlists?.soundcloud.client_secret).toBe('from-secret-file');
  });

  it('a secret and its _FILE both from the environment clash, named by the variable', async () => {
    const check = await checkConfig({
      configPath: write('config.yaml', SOUNDCLOUD),
      env: {
        HOME: dir,
        SHELFSYNC_PLAYLISTS_SOUNDCLOUD_CLIENT_SECRET_FILE: write('sc.secret', 'from-secret-file\n'),
        SHELFSYNC_PLAYLISTS_SOUNDCLOUD_CLIENT_SECRET: 'from-env',
      },
    });
    expect(check.problems.map(formatProblem)).toEqual([
      'playlists.soundcloud.client_secret_file: give either client_secret or client_secret_file, not both (from $SHELFSYNC_PLAYLISTS_SOUNDCLOUD_CLIENT_SECRET_FILE)',
    ]);
  });
});

describe('a plain setting from the environment', () => {
  it('leaves a _file key the config wrongly gives it to be reported', async () => {
    const check = await checkConfig({
      configPath: write('config.yaml', 'timezone_file: tz.txt\n'),
      env: { HOME: dir, SHELFSYNC_TIMEZONE: 'UTC' },
    });
    expect(check.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'timezone_file: unknown key: only secrets can be read from a file, give timezone itself',
    ]);
  });
});

describe('variables that are not settings', () => {
  it('are warned about in name order, whatever order the environment lists them in', async () => {
    const { warnings } = await loadConfig({
      configPath: write('config.yaml', 'timezone: UTC\n'),
      env: { HOME: dir, SHELFSYNC_ZONE: 'UTC', SHELFSYNC_BOOKS_USERS: 'alice' },
    });
    expect(warnings.filter((warning) => warning.startsWith('SHELFSYNC_'))).toEqual([
      expect.stringMatching(/^SHELFSYNC_BOOKS_USERS is not a shelfsync setting/),
      expect.stringMatching(/^SHELFSYNC_ZONE is not a shelfsync setting/),
    ]);
  });

  it('count as not set when a caller passes them as undefined', async () => {
    const { config } = await loadConfig({
      configPath: write('config.yaml', 'timezone: UTC\n'),
      env: { HOME: dir, SHELFSYNC_TIMEZONE: undefined, SHELFSYNC_DAEMON_PORT: undefined },
    });
    expect(config.timezone).toBe('UTC');
    expect(config.daemon.port).toBe(8977);
  });
});
