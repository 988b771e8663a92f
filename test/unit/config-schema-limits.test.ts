import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkConfig, formatProblem, loadConfig } from '../../src/core/config/index.ts';

/**
 * The config schema's numbers, defaults and descriptions, field by field: each bound is tried on both
 * sides, each default is read back, and each required field's description reaches the user's message.
 */

let dir: string;
let count = 0;
const env = () => ({ HOME: join(dir, 'home') });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-config-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = {
  id: 'alice',
  audiobookshelf: { url: 'http://abs.lan:13378', token: 'abs-token-1' },
  hardcover: { token: 'hc-token-1' },
};
const soundcloud = { client_id: 'client-1', client_secret: 'secret-1' };
const discogs = { username: 'me', token: 'discogs-token-1' };

function minimal(): Record<string, unknown> {
  return {
    books: { users: [structuredClone(user)] },
    records: { discogs: { ...discogs } },
    playlists: { soundcloud: { ...soundcloud } },
  };
}

function write(config: unknown): string {
  count += 1;
  const path = join(dir, `config-${count}.yaml`);
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}

async function problems(config: unknown): Promise<string[]> {
  const check = await checkConfig({ configPath: write(config), env: env() });
  return check.problems.map(formatProblem);
}

/** Sets `value` at a dotted path of a fresh minimal config. */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const config = minimal();
  const keys = path.split('.');
  let node = config;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
  return config;
}

const RANGES: [path: string, min: number, max: number, integer: boolean][] = [
  ['daemon.port', 0, 65535, true],
  ['books.miss_ttl_days', 0, 365, true],
  ['books.hardcover.per_minute', 1, 100_000, true],
  ['books.hardcover.burst', 1, 1000, true],
  ['books.min_progress', 0, 100, false],
  ['books.max_drop', 0, 100, false],
  ['books.title_match_threshold', 0, 100, false],
  ['playlists.soundcloud.redirect_port', 0, 65535, true],
  ['playlists.not_found_ttl_days', 0, 365, true],
];

describe('config number limits', () => {
  it.each(RANGES)('%s takes %d to %d and names the bound it breaks', async (path, min, max) => {
    expect(await problems(withValue(path, min))).toEqual([]);
    expect(await problems(withValue(path, max))).toEqual([]);
    expect(await problems(withValue(path, min - 1))).toEqual([
      expect.stringMatching(new RegExp(`^${path.replaceAll('.', '\\.')}: must be at least ${min}\\b`)),
    ]);
    expect(await problems(withValue(path, max + 1))).toEqual([
      expect.stringMatching(new RegExp(`^${path.replaceAll('.', '\\.')}: must be at most ${max}\\b`)),
    ]);
  });

  it.each(RANGES.filter(([, , , integer]) => integer))('%s takes whole numbers only', async (path, min) => {
    expect(await problems(withValue(path, min + 0.5))).toHaveLength(1);
  });

  it('lets a stop take up to an hour, and never no time at all', async () => {
    const path = 'daemon.shutdown_timeout_seconds';
    expect(await problems(withValue(path, 3600))).toEqual([]);
    expect(await problems(withValue(path, 0.5))).toEqual([]);
    expect(await problems(withValue(path, 3601))).toHaveLength(1);
    expect(await problems(withValue(path, 0))).toHaveLength(1);
  });

  it('wants at least one library when include is given', async () => {
    const config = minimal();
    (config.books as { users: Record<string, unknown>[] }).users[0] = { ...user, libraries: { include: [] } };
    expect(await problems(config)).toHaveLength(1);
  });

  it('takes review or write when progress drops, nothing else', async () => {
    expect(await problems(withValue('books.on_drop', 'write'))).toEqual([]);
    expect(await problems(withValue('books.on_drop', 'review'))).toEqual([]);
    expect(await problems(withValue('books.on_drop', 'ask'))).toHaveLength(1);
  });
});

