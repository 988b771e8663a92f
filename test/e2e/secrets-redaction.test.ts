import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/core/config/index.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';
import { closeLogger, createLogger } from '../../src/core/log.ts';
import { expectNoToken, TOKENS, writeConfigWithTokens } from '../fixtures/config-with-tokens.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-redaction-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('no configured secret reaches the log file', () => {
  it('redacts secrets by key, by value anywhere in a line, and credentials in error messages', async () => {
    const { config } = await loadConfig({ configPath: writeConfigWithTokens(dir), env: { HOME: dir } });
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
