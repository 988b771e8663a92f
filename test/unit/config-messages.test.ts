import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, loadConfig } from '../../src/core/config/index.ts';

/**
 * What a user reads, through the config loader, for a value of the wrong kind or form: each message
 * names the field's purpose, and values are trimmed and tidied the same way everywhere.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-config-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ HOME: join(dir, 'home') });

function write(text: string): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const USER = `    - id: alice
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token-1 }
      hardcover: { token: hc-token-1 }
`;

/** Every problem as `path: message`, in file order. */
async function problems(text: string): Promise<string[]> {
  const check = await checkConfig({ configPath: write(text), env: env() });
  return check.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('a number given as text', () => {
  it('is refused with what the number is for', async () => {
    expect(
      await problems(`daemon:
  port: eighty
  shutdown_timeout_seconds: soon
books:
  auto_add_min_progress: half
  title_match_threshold: high
  max_drop: lots
  users:
${USER}`),
    ).toEqual([
      'daemon.port: expected a number (the port of /healthz and /metrics (0 picks a free one)), got text',
      'daemon.shutdown_timeout_seconds: expected a number (how long SIGTERM may take: the run in flight finishes its writes within it), got text',
      'books.auto_add_min_progress: expected a number (the least progress before a book is added to Hardcover, in percent from 0 to 100), got text',
      'books.title_match_threshold: expected a number (the least score a title/author search hit needs to count as a match, in percent from 0 to 100), got text',
      'books.max_drop: expected a number (the largest fall in progress written without review, in percent from 0 to 100), got text',
    ]);
  });
});

describe('the secret key', () => {
  it('says what it is for when it is not text', async () => {
    expect(await problems('secret_key: 12345\n')).toEqual([
      'secret_key: expected text (a key of 16+ characters for encrypting stored sign-ins, e.g. from `openssl rand -hex 32`), got a whole number',
    ]);
  });
});

describe('URLs', () => {
  it('name which Hardcover endpoint is wrong: the shared one and a user’s own', async () => {
    expect(
      await problems(`books:
  hardcover: { url: "ftp://hc.example" }
  users:
    - id: alice
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token-1 }
      hardcover: { token: hc-token-1, url: "ftp://hc.example" }
`),
    ).toEqual([
      'books.hardcover.url: must be an http:// or https:// URL (the Hardcover GraphQL endpoint)',
      'books.users[0].hardcover.url: must be an http:// or https:// URL (the Hardcover GraphQL endpoint)',
    ]);
  });

  it('refuse a server name without http:// in front', async () => {
    expect(
      await problems('records:\n  discogs: { username: me, token: t0ken, url: api.discogs.com }\n'),
    ).toEqual(['records.discogs.url: must be an http:// or https:// URL (the Discogs API URL)']);
  });

  it('take http and https, trimmed and without trailing slashes', async () => {
    const { config } = await loadConfig({
      configPath: write(`books:
  hardcover: { url: "  https://hc.example/v1/graphql//  " }
  users:
    - id: alice
      audiobookshelf: { url: " http://abs.lan:13378/ ", token: abs-token-1 }
      hardcover: { token: hc-token-1 }
`),
      env: env(),
    });
    expect(config.books?.hardcover.url).toBe('https://hc.example/v1/graphql');
    expect(config.books?.users[0]?.audiobookshelf.url).toBe('http://abs.lan:13378');
    expect(config.books?.users[0]?.hardcover.url).toBe('https://hc.example/v1/graphql');
  });
});

describe('text around values', () => {
  it('is trimmed from names, paths, the time zone and the schedule', async () => {
    const { config } = await loadConfig({
      configPath: write(`database: { path: "  data/shelfsync.db  " }
timezone: " Europe/Berlin "
schedule: "  0 3 * * *  "
records:
  discogs: { username: "  me  ", token: t0ken }
books:
  users:
    - id: "  alice  "
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token-1 }
      hardcover: { token: hc-token-1 }
`),
      env: env(),
    });
    expect(config.database.path).toBe(join(dir, 'data', 'shelfsync.db'));
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.schedule).toBe('0 3 * * *');
    expect(config.records?.discogs.username).toBe('me');
    expect(config.books?.users[0]?.id).toBe('alice');
  });
});

describe('time zone and schedule', () => {
  it('refuse a time zone that does not exist', async () => {
    expect(await problems('timezone: Mars/Olympus_Mons\n')).toEqual([
      'timezone: must be an IANA time zone name such as Europe/Berlin or UTC',
    ]);
  });

  it('accept a valid schedule and explain an invalid one in croner’s words, without its prefix', async () => {
    expect(await problems('schedule: "30 2 * * 1"\n')).toEqual([]);
    expect(await problems('schedule: often\n')).toEqual([
      `schedule: must be a cron expression such as "0 */6 * * *" (invalid configuration format ('often'), exactly five, six, or seven space separated parts are required)`,
    ]);
    expect(await problems('schedule: "1.5 * * * *"\n')).toEqual([
      'schedule: must be a cron expression such as "0 */6 * * *" (configuration entry 1 (1.5) contains illegal characters)',
    ]);
  });
});

describe('lists with entries of the wrong kind', () => {
  it('still find repeated user ids next to an empty entry and a plain word', async () => {
    expect(
      await problems(`books:
  users:
${USER}    -
    - alice
${USER}`),
    ).toEqual([
      'books.users[1]: expected a mapping (key: value lines), got an empty value',
      'books.users[2]: expected a mapping (key: value lines), got text',
      'books.users[3].id: duplicate user id "alice" (also entry 0); each must be different',
    ]);
  });

  it('still find repeated playlist names next to an empty entry', async () => {
    expect(
      await problems(`playlists:
  soundcloud: { client_id: c1, client_secret: s1 }
  definitions:
    - { name: Jazz, query: genre = Jazz }
    -
    - { name: Jazz, query: year = 1969 }
`),
    ).toEqual([
      'playlists.definitions[1]: expected a mapping (key: value lines), got an empty value',
      'playlists.definitions[2].name: duplicate playlist name "Jazz" (also entry 0); each must be different',
    ]);
  });
});