describe('config defaults', () => {
  it('fills the daemon, books, records and playlists settings a user leaves out', async () => {
    const { config } = await loadConfig({ configPath: write(minimal()), env: env() });
    expect(config.daemon).toEqual({ host: '127.0.0.1', port: 8977, shutdown_timeout_seconds: 30 });
    const { users, ...books } = config.books ?? { users: [] };
    expect(books).toEqual({
      min_progress: 5,
      auto_add: false,
      match_order: ['asin', 'isbn', 'title_author'],
      title_match_threshold: 80,
      miss_ttl_days: 7,
      max_drop: 25,
      on_drop: 'review',
      update_paused: false,
      update_did_not_finish: false,
      hardcover: { url: 'https://api.hardcover.app/v1/graphql', per_minute: 60, burst: 10 },
    });
    expect(users[0]?.libraries).toEqual({ exclude: [] });
    expect(users[0]?.hardcover.url).toBe('https://api.hardcover.app/v1/graphql');
    expect(config.records).toEqual({
      discogs: { ...discogs, url: 'https://api.discogs.com' },
      wantlist: true,
    });
    expect(config.playlists).toEqual({
      soundcloud: {
        ...soundcloud,
        redirect_port: 8976,
        url: 'https://api.soundcloud.com',
        auth_url: 'https://secure.soundcloud.com',
      },
      not_found_ttl_days: 14,
      definitions: [],
    });
  });

  it('makes a playlist definition public and kept up to date unless told otherwise', async () => {
    const config = withValue('playlists.definitions', [{ name: 'Jazz', query: 'genre = Jazz' }]);
    const { config: loaded } = await loadConfig({ configPath: write(config), env: env() });
    expect(loaded.playlists?.definitions).toEqual([
      { name: 'Jazz', query: 'genre = Jazz', private: false, auto_update: true },
    ]);
  });
});

describe('config descriptions in messages', () => {
  it('says what each required field is when it is missing', async () => {
    const found = await problems({
      books: { users: [{ id: 'alice', audiobookshelf: {}, hardcover: {} }] },
      records: { discogs: {} },
      playlists: { soundcloud: {}, definitions: [{}] },
    });
    const expected = [
      'the Audiobookshelf API token of this user',
      'the Hardcover API token of this user',
      'your Discogs username',
      'your Discogs personal access token',
      'the client id of your SoundCloud app',
      'the client secret of your SoundCloud app',
      'the playlist name',
      'a collection query, e.g. genre = Jazz and year in 1960..1969',
      'your Audiobookshelf server URL, e.g. http://abs.lan:13378',
    ];
    for (const description of expected) {
      expect(
        found.some((line) => line.includes(description)),
        description,
      ).toBe(true);
    }
  });

  it('says what each URL is for when it is not one', async () => {
    const config = minimal();
    (config.books as { users: Record<string, unknown>[] }).users[0] = {
      ...user,
      hardcover: { token: 'hc-token-1', url: 'ftp://x' },
    };
    config.books = { ...(config.books as object), hardcover: { url: 'ftp://x' } };
    config.records = { discogs: { ...discogs, url: 'ftp://x' } };
    config.playlists = { soundcloud: { ...soundcloud, url: 'ftp://x', auth_url: 'ftp://x' } };
    const found = await problems(config);
    for (const description of [
      'the Hardcover GraphQL endpoint',
      'the Discogs API URL',
      'the SoundCloud API URL',
      'the SoundCloud sign-in URL',
    ]) {
      expect(
        found.some((line) => line.includes(`(${description})`)),
        description,
      ).toBe(true);
    }
  });

  it('says what the daemon host, library names and paths are when they are not text', async () => {
    const config = minimal();
    config.daemon = { host: 5 };
    config.database = { path: 5 };
    config.log = { file: 5 };
    (config.books as { users: Record<string, unknown>[] }).users[0] = {
      ...user,
      libraries: { include: [5], exclude: [6] },
    };
    const found = await problems(config);
    for (const description of [
      'the address /healthz and /metrics listen on',
      'an Audiobookshelf library name',
      'the SQLite database file',
      'the log file',
    ]) {
      expect(
        found.some((line) => line.includes(description)),
        description,
      ).toBe(true);
    }
    expect(found.filter((line) => line.includes('an Audiobookshelf library name'))).toHaveLength(2);
  });
});
