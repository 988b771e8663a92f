import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigInvalidError, checkConfig, formatProblem, loadConfig } from '../../src/core/config/index.ts';
import { closest } from '../../src/core/config/issues.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';

let dir: string;
let env: Record<string, string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-config-'));
  env = { HOME: join(dir, 'home') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(text: string, name = 'config.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const user = (id: string) => `
    - id: ${id}
      audiobookshelf: { url: "http://abs.lan:13378/", token: abs-${id}-token }
      hardcover: { token: hc-${id}-token }`;

async function problemsOf(text: string): Promise<string[]> {
  const check = await checkConfig({ configPath: writeConfig(text), env });
  return check.problems.map(formatProblem);
}

describe('loadConfig defaults', () => {
  it('fills every default from an almost empty file', async () => {
    const { config, path } = await loadConfig({
      configPath: writeConfig('records:\n  discogs: { username: me, token: dtoken1 }\n'),
      env,
    });
    expect(path).toBe(join(dir, 'config.yaml'));
    expect(config.database.path).toBe(join(dir, 'home', '.local/share/shelfsync/shelfsync.db'));
    expect(config.log).toEqual({
      file: join(dir, 'home', '.local/state/shelfsync/shelfsync.log'),
      level: 'info',
    });
    expect(config.schedule).toBe('0 */6 * * *');
    expect(config.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(config.records).toEqual({
      discogs: { username: 'me', token: 'dtoken1', url: 'https://api.discogs.com' },
      wantlist: true,
    });
    expect(config.books).toBeUndefined();
    expect(config.playlists).toBeUndefined();
  });

  it('follows $XDG_DATA_HOME and $XDG_STATE_HOME when they are absolute', async () => {
    env.XDG_DATA_HOME = join(dir, 'data');
    env.XDG_STATE_HOME = 'relative/is/ignored';
    const { config } = await loadConfig({ configPath: writeConfig('timezone: UTC\n'), env });
    expect(config.database.path).toBe(join(dir, 'data', 'shelfsync', 'shelfsync.db'));
    expect(config.log.file).toBe(join(dir, 'home', '.local/state/shelfsync/shelfsync.log'));
  });

  it('fills the books defaults and gives each user the shared Hardcover URL unless they set their own', async () => {
    const text =
      `books:\n  hardcover: { url: "http://127.0.0.1:9/graphql" }\n  users:${user('alice')}${user('bob')}
      libraries: { include: [Audiobooks] }\n`.replace(
        'hardcover: { token: hc-bob-token }',
        'hardcover: { token: hc-bob-token, url: "http://127.0.0.1:8/v1/graphql/" }',
      );
    const { config } = await loadConfig({ configPath: writeConfig(text), env });
    const books = config.books!;
    expect(books.min_progress).toBe(5);
    expect(books.auto_add).toBe(false);
    expect(books.auto_add_min_progress).toBeUndefined();
    expect(books.match_order).toEqual(['asin', 'isbn', 'title_author']);
    expect(books.users.map((entry) => entry.hardcover.url)).toEqual([
      'http://127.0.0.1:9/graphql',
      'http://127.0.0.1:8/v1/graphql',
    ]);
    expect(books.users[0]!.audiobookshelf.url).toBe('http://abs.lan:13378');
    expect(books.users[0]!.libraries).toEqual({ exclude: [] });
    expect(books.users[1]!.libraries).toEqual({ include: ['Audiobooks'], exclude: [] });
  });

  it('fills playlist and SoundCloud defaults', async () => {
    const text = `playlists:
  soundcloud: { client_id: cid, client_secret: csecret }
  definitions:
    - { name: Jazz, query: "genre = Jazz" }\n`;
    const { config } = await loadConfig({ configPath: writeConfig(text), env });
    expect(config.playlists).toEqual({
      soundcloud: {
        client_id: 'cid',
        client_secret: 'csecret',
        redirect_port: 8976,
        url: 'https://api.soundcloud.com',
        auth_url: 'https://secure.soundcloud.com',
      },
      not_found_ttl_days: 14,
      definitions: [{ name: 'Jazz', query: 'genre = Jazz', private: false, auto_update: true }],
    });
  });

  it('expands ~ and resolves relative paths against the config file folder', async () => {
    const { config } = await loadConfig({
      configPath: writeConfig('database: { path: state/db.sqlite }\nlog: { file: ~/logs/s.log }\n'),
      env,
    });
    expect(config.database.path).toBe(join(dir, 'state', 'db.sqlite'));
    expect(config.log.file).toBe(join(dir, 'home', 'logs', 's.log'));
  });

  it('treats an empty file and empty sections as "use the defaults", with a warning that nothing is configured', async () => {
    const loaded = await loadConfig({ configPath: writeConfig('database:\nlog:\ntimezone:\n'), env });
    expect(loaded.config.schedule).toBe('0 */6 * * *');
    expect(loaded.warnings.join('\n')).toMatch(/nothing to do/);
    expect((await loadConfig({ configPath: writeConfig(''), env })).config.log.level).toBe('info');
  });
});

describe('config problems', () => {
  it('rejects unknown keys with their key path and a suggestion', async () => {
    const problems = await problemsOf(
      `databse: { path: x }\nbooks:\n  users:${user('a')}\n      Librarys: {}\n`,
    );
    expect(problems).toEqual([
      'databse: unknown key; did you mean "database"? (line 1)',
      'books.users[0].Librarys: unknown key; did you mean "libraries"? (line 7)',
    ]);
  });

  it('lists the known keys when nothing is close, and explains a _file on a non-secret', async () => {
    const problems = await problemsOf(
      'records:\n  discogs: { username_file: /x, token: t0ken, zzzzzzzz: 1 }\n',
    );
    expect(problems).toContain(
      'records.discogs.username_file: unknown key: only secrets can be read from a file, give username itself (line 2)',
    );
    expect(problems.find((line) => line.startsWith('records.discogs.zzzzzzzz'))).toMatch(
      /expected one of: username, token, url, token_file/,
    );
    expect(problems).toContain('records.discogs.username: required: your Discogs username (line 2)');
  });

  it('reports three different mistakes in one file, each with its path', async () => {
    const problems = await problemsOf(
      `timezone: Mars/Olympus_Mons
books:
  min_progress: 150
  users:${user('a')}
      audiobookshelf: { url: "http://abs.lan", token: t0ken, colour: blue }\n`.replace(
        /\n {6}audiobookshelf: \{ url: "http:\/\/abs.lan:13378\/", token: abs-a-token \}/,
        '',
      ),
    );
    expect(problems).toEqual([
      'timezone: must be an IANA time zone name such as Europe/Berlin or UTC (line 1)',
      'books.min_progress: must be at most 100 (line 3)',
      'books.users[0].audiobookshelf.colour: unknown key; expected one of: url, token, token_file (line 7)',
    ]);
  });

  it('names what is expected for wrong types, missing values and bad choices', async () => {
    const problems = await problemsOf(`schedule: "every day"
log: { level: loud }
books:
  min_progress: lots
  auto_add: "maybe"
  match_order: [isbn, isbn, goodreads]
  users: []
playlists:
  soundcloud: { client_id: c, client_secret: s3cret, redirect_port: 70000 }
  definitions:
    - { name: A, query: "x" }
    - { name: A, query: "" }
`);
    expect(problems).toEqual([
      expect.stringMatching(
        /^schedule: must be a cron expression such as "0 \*\/6 \* \* \*" \(.+\) \(line 1\)$/,
      ),
      'log.level: must be one of: trace, debug, info, warn, error, fatal, silent (line 2)',
      'books.min_progress: expected a number (the least progress a book needs before it is synced, in percent from 0 to 100), got text (line 4)',
      'books.auto_add: expected true or false, got text (line 5)',
      'books.match_order[2]: must be one of: asin, isbn, title_author (line 6)',
      'books.match_order[1]: duplicate match strategy "isbn" (also entry 0); each must be different (line 6)',
      'books.users: needs at least 1 entry (line 7)',
      'playlists.soundcloud.redirect_port: must be at most 65535 (line 9)',
      'playlists.definitions[1].query: must not be empty (line 12)',
      'playlists.definitions[1].name: duplicate playlist name "A" (also entry 0); each must be different (line 12)',
    ]);
  });

  it('reports duplicate user ids and ids that cannot be typed on a command line', async () => {
    const problems = await problemsOf(
      `books:\n  users:${user('alice')}${user('alice')}${user('"bad id"')}\n`,
    );
    expect(problems).toContain(
      'books.users[1].id: duplicate user id "alice" (also entry 0); each must be different (line 6)',
    );
    expect(problems).toContainEqual(expect.stringMatching(/^books\.users\[2\]\.id: must be letters, digits/));
  });

  it('says which keys a missing section needs', async () => {
    const problems = await problemsOf('books:\n  users:\n    - id: a\n      hardcover: { token: abcd }\n');
    expect(problems).toEqual(['books.users[0].audiobookshelf: required: a mapping with url, token (line 3)']);
  });

  it('gives line and column for broken YAML without quoting the line', async () => {
    const problems = await problemsOf('records:\n  discogs: { username: me, token: "s3cr3t-value\n');
    expect(problems[0]).toBe('not valid YAML: line 3, column 1: Missing closing "quote');
    expect(problems.join('\n')).not.toContain('s3cr3t');
  });

  it('rejects duplicate keys and a file that is not a mapping', async () => {
    expect(await problemsOf('timezone: UTC\ntimezone: UTC\n')).toEqual([
      expect.stringMatching(/^not valid YAML: line 2, column 1: Map keys must be unique/),
    ]);
    expect(await problemsOf('- a\n- b\n')).toEqual([expect.stringMatching(/must be a YAML mapping/)]);
  });

  it('rejects the placeholders of the starter config by name', async () => {
    const problems = await problemsOf(
      'records:\n  discogs: { username: <Discogs username>, token: <Discogs token> }\n',
    );
    expect(problems).toEqual([
      'records.discogs.username: replace the placeholder from `shelfsync init` with your Discogs username (line 2)',
      'records.discogs.token: replace the placeholder from `shelfsync init` with your Discogs personal access token (line 2)',
    ]);
  });

  it('rejects URLs that are not http(s)', async () => {
    const problems = await problemsOf(
      'records:\n  discogs: { username: me, token: t0ken, url: "ftp://example.com" }\n',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^records\.discogs\.url: must be an http:\/\/ or https:\/\/ URL/),
    ]);
  });

  it('loadConfig throws config_invalid carrying every problem', async () => {
    const path = writeConfig('timezone: Nowhere/Land\nschedule: "61 * * * *"\nextra: 1\n');
    const error = await loadConfig({ configPath: path, env }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect(findShelfsyncError(error)?.code).toBe('config_invalid');
    expect((error as ConfigInvalidError).problems.map((problem) => problem.path)).toEqual([
      'timezone',
      'schedule',
      'extra',
    ]);
    expect((error as Error).message).toContain(`the config file ${path} has 3 problems:`);
  });
});

describe('closest key suggestion', () => {
  it.each([
    ['tokne', 'token'],
    ['Token', 'token'],
    ['min-progress', 'min_progress'],
    ['matchorder', 'match_order'],
    ['users', 'users'],
  ])('%s → %s', (typo, expected) => {
    expect(closest(typo, ['token', 'min_progress', 'match_order', 'users', 'url'])).toBe(expected);
  });

  it('suggests nothing for a word unlike every key', () => {
    expect(closest('colour', ['url', 'token', 'token_file'])).toBeUndefined();
  });
});
