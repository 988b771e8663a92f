import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../src/core/db/database.ts';
import { runCli } from '../helpers/cli.ts';
import { insertCollection, OWNED_IDS } from '../helpers/query-collection.ts';

let dir: string;
let configPath: string;
let databasePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-records-query-'));
  configPath = join(dir, 'config.yaml');
  databasePath = join(dir, 'data', 'shelfsync.db');
  writeFileSync(configPath, `database:\n  path: ${JSON.stringify(databasePath)}\n`);
  const database = await openDatabase({ path: databasePath });
  try {
    await insertCollection(database.db);
  } finally {
    await database.close();
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function shelfsync(...args: string[]) {
  return runCli([...args, '--config', configPath], { HOME: dir });
}

const ReleaseList = z.object({
  kind: z.literal('releases'),
  count: z.number(),
  rows: z.array(z.object({ id: z.number(), title: z.string(), genres: z.array(z.string()) }).loose()),
});

/** Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (quoted) {
      if (char === '"' && text.charAt(at + 1) === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text.charAt(at + 1) === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      at += 1;
    } else field += char;
  }
  return records;
}

describe('records query', () => {
  it('prints matching releases as JSON', () => {
    const result = shelfsync(
      'records',
      'query',
      'genre = Jazz and not style ~ fusion order by year',
      '--json',
    );
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const output = ReleaseList.parse(JSON.parse(result.stdout));
    expect(output.rows.map((row) => row.id)).toEqual([1, 4]);
    expect(output.count).toBe(2);
  });

  it('prints groups as a table', () => {
    const result = shelfsync('records', 'query', 'genre = Jazz group by decade');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'decade  count',
      '1950    1',
      '1960    1',
      '1970    1',
      '',
      '3 rows',
      '',
    ]);
  });

  it('prints CSV with a header and RFC 4180 quoting', () => {
    const result = shelfsync('records', 'query', 'id in (1, 8) order by id', '--csv');
    expect(result.code).toBe(0);
    const [header, ...records] = readCsv(result.stdout);
    expect(header?.slice(0, 4)).toEqual(['id', 'artist', 'title', 'year']);
    expect(records.map((record) => record[2])).toEqual(['Kind of Blue', "Robert'); DROP TABLE releases;--"]);
    expect(records[1]?.[7]).toBe('Vinyl (7", Single)');
    expect(result.stdout).toContain('"Vinyl (7"", Single)"');
  });

  it('exits 2 with a caret under the mistake and the valid fields', () => {
    const result = shelfsync('records', 'query', 'genre = Jazz and yaer > 1960');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').slice(0, 4)).toEqual([
      'error invalid query: unknown field "yaer" (did you mean year?) (column 18)',
      '  genre = Jazz and yaer > 1960',
      '                   ^',
      expect.stringContaining('valid fields: added, artist,'),
    ]);
  });

  it('matches nothing and harms nothing with an injection attempt', () => {
    const attempt = shelfsync('records', 'query', `title = "x' ; drop table releases; --"`, '--json');
    expect(attempt.code).toBe(0);
    expect(ReleaseList.parse(JSON.parse(attempt.stdout)).rows).toEqual([]);
    const all = ReleaseList.parse(JSON.parse(shelfsync('records', 'list', '--json').stdout));
    expect(all.rows.map((row) => row.id).sort()).toEqual(OWNED_IDS);
  });
});

describe('records list', () => {
  it('lists the owned releases as a table, wantlist excluded', () => {
    const result = shelfsync('records', 'list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+artist\s+title\s+year\s+format\s+label\s+rating$/);
    expect(lines.at(-1)).toBe(`${OWNED_IDS.length} releases`);
    expect(result.stdout).not.toContain('Head Hunters');
  });

  it('filters with --query', () => {
    const result = shelfsync('records', 'list', '--query', 'artist = bjork', '--json');
    expect(ReleaseList.parse(JSON.parse(result.stdout)).rows.map((row) => row.title)).toEqual(['Homogenic']);
  });

  it('refuses an aggregate query with exit 2', () => {
    const result = shelfsync('records', 'list', '--query', 'count group by genre');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('records list shows releases');
  });
});

describe('records export', () => {
  it('writes CSV to a file', () => {
    const out = join(dir, 'jazz.csv');
    const result = shelfsync('records', 'export', '--format', 'csv', '--query', 'genre = Jazz', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Exported 3 releases to ${out}`);
    const [header, ...records] = readCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual([
      'id',
      'artist',
      'title',
      'year',
      'country',
      'labels',
      'catnos',
      'formats',
      'genres',
      'styles',
      'rating',
      'added',
      'folders',
      'copies',
    ]);
    expect(records.map((record) => record[0])).toEqual(['4', '1', '2']);
    expect(records[1]?.[9]).toBe('Modal; Cool Jazz');
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('writes JSON to standard output', () => {
    const result = shelfsync('records', 'export', '--format', 'json');
    expect(result.code).toBe(0);
    const rows = z
      .array(z.object({ id: z.number(), copies: z.number() }).loose())
      .parse(JSON.parse(result.stdout));
    expect(rows.map((row) => row.id).sort()).toEqual(OWNED_IDS);
    expect(rows.find((row) => row.id === 3)?.copies).toBe(2);
  });

  it('refuses an unknown format with exit 2', () => {
    const result = shelfsync('records', 'export', '--format', 'xml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be csv or json');
  });
});
