import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, parsePath } from '../../src/core/config/load.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-load-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(text: string, mode = 0o600): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

const env = () => ({ HOME: join(dir, 'home') });

describe('parsePath', () => {
  it.each([
    ['books.users[12].hardcover.token', ['books', 'users', 12, 'hardcover', 'token']],
    ['playlists.definitions[0]', ['playlists', 'definitions', 0]],
    ['timezone', ['timezone']],
    ['', []],
  ] as const)('%s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });
});

describe('checkConfig', () => {
  it('warns about a config readable by others only when it holds a secret itself', async () => {
    const plain = await checkConfig({
      configPath: write('timezone: UTC\nrecords:\n  discogs: { username: me, token_file: t.txt }\n', 0o644),
      env: env(),
    });
    expect(plain.warnings.filter((warning) => warning.includes('holds secrets'))).toEqual([]);
    const holding = await checkConfig({
      configPath: write('records:\n  discogs: { username: me, token: t0ken }\n', 0o644),
      env: env(),
    });
    expect(holding.warnings.filter((warning) => warning.includes('holds secrets'))).toHaveLength(1);
    const private_ = await checkConfig({
      configPath: write('records:\n  discogs: { username: me, token: t0ken }\n'),
      env: env(),
    });
    expect(private_.warnings.filter((warning) => warning.includes('holds secrets'))).toEqual([]);
  });

  it('gives no config while a problem remains, even one the schema does not see', async () => {
    writeFileSync(join(dir, 't.txt'), 'file-token');
    const check = await checkConfig({
      configPath: write('records:\n  discogs: { username: me, token: t0ken, token_file: t.txt }\n'),
      env: env(),
    });
    expect(check.problems.map((problem) => problem.message)).toEqual([
      'give either token or token_file, not both',
    ]);
    expect(check.config).toBeUndefined();
  });

  it('names the variable behind a problem inside a list it set', async () => {
    const check = await checkConfig({
      configPath: write('books:\n  users: []\n'),
      env: { ...env(), SHELFSYNC_BOOKS_MATCH_ORDER: 'asin,bogus' },
    });
    expect(check.problems).toContainEqual(
      expect.objectContaining({ path: 'books.match_order[1]', envVar: 'SHELFSYNC_BOOKS_MATCH_ORDER' }),
    );
  });
});
