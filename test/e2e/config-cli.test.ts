import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-cli-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function shelfsync(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { HOME: dir, ...env });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const VALID = `timezone: UTC
records:
  discogs: { username: me, token: discogs-token }
`;

describe('shelfsync config check', () => {
  it('prints all three mistakes of one file with their key paths and exits 2', () => {
    const path = write(
      'bad.yaml',
      `timezone: UTC
books:
  min_progress: 250
  users:
    - id: alice
      audiobookshelf: { url: "http://abs.lan:13378", token: abs-token }
      hardcover: { tokne: hc-token }
records:
  discogs: { username: me, token: discogs-token, wantlist: true }
`,
    );
    const { code, stdout, stderr } = shelfsync(['config', 'check', '--config', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `error the config file ${path} has 3 problems:`,
      '  books.min_progress: must be at most 100 (line 3)',
      '  books.users[0].hardcover.tokne: unknown key; did you mean "token"? (line 7)',
      '  records.discogs.wantlist: unknown key; expected one of: username, token, url, token_file (line 9)',
    ]);
  });

  it('checks each playlist definition query and names the one that does not parse', () => {
    const path = write(
      'queries.yaml',
      `${VALID}playlists:
  soundcloud: { client_id: app, client_secret: app-secret }
  definitions:
    - { name: Jazz, query: "genre = Jazz and year in 1960..1969" }
    - { name: Typo, query: "gnre = Jazz" }
`,
    );
    const { code, stdout, stderr } = shelfsync(['config', 'check', '--config', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe(`error the config file ${path} has 1 problem:`);
    expect(lines[1]).toMatch(
      /^ {2}playlists\.definitions\[1\]\.query: is not a valid collection query: .+ \(column 1\)$/,
    );
  });

  it('says OK with the path for a valid file, with --config before or after the command', () => {
    const path = write('good.yaml', VALID);
    for (const args of [
      ['config', 'check', '--config', path],
      ['--config', path, 'config', 'check'],
      ['-c', path, 'config', 'check'],
    ]) {
      const { code, stdout, stderr } = shelfsync(args);
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `config OK: ${path}\n`, stderr: '' });
    }
  });

  it('finds the file through $SHELFSYNC_CONFIG and prints warnings without failing', () => {
    const path = write('env.yaml', VALID.replace('token: discogs-token', 'token: "Bearer discogs-token"'));
    const { code, stdout, stderr } = shelfsync(['config', 'check'], { SHELFSYNC_CONFIG: path });
    expect(code).toBe(0);
    expect(stdout).toBe(`config OK: ${path}\n`);
    expect(stderr).toMatch(/^warning records\.discogs\.token: removed a leading "Bearer "/);
  });

  it('names every place it looked when there is no config file, and exits 2', () => {
    const missing = shelfsync(['config', 'check'], { XDG_CONFIG_HOME: join(dir, 'xdg') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `error no config file found: --config was not given, $SHELFSYNC_CONFIG is not set, and ${join(dir, 'xdg', 'shelfsync', 'config.yaml')} does not exist; run \`shelfsync init\` to write a starter config there, or pass --config PATH.\n`,
    );
    const given = shelfsync(['config', 'check', '--config', join(dir, 'nope.yaml')]);
    expect(given.code).toBe(2);
    expect(given.stderr).toContain(`no config file at ${join(dir, 'nope.yaml')} (given with --config)`);
    expect(given.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('shelfsync init', () => {
  it('writes a commented starter config with mode 0600 where config check looks, and refuses to overwrite it', () => {
    const env = { XDG_CONFIG_HOME: join(dir, 'xdg') };
    const path = join(dir, 'xdg', 'shelfsync', 'config.yaml');
    const first = shelfsync(['init'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `Wrote a starter config to ${path}\nNext: replace its <...> placeholders with your own values, then run \`shelfsync config check\`.\n`,
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^# shelfsync configuration/);

    writeFileSync(path, '# my edited config\n');
    const again = shelfsync(['init'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `error ${path} already exists; not replacing it (use --force to overwrite, or --path to write elsewhere)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe('# my edited config\n');

    chmodSync(path, 0o644);
    expect(shelfsync(['init', '--force'], env).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes to --path, creating folders; the starter fails config check by placeholder until filled in', () => {
    const path = join(dir, 'a', 'b', 'shelfsync.yaml');
    const written = shelfsync(['init', '--path', path]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`shelfsync config check --config ${path}`);

    const placeholders = shelfsync(['config', 'check', '--config', path]);
    expect(placeholders.code).toBe(2);
    const problems = placeholders.stderr.trim().split('\n').slice(1);
    expect(problems).toHaveLength(8);
    for (const line of problems)
      expect(line).toMatch(
        /^ {2}[a-z_.[\]0-9]+: replace the placeholder from `shelfsync init` with .+ \(line \d+\)$/,
      );

    const filled = readFileSync(path, 'utf8')
      .replace('<Audiobookshelf server URL>', 'http://abs.lan:13378')
      .replace(/<[^>\n]+>/g, (placeholder) => `value-${placeholder.length}`);
    writeFileSync(path, filled);
    const ok = shelfsync(['config', 'check', '--config', path]);
    expect({ code: ok.code, stdout: ok.stdout, stderr: ok.stderr }).toEqual({
      code: 0,
      stdout: `config OK: ${path}\n`,
      stderr: '',
    });
  });
});
