import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConfigFile, firstLineOf, readConfigFile } from '../../src/core/config/config-file.ts';
import { describeMissingConfig } from '../../src/core/config/paths.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-config-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function at(path: string) {
  return { path, source: 'option' as const };
}

async function readText(text: string): Promise<Awaited<ReturnType<typeof readConfigFile>>> {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text);
  return readConfigFile(at(path));
}

async function fileOf(text: string): Promise<{ file: ConfigFile; warnings: string[] }> {
  const result = await readText(text);
  if (!('file' in result)) throw new Error(`expected a file, got ${JSON.stringify(result.problems)}`);
  return result;
}

async function problemsOf(text: string): Promise<string[]> {
  const result = await readText(text);
  return 'problems' in result ? result.problems.map((problem) => `${problem.path}|${problem.message}`) : [];
}

describe('readConfigFile: the file itself', () => {
  it('throws config_missing with the advice for where the path came from', async () => {
    const location = at(join(dir, 'absent.yaml'));
    const error = await readConfigFile(location).catch((caught: unknown) => caught);
    const failure = findShelfsyncError(error);
    expect(failure?.code).toBe('config_missing');
    expect(failure?.service).toBe('shelfsync');
    expect(failure?.message).toBe(describeMissingConfig(location));
  });

  it('says a folder is not a config file', async () => {
    mkdirSync(join(dir, 'folder'));
    expect(await readConfigFile(at(join(dir, 'folder')))).toEqual({
      problems: [{ path: '', message: `${join(dir, 'folder')} is a folder; the config must be a YAML file` }],
    });
  });

  it('says why a file cannot be read', async () => {
    const loop = join(dir, 'loop.yaml');
    symlinkSync(loop, loop);
    expect(await readConfigFile(at(loop))).toEqual({
      problems: [{ path: '', message: `cannot read ${loop} (ELOOP)` }],
    });
  });

  it("keeps the file's permission bits", async () => {
    const path = join(dir, 'config.yaml');
    writeFileSync(path, 'timezone: UTC\n');
    chmodSync(path, 0o640);
    const result = await readConfigFile(at(path));
    expect('file' in result && result.file.mode & 0o777).toBe(0o640);
  });
});

describe('readConfigFile: the YAML', () => {
  it('reads a mapping, and an empty file as an empty one', async () => {
    expect((await fileOf('timezone: UTC\nbooks: { min_progress: 5 }\n')).file.raw).toEqual({
      timezone: 'UTC',
      books: { min_progress: 5 },
    });
    expect((await fileOf('')).file.raw).toEqual({});
    expect((await fileOf('# only a comment\n')).file.raw).toEqual({});
  });

  it('places a YAML error by line and column, without quoting the line', async () => {
    const text = `${Array.from({ length: 11 }, (_, index) => `key${index}: 1\n`).join('')}list: {a: 1, b: 2, a: secret}\n`;
    expect(await problemsOf(text)).toEqual(['|not valid YAML: line 12, column 20: Map keys must be unique']);
  });

  it('says when YAML parses but cannot be used', async () => {
    expect(await problemsOf('a: &x 1\nb: *y\n')).toEqual([
      '|not usable YAML: Unresolved alias (the anchor must be set before the alias): y',
    ]);
  });

  it('allows a config that reuses an anchor many times, and refuses an alias bomb', async () => {
    const reused = `base: &b { x: 1 }\n${Array.from({ length: 150 }, (_, index) => `k${index}: *b`).join('\n')}\n`;
    expect(Object.keys((await fileOf(reused)).file.raw)).toHaveLength(151);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(await problemsOf(bomb)).toEqual([
      '|not usable YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('wants a mapping at the top', async () => {
    expect(await problemsOf('- a\n- b\n')).toEqual([
      '|the file must be a YAML mapping of settings (database:, books:, records:, ...)',
    ]);
    expect(await problemsOf('just text\n')).toEqual([
      '|the file must be a YAML mapping of settings (database:, books:, records:, ...)',
    ]);
  });

  it('passes on warnings with the file name, without quoting the line', async () => {
    const path = join(dir, 'config.yaml');
    expect((await fileOf('%FOO\n---\ntimezone: UTC\n')).warnings).toEqual([
      `${path}: Unknown directive %FOO`,
    ]);
    expect((await fileOf('timezone: UTC\n')).warnings).toEqual([]);
  });
});

describe('readConfigFile: lineOf', () => {
  const text = [
    'database:', // 1
    '  path: /tmp/x.db', // 2
    'books:', // 3
    '  users:', // 4
    '    - id: a', // 5
    '    - id: b', // 6
    '      hardcover:', // 7
    '        token: t', // 8
    'timezone: UTC', // 9
  ].join('\n');

  it.each([
    [['database'], 1],
    [['database', 'path'], 2],
    [['books', 'users', 0], 5],
    [['books', 'users', 1, 'id'], 6],
    [['books', 'users', 1, 'hardcover', 'token'], 8],
    [['timezone'], 9],
    // Missing entries: the line of the nearest one that is there.
    [['books', 'users', 1, 'hardcover', 'url'], 7],
    [['books', 'users', 5, 'id'], 4],
    [['books', 'missing'], 3],
    [['database', 'path', 0], 2],
    [['timezone', 0], 9],
    [['nowhere'], undefined],
    [[], undefined],
  ] as const)('%o → line %s', async (path, line) => {
    const { file } = await fileOf(text);
    expect(file.lineOf(path)).toBe(line);
  });
});

describe('firstLineOf', () => {
  it.each([
    [
      'Map keys must be unique at line 12, column 20:\n\nlist: {a: secret}\n   ^\n',
      'Map keys must be unique',
    ],
    ['Missing closing "quote at line 3, column 1', 'Missing closing "quote'],
    ['Something went wrong:', 'Something went wrong'],
    ['Unresolved alias: y', 'Unresolved alias: y'],
    ['A word at line 1, column 2 in the middle', 'A word at line 1, column 2 in the middle'],
    ['', ''],
  ])('%j → %j', (message, expected) => {
    expect(firstLineOf(message)).toBe(expected);
  });
});
