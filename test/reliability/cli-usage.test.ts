import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, spawnCli } from '../helpers/crash-harness.ts';

/** Command-line mistakes: a usage hint, exit 2, nothing synced, no stack trace. */
let dir: string;
let config: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-usage-'));
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    `database: { path: "${join(dir, 'shelfsync.db')}" }\nrecords:\n  discogs: { username: someone, token: "abcdefgh12345678", url: "http://127.0.0.1:9" }\n`,
    { mode: 0o600 },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: readonly { args: string[]; says: RegExp }[] = [
  {
    args: ['sync', '--only', 'movies'],
    says: /--only takes books, records, playlists; "movies" is none of them/,
  },
  { args: ['sync', '--bogus-flag'], says: /unknown option '--bogus-flag'/ },
  { args: ['synk'], says: /unknown command 'synk'/ },
  { args: ['records', 'query'], says: /missing required argument/ },
  { args: ['sync', '--config'], says: /argument missing/ },
];

describe('CLI argument errors', () => {
  it.each(CASES)(
    'shelfsync $args → usage, exit 2',
    async ({ args, says }) => {
      const full = args.includes('--config') ? args : [...args, '--config', config];
      const run: CliRun = await spawnCli(full, { env: { HOME: dir } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).not.toMatch(/records:/);
    },
    60_000,
  );
});
