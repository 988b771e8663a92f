import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { booksUserReportSchema } from '../../src/sync/books/user-report.ts';
import { type BooksWorld, runShelfsync, startBooksWorld, stats, syncJson } from './books-harness.ts';

/** Faults from the sandbox: retried when they say "try again", one user stopped by a refused token. */

const worlds: BooksWorld[] = [];
afterAll(() => Promise.all(worlds.map((world) => world.sandbox.stop())));

describe('books sync under faults', { timeout: 120_000 }, () => {
  it('retries 429 with Retry-After and bursts of 503, and completes', async () => {
    const world = await startBooksWorld({
      seed: 5,
      books: 60,
      faults: 'hardcover:429=1%7,hardcover:503#3,hardcover:503#4,hardcover:503#5,abs:503#1',
    });
    worlds.push(world);
    const run = await syncJson(world);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const hc = await stats(world.hcOrigin);
    expect(hc.status['429']).toBeGreaterThan(0);
    expect(hc.status['503']).toBe(3);
    expect(hc.duplicateOpenReads).toBe(0);
    for (const part of Object.values(run.report?.bridges.books?.users ?? {})) {
      const user = booksUserReportSchema.parse(part);
      expect(user.outcomes.failed).toBe(0);
      expect(user.outcomes.synced).toBeGreaterThan(0);
    }
  });

  it('stops only the user whose Hardcover token is refused, with one clear line', async () => {
    const world = await startBooksWorld({ seed: 5, books: 60 });
    worlds.push(world);
    const config = parse(readFileSync(world.config, 'utf8')) as {
      books: { users: { id: string; hardcover: { token: string } }[] };
    };
    const bob = config.books.users.find((user) => user.id === 'bob');
    if (!bob) throw new Error('no bob');
    bob.hardcover.token = 'hc_pat_revoked';
    writeFileSync(world.config, stringify(config), { mode: 0o600 });
    const run = await runShelfsync(world, ['sync']);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const bobLines = lines.filter((line) => line.startsWith('books bob:'));
    expect(bobLines).toHaveLength(1);
    expect(bobLines[0]).toMatch(/token/i);
    expect(lines.find((line) => line.startsWith('books alice:'))).toMatch(/\d+ synced/);
    expect(run.stdout + run.stderr).not.toContain('hc_pat_revoked');
  });
});
