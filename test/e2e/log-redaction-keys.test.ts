import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger } from '../../src/core/log.ts';

/**
 * Redaction by key alone: the logger knows no secret values here, and no value has a credential's
 * shape, so only the key can hide it. (The tests in secrets-redaction also catch secrets by value.)
 */
const SECRET_KEYS = [
  'token',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'client_secret',
  'refresh_token',
  'access_token',
  'code_verifier',
  'secret',
];

/** `{ a: { b: { [key]: value } } }` for depth 2: the key sits `depth` objects down. */
function nested(depth: number, key: string, value: string): Record<string, unknown> {
  let object: Record<string, unknown> = { [key]: value };
  for (const name of ['c', 'b', 'a'].slice(3 - depth)) object = { [name]: object };
  return object;
}

function valueAt(line: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = line;
  for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-log-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function logged(write: (logger: ReturnType<typeof createLogger>) => void) {
  const file = join(dir, 'logs', 'shelfsync.log');
  const logger = createLogger({ file, level: 'info' });
  write(logger);
  await closeLogger(logger);
  const text = readFileSync(file, 'utf8');
  return {
    text,
    lines: text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the log hides secrets by key, however deep they sit', () => {
  const cases = SECRET_KEYS.flatMap((key) => [0, 1, 2, 3].map((depth) => ({ key, depth })));

  it(`redacts each secret key at the top level and one, two and three levels down (${cases.length} cases)`, async () => {
    const { text, lines } = await logged((logger) => {
      for (const { key, depth } of cases) logger.info(nested(depth, key, `plain-${depth}-${key}-zq`), key);
    });
    for (const [index, { key, depth }] of cases.entries()) {
      const path = [...['a', 'b', 'c'].slice(0, depth), key];
      expect(valueAt(lines[index] ?? {}, path), path.join('.')).toBe('[redacted]');
    }
    expect(text).not.toMatch(/plain-\d-/);
  });

  it('redacts set-cookie in headers at the top level and one level down', async () => {
    const { text, lines } = await logged((logger) => {
      logger.info({ headers: { 'set-cookie': ['sid=cookie-top-zq'], 'content-type': 'text/html' } }, 'top');
      logger.info({ response: { headers: { 'set-cookie': 'sid=cookie-deep-zq', etag: 'W/"1"' } } }, 'deep');
    });
    expect(valueAt(lines[0] ?? {}, ['headers', 'set-cookie'])).toBe('[redacted]');
    expect(valueAt(lines[1] ?? {}, ['response', 'headers', 'set-cookie'])).toBe('[redacted]');
    expect(text).not.toContain('cookie-top-zq');
    expect(text).not.toContain('cookie-deep-zq');
    // Headers that are not secret stay readable.
    expect(valueAt(lines[0] ?? {}, ['headers', 'content-type'])).toBe('text/html');
    expect(valueAt(lines[1] ?? {}, ['response', 'headers', 'etag'])).toBe('W/"1"');
  });

  it('leaves keys that are not secret alone at every depth', async () => {
    const { lines } = await logged((logger) => {
      for (const depth of [0, 1, 2, 3]) logger.info(nested(depth, 'username', `reader-${depth}`), 'user');
    });
    for (const [depth, line] of lines.entries()) {
      expect(valueAt(line, [...['a', 'b', 'c'].slice(0, depth), 'username'])).toBe(`reader-${depth}`);
    }
  });
});
