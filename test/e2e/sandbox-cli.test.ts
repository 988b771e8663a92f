import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.ts';

interface SandboxLine {
  audiobookshelf: { url: string; users: { id: string; token: string }[] };
  hardcover: { url: string; tokens: string[] };
  discogs: { url: string; username: string; token: string };
  soundcloud: { url: string; authUrl: string; clientId: string; clientSecret: string };
  config: string;
  dir: string;
}

describe('shelfsync sandbox --json', () => {
  let started: Awaited<ReturnType<typeof startCli>>;
  let info: SandboxLine;

  beforeAll(async () => {
    started = await startCli(['sandbox', '--seed', '1', '--books', '200', '--records', '500', '--json']);
    info = JSON.parse(started.firstLine) as SandboxLine;
  }, 30_000);

  afterAll(() => {
    if (started.child.exitCode === null) started.child.kill('SIGKILL');
  });

  it('prints one JSON line with every service, a config and its temp dir', () => {
    expect(info.audiobookshelf.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.audiobookshelf.users.length).toBeGreaterThanOrEqual(2);
    for (const user of info.audiobookshelf.users) expect(user.token).not.toBe('');
    expect(info.hardcover.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/graphql$/);
    expect(info.hardcover.tokens.length).toBe(info.audiobookshelf.users.length);
    expect(info.discogs).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });
    expect(info.soundcloud.clientId).not.toBe('');
    expect(info.config.startsWith(info.dir)).toBe(true);
    expect(statSync(info.config).mode & 0o777).toBe(0o600);
  });

  it('serves /__sandbox/stats on every stand-in in the shape the checks read', async () => {
    const origins = [
      info.audiobookshelf.url,
      new URL(info.hardcover.url).origin,
      info.discogs.url,
      info.soundcloud.url,
    ];
    for (const origin of origins) {
      const stats = (await (await fetch(`${origin}/__sandbox/stats`)).json()) as Record<string, unknown>;
      for (const key of ['requests', 'units', 'reads', 'searches', 'writes', 'status', 'routes']) {
        expect(stats).toHaveProperty(key);
      }
    }
    const hardcover = (await (
      await fetch(`${new URL(info.hardcover.url).origin}/__sandbox/stats`)
    ).json()) as {
      duplicateOpenReads: number;
    };
    expect(hardcover.duplicateOpenReads).toBe(0);
  });

  it('writes a config that passes config check, and whose every account signs in', () => {
    const check = runCli(['config', 'check', '--config', info.config]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const connections = runCli(['config', 'check', '--connections', '--config', info.config]);
    expect(connections.stdout).not.toContain('FAIL');
    expect(connections.stdout.match(/^ok/gm)?.length).toBe(2 * info.audiobookshelf.users.length + 2);
    expect(connections.code).toBe(0);

    const log = readFileSync(join(info.dir, 'shelfsync.log'), 'utf8');
    expect(log).toContain('connection check');
    const secrets = [
      ...info.audiobookshelf.users.map((user) => user.token),
      ...info.hardcover.tokens,
      info.discogs.token,
      info.soundcloud.clientSecret,
    ];
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('stops on SIGTERM and removes its temp dir', async () => {
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(existsSync(info.dir)).toBe(false);
  });
});

describe('shelfsync sandbox usage errors', () => {
  it.each([
    [['sandbox', '--faults', 'hardcover:429'], /bad fault rule/],
    [['sandbox', '--books', '0'], /--books must be a whole number/],
    [['sandbox', '--rate-scale', 'fast'], /--rate-scale must be a number above 0/],
    [['sandbox', '--hardcover-daily', '-1'], /--hardcover-daily must be a whole number/],
    [
      ['sandbox', '--hardcover-status-opens-read', 'maybe'],
      /--hardcover-status-opens-read must be one of yes, no/,
    ],
    [
      ['sandbox', '--hardcover-read-update', 'patch'],
      /--hardcover-read-update must be one of replace, merge/,
    ],
  ])('%j exits 2 with one line', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('shelfsync sandbox Hardcover options', () => {
  let started: Awaited<ReturnType<typeof startCli>>;
  let hardcover: { url: string; tokens: string[] };

  beforeAll(async () => {
    started = await startCli([
      ...['sandbox', '--seed', '2', '--books', '40', '--records', '5', '--json'],
      ...[
        '--hardcover-daily',
        '4',
        '--hardcover-status-opens-read',
        'no',
        '--hardcover-read-update',
        'Merge',
      ],
    ]);
    hardcover = (JSON.parse(started.firstLine) as { hardcover: typeof hardcover }).hardcover;
  }, 30_000);

  afterAll(async () => {
    started.child.kill('SIGTERM');
    await started.exited;
  });

  const gql = async (query: string) => {
    const response = await fetch(hardcover.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hardcover.tokens[0]}` },
      body: JSON.stringify({ query }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field
    return { response, body: (await response.json()) as any };
  };

  it('passes the daily quota, the status and the read-update variants to the stand-in', async () => {
    const { response, body } = await gql(`{
      reads: user_book_reads(where: {started_at: {_is_null: false}}, order_by: {id: asc}, limit: 1) { id started_at }
      shelf: user_books(where: {status_id: {_eq: 1}}, order_by: {id: asc}, limit: 1) { id user_book_reads { id } }
    }`);
    expect(response.headers.get('x-ratelimit-daily-limit')).toBe('4');
    const [read] = body.data.reads;
    const [wanted] = body.data.shelf;

    const merged = await gql(
      `mutation { update_user_book_read(id: ${read.id}, object: {progress_pages: 3}) { error user_book_read { started_at } } }`,
    );
    expect(merged.body.data.update_user_book_read.user_book_read.started_at).toBe(read.started_at);

    const reading = await gql(
      `mutation { update_user_book(id: ${wanted.id}, object: {status_id: 2}) { error user_book { status_id user_book_reads { id } } } }`,
    );
    expect(reading.body.data.update_user_book.user_book).toEqual({
      status_id: 2,
      user_book_reads: wanted.user_book_reads,
    });
    expect(reading.response.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    expect((await gql('{ me { id } }')).response.status).toBe(429);
  });
});
