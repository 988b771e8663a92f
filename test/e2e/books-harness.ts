import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/sandbox.ts';
import { type SyncReport, syncReportSchema } from '../../src/sync/report.ts';
import { repoRoot } from '../helpers/cli.ts';

/**
 * The books sync against an in-process sandbox, run through the real CLI (asynchronously, since
 * the stand-ins live in this process) on a real database file.
 */
export interface BooksWorld {
  sandbox: Sandbox;
  config: string;
  dbPath: string;
  hcOrigin: string;
  absOrigin: string;
}

export async function startBooksWorld(
  options: SandboxOptions,
  books: Record<string, unknown> = {},
): Promise<BooksWorld> {
  const sandbox = await startSandbox({ rateScale: 100, ...options });
  const config = parse(readFileSync(sandbox.info.config, 'utf8')) as {
    books: { hardcover: Record<string, unknown> } & Record<string, unknown>;
    database: { path: string };
  } & Record<string, unknown>;
  config.timezone = 'UTC';
  config.books = {
    ...config.books,
    auto_add: true,
    ...books,
    hardcover: { ...config.books.hardcover, per_minute: 6000 },
  };
  delete config.records;
  delete config.playlists;
  writeFileSync(sandbox.info.config, stringify(config), { mode: 0o600 });
  return {
    sandbox,
    config: sandbox.info.config,
    dbPath: config.database.path as string,
    hcOrigin: sandbox.info.hardcover.url.replace(/\/v1\/graphql$/, ''),
    absOrigin: sandbox.info.audiobookshelf.url,
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: SyncReport | undefined;
}

export function runShelfsync(world: BooksWorld, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/shelfsync.js', ...args, '--config', world.config], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: world.sandbox.info.dir, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      let report: SyncReport | undefined;
      try {
        report = syncReportSchema.parse(JSON.parse(stdout));
      } catch {
        report = undefined;
      }
      resolve({ code, stdout, stderr, report });
    });
  });
}

export const syncJson = (world: BooksWorld, ...extra: string[]) =>
  runShelfsync(world, ['sync', '--json', ...extra]);

export interface StandInStats {
  requests: number;
  units: number;
  reads: number;
  searches: number;
  writes: number;
  status: Record<string, number>;
  routes: Record<string, number>;
  duplicateOpenReads?: number;
}

export async function stats(origin: string): Promise<StandInStats> {
  return (await (await fetch(`${origin}/__sandbox/stats`)).json()) as StandInStats;
}

export async function resetStats(world: BooksWorld): Promise<void> {
  for (const origin of [world.hcOrigin, world.absOrigin]) {
    await fetch(`${origin}/__sandbox/reset-stats`, { method: 'POST' });
  }
}

export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A GraphQL query as one of the people (for checking end states; not counted against shelfsync). */
export async function hardcoverAs<T>(world: BooksWorld, personId: string, query: string): Promise<T> {
  const token = world.sandbox.info.hardcover.users.find((u) => u.id === personId)?.token ?? '';
  const response = await fetch(world.sandbox.info.hardcover.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export interface ShelfRead {
  id: number;
  started_at: string | null;
  finished_at: string | null;
  progress_seconds: number | null;
  progress_pages: number | null;
  edition_id: number | null;
  edition: { reading_format_id: number } | null;
}

export interface ShelfBook {
  id: number;
  book_id: number;
  status_id: number;
  edition_id: number | null;
  user_book_reads: ShelfRead[];
}

export async function shelfOf(world: BooksWorld, personId: string): Promise<ShelfBook[]> {
  const data = await hardcoverAs<{ me: { user_books: ShelfBook[] }[] }>(
    world,
    personId,
    `{ me { user_books(order_by: {id: asc}) { id book_id status_id edition_id
        user_book_reads(order_by: {id: asc}) { id started_at finished_at progress_seconds progress_pages edition_id edition { reading_format_id } } } } }`,
  );
  return data.me[0]?.user_books ?? [];
}

/** Moves one item's position for a person, as playback in Audiobookshelf would. */
export async function setAbsProgress(
  world: BooksWorld,
  personId: string,
  itemId: string,
  body: Record<string, unknown>,
): Promise<void> {
  const token = world.sandbox.info.audiobookshelf.users.find((u) => u.id === personId)?.token ?? '';
  const response = await fetch(`${world.absOrigin}/api/me/progress/${itemId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PATCH progress: ${response.status}`);
}

/** Starts a sync without waiting for it, so a test can kill it part-way. */
export function startSync(world: BooksWorld): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/shelfsync.js', 'sync', '--json', '--config', world.config], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: world.sandbox.info.dir, NO_COLOR: '1' },
    stdio: 'ignore',
  });
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/** Polls until `check` holds, or fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A shelf without ids or dates Hardcover sets itself, for comparing two worlds' end states. */
export function comparableShelf(shelf: readonly ShelfBook[]) {
  return shelf
    .map((ub) => ({
      book: ub.book_id,
      status: ub.status_id,
      edition: ub.edition_id,
      reads: ub.user_book_reads.map((r) => [
        r.started_at,
        r.finished_at,
        r.progress_seconds,
        r.progress_pages,
        r.edition_id,
      ]),
    }))
    .sort((a, b) => a.book - b.book);
}
