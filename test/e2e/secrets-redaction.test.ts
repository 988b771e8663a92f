import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/core/config/index.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { closeLogger, createLogger } from '../../src/core/log.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-redaction-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TOKENS = {
  abs: 'abs-tok-7f3a9c',
  hardcover: 'hc-pat-51b2e8d',
  discogs: 'dg-tok-c0ffee42',
  soundcloud: 'sc-secret-9e8d7c',
};

function configWithTokens(): string {
  const scFile = join(dir, 'sc.secret');
  writeFileSync(scFile, `${TOKENS.soundcloud}\n`, { mode: 0o600 });
  const path = join(dir, 'config.yaml');
  writeFileSync(
    path,
    `log: { file: ./logs/shelfsync.log, level: debug }
books:
  users:
    - id: alice
      audiobookshelf: { url: "http://127.0.0.1:1", token: ${TOKENS.abs} }
      hardcover: { token: "Bearer ${TOKENS.hardcover}" }
records:
  discogs: { username: me, token: ${TOKENS.discogs} }
playlists:
  soundcloud: { client_id: public-client, client_secret_file: ${scFile} }
`,
    { mode: 0o600 },
  );
  return path;
}

function expectNoToken(text: string): void {
  for (const token of Object.values(TOKENS)) expect(text).not.toContain(token);
}

describe('no configured secret reaches the log file', () => {
  it('redacts secrets by key, by value anywhere in a line, and credentials in error messages', async () => {
    const { config } = await loadConfig({ configPath: configWithTokens(), env: { HOME: dir } });
    const logger = createLogger({
      file: config.log.file,
      level: config.log.level,
      secrets: secretsOf(config),
    });
    const user = config.books!.users[0]!;
    logger.info({ user }, 'loaded user');
    logger.debug({ config }, 'whole config');
    logger.info(
      {
        request: {
          url: `https://api.discogs.com/users/me/collection?token=${TOKENS.discogs}`,
          headers: { authorization: `Bearer ${TOKENS.hardcover}` },
        },
      },
      'request',
    );
    logger.warn(
      { deep: { a: { b: { c: { d: { note: `pasted ${TOKENS.abs} here` } } } } } },
      `message with ${TOKENS.soundcloud}`,
    );
    const failure = new ShelfsyncError(`401 for request with Authorization: Bearer ${TOKENS.hardcover}`, {
      code: 'auth_failed',
      service: 'hardcover',
      cause: new Error(`Discogs said no to token=${TOKENS.discogs}`),
    });
    logger.error({ err: failure }, 'sync failed');
    const child = logger.child({ service: 'audiobookshelf' });
    child.info(
      {
        token: 'runtime-only-value',
        body: { access_token: 'oauth-access-1', refresh_token: 'oauth-refresh-1' },
      },
      'oauth',
    );
    await closeLogger(logger);

    const log = readFileSync(config.log.file, 'utf8');
    const lines = log.trim().split('\n');
    expect(lines).toHaveLength(6);
    expectNoToken(log);
    expect(log).not.toContain('runtime-only-value');
    expect(log).not.toContain('oauth-access-1');
    expect(log).not.toContain('oauth-refresh-1');
    // What is not secret is still there to read.
    expect(log).toContain('public-client');
    expect(log).toContain('api.discogs.com/users/me/collection?token=[redacted]');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'loaded user',
      'whole config',
      'request',
      'message with [redacted]',
      'sync failed',
      'oauth',
    ]);
  });
});

describe('no configured secret reaches error output', () => {
  it('config check on a file with invalid values next to tokens prints paths, never the tokens', () => {
    const path = configWithTokens();
    const text = readFileSync(path, 'utf8')
      .replace('url: "http://127.0.0.1:1"', 'url: "abs.lan"')
      .replace(
        `token: ${TOKENS.discogs}`,
        `token: ${TOKENS.discogs}, tokn: ${TOKENS.discogs}, username_file: 3`,
      )
      .replace(
        `hardcover: { token: "Bearer ${TOKENS.hardcover}" }`,
        `hardcover: { token: "${TOKENS.hardcover} x" }`,
      );
    writeFileSync(path, text);
    const result = runCli(['config', 'check', '--config', path], { HOME: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('books.users[0].audiobookshelf.url: must be an http:// or https:// URL');
    expect(result.stderr).toContain(
      'books.users[0].hardcover.token: the Hardcover API token of this user must not contain spaces',
    );
    expect(result.stderr).toContain('records.discogs.tokn: unknown key; did you mean "token"?');
    expectNoToken(result.stderr + result.stdout);
  });

  it('a YAML syntax error on the line of a token does not quote that line', () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, `records:\n  discogs: { username: me, token: "${TOKENS.discogs}\n`);
    const result = runCli(['config', 'check', '--config', path], { HOME: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid YAML: line 3, column 1');
    expectNoToken(result.stderr + result.stdout);
  });
});
