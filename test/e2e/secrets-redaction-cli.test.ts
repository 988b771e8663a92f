import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoToken, TOKENS, writeConfigWithTokens } from '../fixtures/config-with-tokens.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-redaction-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('no configured secret reaches error output', () => {
  it('config check on a file with invalid values next to tokens prints paths, never the tokens', () => {
    const path = writeConfigWithTokens(dir);
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
