import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coerceEnvValue, envSettings } from '../../src/core/config/env-overrides.ts';
import { checkConfig, formatProblem, loadConfig } from '../../src/core/config/index.ts';
import { structureSchema } from '../../src/core/config/schema.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-env-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(text: string): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const RECORDS = 'records:\n  discogs: { username: me, token: file-token }\n';

describe('environment setting names', () => {
  const names = envSettings(structureSchema).map((setting) => setting.name);

  it('come from the schema keys, including keys that contain underscores and secret file twins', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'SHELFSYNC_DATABASE_PATH',
        'SHELFSYNC_TIMEZONE',
        'SHELFSYNC_SCHEDULE',
        'SHELFSYNC_LOG_LEVEL',
        'SHELFSYNC_BOOKS_MIN_PROGRESS',
        'SHELFSYNC_BOOKS_AUTO_ADD',
        'SHELFSYNC_BOOKS_AUTO_ADD_MIN_PROGRESS',
        'SHELFSYNC_BOOKS_MATCH_ORDER',
        'SHELFSYNC_BOOKS_HARDCOVER_URL',
        'SHELFSYNC_RECORDS_DISCOGS_TOKEN',
        'SHELFSYNC_RECORDS_DISCOGS_TOKEN_FILE',
        'SHELFSYNC_PLAYLISTS_SOUNDCLOUD_CLIENT_SECRET_FILE',
        'SHELFSYNC_PLAYLISTS_SOUNDCLOUD_REDIRECT_PORT',
      ]),
    );
  });

  it('are unique and leave out the entries of lists of objects', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((name) => name.startsWith('SHELFSYNC_BOOKS_USERS'))).toBe(false);
    expect(names.some((name) => name.startsWith('SHELFSYNC_PLAYLISTS_DEFINITIONS'))).toBe(false);
  });
});

describe('coerceEnvValue', () => {
  it.each([
    ['12', 'number', 12],
    ['-2.5', 'number', -2.5],
    ['twelve', 'number', 'twelve'],
    ['TRUE', 'boolean', true],
    ['yes', 'boolean', true],
    ['0', 'boolean', false],
    ['off', 'boolean', false],
    ['perhaps', 'boolean', 'perhaps'],
    [' keep spaces ', 'string', ' keep spaces '],
  ] as const)('%j as %s is %j', (raw, kind, expected) => {
    expect(coerceEnvValue(raw, kind)).toEqual(expected);
  });

  it('splits lists on commas and coerces each item', () => {
    expect(coerceEnvValue('isbn, asin,,', 'list')).toEqual(['isbn', 'asin']);
    expect(coerceEnvValue('1,2', 'list', 'number')).toEqual([1, 2]);
  });
});

describe('environment overrides', () => {
  it('win over the file, with values coerced to the schema types', async () => {
    const path = writeConfig(`timezone: UTC\n${RECORDS}  wantlist: true\n`);
    const { config } = await loadConfig({
      configPath: path,
      env: {
        HOME: dir,
        SHELFSYNC_TIMEZONE: 'Europe/Berlin',
        SHELFSYNC_DATABASE_PATH: '~/db/override.db',
        SHELFSYNC_RECORDS_DISCOGS_TOKEN: 'env-token',
        SHELFSYNC_RECORDS_WANTLIST: 'false',
        SHELFSYNC_LOG_LEVEL: 'debug',
      },
    });
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.database.path).toBe(join(dir, 'db', 'override.db'));
    expect(config.records?.discogs.token).toBe('env-token');
    expect(config.records?.wantlist).toBe(false);
    expect(config.log.level).toBe('debug');
  });

  it('can build a whole section the file does not have', async () => {
    const { config } = await loadConfig({
      configPath: writeConfig('timezone: UTC\n'),
      env: {
        HOME: dir,
        SHELFSYNC_RECORDS_DISCOGS_USERNAME: 'someone',
        SHELFSYNC_RECORDS_DISCOGS_TOKEN: 'env-token',
        SHELFSYNC_RECORDS_DISCOGS_URL: 'http://127.0.0.1:4000/',
      },
    });
    expect(config.records?.discogs).toEqual({
      username: 'someone',
      token: 'env-token',
      url: 'http://127.0.0.1:4000',
    });
  });

  it('sets numbers, booleans and lists inside books without touching the users list', async () => {
    const path = writeConfig(`books:
  min_progress: 5
  users:
    - id: a
      audiobookshelf: { url: "http://abs", token: abs-token }
      hardcover: { token: hc-token }\n`);
    const { config } = await loadConfig({
      configPath: path,
      env: {
        HOME: dir,
        SHELFSYNC_BOOKS_MIN_PROGRESS: '12.5',
        SHELFSYNC_BOOKS_AUTO_ADD: 'yes',
        SHELFSYNC_BOOKS_AUTO_ADD_MIN_PROGRESS: '20',
        SHELFSYNC_BOOKS_MATCH_ORDER: 'isbn,asin',
      },
    });
    expect(config.books).toMatchObject({
      min_progress: 12.5,
      auto_add: true,
      auto_add_min_progress: 20,
      match_order: ['isbn', 'asin'],
    });
    expect(config.books?.users.map((entry) => entry.id)).toEqual(['a']);
  });

  it('a secret from a _FILE variable replaces the token written in the file', async () => {
    const secretFile = join(dir, 'discogs.token');
    writeFileSync(secretFile, 'from-secret-file\n', { mode: 0o600 });
    const { config } = await loadConfig({
      configPath: writeConfig(RECORDS),
      env: { HOME: dir, SHELFSYNC_RECORDS_DISCOGS_TOKEN_FILE: secretFile },
    });
    expect(config.records?.discogs.token).toBe('from-secret-file');
  });

  it('reports a bad value with the variable it came from', async () => {
    const check = await checkConfig({
      configPath: writeConfig(RECORDS),
      env: { HOME: dir, SHELFSYNC_BOOKS_MIN_PROGRESS: 'half', SHELFSYNC_SCHEDULE: 'often' },
    });
    expect(check.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^schedule: must be a cron expression .* \(from \$SHELFSYNC_SCHEDULE\)$/),
      expect.stringMatching(
        /^books\.min_progress: expected a number .*, got text \(from \$SHELFSYNC_BOOKS_MIN_PROGRESS\)$/,
      ),
      'books.users: required: a list of people, each with id, audiobookshelf and hardcover',
    ]);
  });

  it('warns about unknown SHELFSYNC_ variables, ignores empty ones and the non-setting ones', async () => {
    const { warnings, config } = await loadConfig({
      configPath: writeConfig(`timezone: UTC\n${RECORDS}`),
      env: {
        HOME: dir,
        SHELFSYNC_DATABSE_PATH: '/x.db',
        SHELFSYNC_TIMEZONE: '',
        SHELFSYNC_CONFIG: '/elsewhere.yaml',
        SHELFSYNC_DEBUG: '1',
      },
    });
    expect(config.timezone).toBe('UTC');
    expect(warnings).toEqual([expect.stringMatching(/^SHELFSYNC_DATABSE_PATH is not a shelfsync setting/)]);
  });
});
