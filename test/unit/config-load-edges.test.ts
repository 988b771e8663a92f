import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, formatProblem, loadConfig } from '../../src/core/config/index.ts';

/**
 * The loader's edges: where a relative or `~` config path points, the XDG folders behind the default
 * paths, warnings passed on from the YAML, line numbers inside lists, and secrets pasted oddly.
 */

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-load-edges-'));
  home = join(dir, 'home');
  mkdirSync(home);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(text: string, name = 'config.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

describe('where the config file is', () => {
  it('a relative --config path starts at the working folder the caller gives', async () => {
    write('timezone: UTC\n', 'mine.yaml');
    const check = await checkConfig({ configPath: 'mine.yaml', cwd: dir, env: { HOME: home } });
    expect(check.path).toBe(join(dir, 'mine.yaml'));
    expect(check.config?.timezone).toBe('UTC');
  });

  it('--config ~ is the home folder itself, which is not a config file', async () => {
    const check = await checkConfig({ configPath: '~', env: { HOME: home } });
    expect(check.problems.map(formatProblem)).toEqual([
      `${home} is a folder; the config must be a YAML file`,
    ]);
  });
});

describe('default paths', () => {
  it('follow $XDG_DATA_HOME and $XDG_STATE_HOME when they are absolute', async () => {
    const { config } = await loadConfig({
      configPath: write('timezone: UTC\n'),
      env: { HOME: home, XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state') },
    });
    expect(config.database.path).toBe(join(dir, 'data', 'shelfsync', 'shelfsync.db'));
    expect(config.log.file).toBe(join(dir, 'state', 'shelfsync', 'shelfsync.log'));
  });

  it('are under the home folder otherwise', async () => {
    const { config } = await loadConfig({ configPath: write('timezone: UTC\n'), env: { HOME: home } });
    expect(config.database.path).toBe(join(home, '.local', 'share', 'shelfsync', 'shelfsync.db'));
    expect(config.log.file).toBe(join(home, '.local', 'state', 'shelfsync', 'shelfsync.log'));
  });
});

describe('what the YAML reader says', () => {
  it('an empty file is a config with every default and nothing to sync', async () => {
    const { config, warnings } = await loadConfig({ configPath: write(''), env: { HOME: home } });
    expect(config.daemon.port).toBe(8977);
    expect(warnings).toEqual([
      expect.stringMatching(/^no books, records or playlists section is configured/),
    ]);
  });

  it('a warning about the YAML is passed on with the file name', async () => {
    const path = write('timezone: !zone UTC\n');
    const check = await checkConfig({ configPath: path, env: { HOME: home } });
    expect(check.problems).toEqual([]);
    expect(check.warnings).toContain(`${path}: Unresolved tag: !zone`);
  });

  it('a file that is not YAML gives its problem and no warnings', async () => {
    const check = await checkConfig({ configPath: write('timezone: [UTC\n'), env: { HOME: home } });
    expect(check.problems).toHaveLength(1);
    expect(check.warnings).toEqual([]);
  });
});

describe('line numbers', () => {
  it('place a problem in a list entry that lacks a key at the line of that entry', async () => {
    const check = await checkConfig({
      configPath: write(`books:
  users:
    - id: alice
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token-1 }
      hardcover: { token: hc-token-1 }
    - id: bob
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token-2 }
`),
      env: { HOME: home },
    });
    expect(check.problems.map(formatProblem)).toEqual([
      'books.users[1].hardcover: required: a mapping with token, url (line 6)',
    ]);
  });

  it('place a problem in one item of a plain list at the line of that item', async () => {
    const check = await checkConfig({
      configPath: write('books:\n  match_order:\n    - isbn\n    - nope\n'),
      env: { HOME: home },
    });
    expect(check.problems.map(formatProblem)).toContain(
      'books.match_order[1]: must be one of: asin, isbn, title_author (line 4)',
    );
  });
});

describe('secrets pasted oddly', () => {
  it('a number where a token belongs is reported as not text', async () => {
    const check = await checkConfig({
      configPath: write('records:\n  discogs: { username: me, token: 12345 }\n'),
      env: { HOME: home },
    });
    expect(check.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'records.discogs.token: expected text (your Discogs personal access token), got a whole number',
    ]);
  });

  it('a leading "Bearer" is removed with all the space after it', async () => {
    const { config, warnings } = await loadConfig({
      configPath: write('records:\n  discogs: { username: me, token: "bearer \\t t0ken" }\n'),
      env: { HOME: home },
    });
    expect(config.records?.discogs.token).toBe('t0ken');
    expect(warnings).toEqual([
      'records.discogs.token: removed a leading "Bearer " from the value; give the bare token (shelfsync adds "Bearer" itself)',
    ]);
  });

  it('"bearer" later in the value is left alone, and its space reported', async () => {
    const check = await checkConfig({
      configPath: write('records:\n  discogs: { username: me, token: "my-bearer t0ken" }\n'),
      env: { HOME: home },
    });
    expect(check.warnings).toEqual([]);
    expect(check.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'records.discogs.token: your Discogs personal access token must not contain spaces or line breaks',
    ]);
  });
});
