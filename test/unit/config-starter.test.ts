import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkConfig,
  formatProblem,
  starterConfig,
  writeStarterConfig,
} from '../../src/core/config/index.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-starter-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('writeStarterConfig', () => {
  it('writes the starter config readable only by its owner, creating its folder', async () => {
    const path = join(dir, 'new', 'config.yaml');
    await writeStarterConfig(path, { force: false });
    expect(readFileSync(path, 'utf8')).toBe(starterConfig());
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(join(dir, 'new'))).toBe(0o700);
  });

  it('refuses to replace a file without force, as a usage error naming the file', async () => {
    const path = join(dir, 'config.yaml');
    writeFileSync(path, 'mine\n');
    const error = await writeStarterConfig(path, { force: false }).catch((caught: unknown) => caught);
    expect(findShelfsyncError(error)?.code).toBe('usage');
    expect((error as Error).message).toBe(
      `${path} already exists; not replacing it (use --force to overwrite, or --path to write elsewhere)`,
    );
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
  });

  it('replaces a file with force and narrows its mode to the owner', async () => {
    const path = join(dir, 'config.yaml');
    writeFileSync(path, 'mine\n');
    chmodSync(path, 0o644);
    await writeStarterConfig(path, { force: true });
    expect(readFileSync(path, 'utf8')).toBe(starterConfig());
    expect(modeOf(path)).toBe(0o600);
  });

  it('says why it cannot write, as a config error', async () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    const error = await writeStarterConfig(path, { force: true }).catch((caught: unknown) => caught);
    const failure = findShelfsyncError(error);
    expect(failure?.code).toBe('config_invalid');
    expect(failure?.service).toBe('shelfsync');
    expect(failure?.message).toBe(`cannot write ${path} (it is a folder)`);
  });
});

describe('starterConfig', () => {
  it('fails the config check only on its placeholders, each named', async () => {
    const path = join(dir, 'config.yaml');
    await writeStarterConfig(path, { force: false });
    const check = await checkConfig({ configPath: path, env: { HOME: join(dir, 'home') } });
    const problems = check.problems.map(formatProblem);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/replace the placeholder from `shelfsync init`/);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'books.users[0].id',
      'books.users[0].audiobookshelf.url',
      'books.users[0].audiobookshelf.token',
      'books.users[0].hardcover.token',
      'records.discogs.username',
      'records.discogs.token',
      'playlists.soundcloud.client_id',
      'playlists.soundcloud.client_secret',
    ]);
  });

  it('passes the check once the placeholders are filled in', async () => {
    const filled = starterConfig()
      .replace('<your name>', 'me')
      .replace('<Audiobookshelf server URL>', 'http://abs.lan:13378')
      .replaceAll(/<[^>]*token>/g, 'secret-token')
      .replace('<Discogs username>', 'me')
      .replace('<SoundCloud client id>', 'client-id')
      .replace('<SoundCloud client secret>', 'client-secret');
    const path = join(dir, 'config.yaml');
    writeFileSync(path, filled);
    const check = await checkConfig({ configPath: path, env: { HOME: join(dir, 'home') } });
    expect(check.problems.map(formatProblem)).toEqual([]);
  });
});
