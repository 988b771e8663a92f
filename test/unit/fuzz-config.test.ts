import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/core/config/index.ts';
import { ShelfsyncError } from '../../src/core/errors.ts';

/**
 * Whatever the config file holds, loading it gives a config or a ShelfsyncError whose message names
 * what is wrong: never another exception, never a hang, never a token echoed back.
 */
const RUNS = process.env.SHELFSYNC_SOAK === '1' ? 4000 : 150;
const TOKEN = 'fuzz-secret-token-5f3a9c';

let dir: string;
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-fuzz-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loadsOrExplains(text: string): Promise<void> {
  count += 1;
  const path = join(dir, `config-${count}.yaml`);
  writeFileSync(path, text, { mode: 0o600 });
  try {
    await loadConfig({ configPath: path, env: { HOME: dir } });
  } catch (error) {
    expect(error).toBeInstanceOf(ShelfsyncError);
    const failure = error as ShelfsyncError;
    expect(['config_invalid', 'config_missing']).toContain(failure.code);
    expect(failure.message.length).toBeGreaterThan(0);
    expect(failure.message).not.toContain(TOKEN);
  } finally {
    rmSync(path, { force: true });
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('http://127.0.0.1:1', 'not a url', '~/x.db', '0 */6 * * *', 'Europe/Berlin', 'Mars/Base'),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('any'), { maxKeys: 3 }),
  ),
})).any;

/** Secrets go only where secrets belong; a path (token_file) may be named in a message. */
const secret = fc.oneof(value, fc.constant(TOKEN), fc.constant(`Bearer ${TOKEN}`));

/** Configs near the real shape: right keys with arbitrary values, some keys missing or misspelt. */
const nearConfig = fc.record(
  {
    database: fc.oneof(fc.record({ path: value }), value),
    timezone: value,
    schedule: value,
    log: fc.record({ file: value, level: value }, { requiredKeys: [] }),
    books: fc.record(
      {
        min_progress: value,
        auto_add: value,
        match_order: fc.oneof(value, fc.array(fc.constantFrom('asin', 'isbn', 'title_author', 'isbn13'))),
        users: fc.array(
          fc.record(
            {
              id: value,
              audiobookshelf: fc.record(
                { url: value, token: secret, token_file: value },
                { requiredKeys: [] },
              ),
              hardcover: fc.record({ token: secret }, { requiredKeys: [] }),
              libraries: value,
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    records: fc.record(
      {
        discogs: fc.record({ username: value, token: secret, url: value }, { requiredKeys: [] }),
        wantlist: value,
      },
      { requiredKeys: [] },
    ),
    playlists: fc.record(
      {
        soundcloud: fc.record(
          { client_id: value, client_secret: secret, redirect_port: value },
          { requiredKeys: [] },
        ),
        definitions: fc.array(
          fc.record({ name: value, query: value, private: value }, { requiredKeys: [] }),
          {
            maxLength: 2,
          },
        ),
      },
      { requiredKeys: [] },
    ),
    databse: value,
  },
  { requiredKeys: [] },
);

describe('config loader fuzz', () => {
  it(`near-valid configs (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(nearConfig, (config) => loadsOrExplains(stringify(config))),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`arbitrary text (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), loadsOrExplains), { numRuns: RUNS });
  }, 300_000);

  it(`YAML oddities: anchors, tags, deep nesting, huge numbers (${Math.ceil(RUNS / 3)} runs)`, async () => {
    const pieces = fc.constantFrom(
      'a: &x [1, 2]\nb: *x\n',
      'database: !!binary aGVsbG8=\n',
      'timezone: !custom tag\n',
      `records: ${'['.repeat(200)}${']'.repeat(200)}\n`,
      'books: { min_progress: 1e400 }\n',
      'records:\n  discogs:\n    token: |\n      multi\n      line\n',
      '%YAML 1.2\n---\ndatabase: {}\n...\n',
      '? [complex, key]\n: value\n',
      '\t\tbad indent\n',
      'key: "unterminated\n',
      '---\n---\n---\n',
      '\u0000\u0001\ufeff\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { minLength: 1, maxLength: 4 }), (parts) =>
        loadsOrExplains(parts.join('')),
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, 300_000);
});
