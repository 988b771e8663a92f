import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig, formatProblem, loadConfig, secretsOf } from '../../src/core/config/index.ts';

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-secrets-'));
  env = { HOME: dir };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string, mode = 0o600): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
  return path;
}

const config = (discogs: string) => `records:\n  discogs: { username: me, ${discogs} }\n`;

describe('secrets given as <key>_file', () => {
  it('reads the file, trims it, and resolves relative paths against the config folder', async () => {
    write('secrets/discogs', '  tok-from-file\n\n');
    const { config: loaded } = await loadConfig({
      configPath: write('conf/config.yaml', config('token_file: ../secrets/discogs')),
      env,
    });
    expect(loaded.records?.discogs.token).toBe('tok-from-file');
    expect(loaded.records?.discogs).not.toHaveProperty('token_file');
  });

  it('works for every secret: Audiobookshelf, Hardcover and SoundCloud', async () => {
    write('abs', 'abs-secret');
    write('hc', 'hc-secret');
    write('sc', 'sc-secret');
    const { config: loaded } = await loadConfig({
      configPath: write(
        'config.yaml',
        `books:
  users:
    - id: a
      audiobookshelf: { url: "http://abs", token_file: ./abs }
      hardcover: { token_file: ~/hc }
playlists:
  soundcloud: { client_id: cid, client_secret_file: sc }\n`,
      ),
      env,
    });
    expect(loaded.books?.users[0]?.audiobookshelf.token).toBe('abs-secret');
    expect(loaded.books?.users[0]?.hardcover.token).toBe('hc-secret');
    expect(loaded.playlists?.soundcloud.client_secret).toBe('sc-secret');
  });

  it('reports an unreadable, empty or missing file at the _file key path, once', async () => {
    write('empty', ' \n');
    const check = await checkConfig({
      configPath: write(
        'config.yaml',
        `books:
  users:
    - id: a
      audiobookshelf: { url: "http://abs", token_file: ./missing }
      hardcover: { token_file: ./empty }
records:
  discogs: { username: me, token_file: ${dir} }\n`,
      ),
      env,
    });
    expect(check.problems.map(formatProblem)).toEqual([
      `books.users[0].audiobookshelf.token_file: cannot read ${join(dir, 'missing')} (no such file) (line 4)`,
      `books.users[0].hardcover.token_file: ${join(dir, 'empty')} is empty (line 5)`,
      `records.discogs.token_file: ${dir} is a folder, not a file (line 7)`,
    ]);
  });

  it('rejects a secret given both ways, and a _file that is not a path', async () => {
    write('tok', 'x-token');
    expect(
      (await checkConfig({ configPath: write('a.yaml', config('token: abcd, token_file: ./tok')), env }))
        .problems,
    ).toEqual([
      { path: 'records.discogs.token_file', message: 'give either token or token_file, not both', line: 2 },
    ]);
    expect(
      (await checkConfig({ configPath: write('b.yaml', config('token_file: 42')), env })).problems.map(
        formatProblem,
      ),
    ).toEqual([
      'records.discogs.token_file: expected the path of a file holding your Discogs personal access token (line 2)',
    ]);
  });

  it('warns when a secret file or a config holding secrets can be read by other users', async () => {
    write('open', 'open-token', 0o644);
    const fromFile = await loadConfig({ configPath: write('a.yaml', config('token_file: ./open')), env });
    expect(fromFile.warnings).toEqual([
      `records.discogs.token_file: ${join(dir, 'open')} can be read by other users of this machine; restrict it with \`chmod 600 ${join(dir, 'open')}\``,
    ]);
    const inline = await loadConfig({
      configPath: write('b.yaml', config('token: inline-token'), 0o640),
      env,
    });
    expect(inline.warnings).toEqual([
      expect.stringMatching(/b\.yaml holds secrets and can be read by other users/),
    ]);
    const closed = await loadConfig({ configPath: write('c.yaml', config('token: inline-token')), env });
    expect(closed.warnings).toEqual([]);
  });
});

describe('a pasted "Bearer " prefix', () => {
  it.each(['Bearer abc.def', 'bearer abc.def', 'BEARER   abc.def'])(
    'is stripped from %j with a warning',
    async (value) => {
      const loaded = await loadConfig({ configPath: write('config.yaml', config(`token: "${value}"`)), env });
      expect(loaded.config.records?.discogs.token).toBe('abc.def');
      expect(loaded.warnings).toEqual([
        expect.stringMatching(/^records\.discogs\.token: removed a leading "Bearer "/),
      ]);
      expect(loaded.warnings.join('')).not.toContain('abc.def');
    },
  );

  it('is stripped from a token read from a file too', async () => {
    write('hc', 'Bearer from-file\n');
    const loaded = await loadConfig({ configPath: write('config.yaml', config('token_file: ./hc')), env });
    expect(loaded.config.records?.discogs.token).toBe('from-file');
    expect(loaded.warnings).toHaveLength(1);
  });

  it('leaves other tokens alone and rejects whitespace inside a token without echoing it', async () => {
    const kept = await loadConfig({ configPath: write('a.yaml', config('token: Bearerless')), env });
    expect(kept.config.records?.discogs.token).toBe('Bearerless');
    const check = await checkConfig({ configPath: write('b.yaml', config('token: "two words"')), env });
    expect(check.problems.map(formatProblem)).toEqual([
      'records.discogs.token: your Discogs personal access token must not contain spaces or line breaks (line 2)',
    ]);
  });
});

describe('secretsOf', () => {
  it('lists every resolved secret value and nothing else', async () => {
    write('sc', 'sc-secret');
    const { config: loaded } = await loadConfig({
      configPath: write(
        'config.yaml',
        `books:
  users:
    - id: alice
      audiobookshelf: { url: "http://abs", token: abs-alice }
      hardcover: { token: hc-alice }
    - id: bob
      audiobookshelf: { url: "http://abs", token: abs-bob }
      hardcover: { token: hc-bob }
records:
  discogs: { username: me, token: discogs-secret }
playlists:
  soundcloud: { client_id: public-id, client_secret_file: ./sc }\n`,
      ),
      env,
    });
    expect(secretsOf(loaded).sort()).toEqual(
      ['abs-alice', 'abs-bob', 'discogs-secret', 'hc-alice', 'hc-bob', 'sc-secret'].sort(),
    );
  });
});
