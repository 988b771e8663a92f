import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booksUserReportSchema } from '../../src/sync/books/user-report.ts';
import { type BooksWorld, type CliRun, startBooksWorld, stats, syncJson } from './books-harness.ts';

/** A daily Hardcover quota smaller than the cold sync needs: stop cleanly, finish the next day. */

let world: BooksWorld;
let first: CliRun;

const users = (run: CliRun) =>
  Object.fromEntries(
    Object.entries(run.report?.bridges.books?.users ?? {}).map(([id, part]) => [
      id,
      booksUserReportSchema.parse(part),
    ]),
  );

async function newDay(): Promise<void> {
  await fetch(`${world.hcOrigin}/__sandbox/reset-quota`, { method: 'POST' });
}

beforeAll(async () => {
  world = await startBooksWorld({ seed: 7, books: 120, hardcoverDailyQuota: 40 });
  first = await syncJson(world);
}, 120_000);

afterAll(() => world?.sandbox.stop());

describe('books sync under a small daily quota', { timeout: 120_000 }, () => {
  it('stops before Hardcover answers 429, reports the books that wait, and exits 1', async () => {
    expect(first.code).toBe(1);
    const hc = await stats(world.hcOrigin);
    expect(hc.status['429'] ?? 0).toBe(0);
    for (const user of Object.values(users(first))) {
      expect(user.waiting).toBeGreaterThan(0);
      expect(user.error).toContain('quota');
      expect(user.outcomes.failed).toBe(0);
    }
  });

  it('writes the waiting books first the next day, and none of the books already written', async () => {
    await newDay();
    const preview = await syncJson(world, '--dry-run');
    const waiting = Object.fromEntries(Object.entries(users(first)).map(([id, u]) => [id, u.waiting]));
    for (const [id, user] of Object.entries(users(preview))) {
      // Only the waiting books are still to write: nothing written yesterday is planned again.
      expect(user.outcomes.would_sync).toBeLessThanOrEqual(waiting[id] ?? 0);
      expect(user.outcomes.would_sync).toBeGreaterThan(0);
    }
    await newDay();
    const second = await syncJson(world);
    expect(second.code).toBe(0);
    for (const [id, user] of Object.entries(users(second))) {
      expect(user.waiting).toBe(0);
      expect(user.outcomes.synced).toBe(users(preview)[id]?.outcomes.would_sync);
    }
    const hc = await stats(world.hcOrigin);
    expect(hc.duplicateOpenReads).toBe(0);
    expect(hc.status['429'] ?? 0).toBe(0);
  });
});
