import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbsMediaProgress } from '../../sandbox/books/world.ts';
import { booksUserReportSchema } from '../../src/sync/books/user-report.ts';
import {
  type BooksWorld,
  type CliRun,
  resetStats,
  runShelfsync,
  startBooksWorld,
  stats,
  syncJson,
} from './books-harness.ts';

/**
 * Two of a person's Audiobookshelf items resolve to one Hardcover book (here by a pin; in large
 * libraries by a shelf match): the item read last speaks for the book, and the other is remembered
 * as skipped even when it comes first, so a warm run neither reports it nor writes its older progress.
 */
let world: BooksWorld;
let older: AbsMediaProgress;
let newer: AbsMediaProgress;
let cold: CliRun;

const report = (run: CliRun) => booksUserReportSchema.parse(run.report?.bridges.books?.users.alice);
const settled = (run: CliRun) => Object.values(report(run).outcomes).reduce((sum, n) => sum + n, 0);

beforeAll(async () => {
  world = await startBooksWorld({ seed: 3, books: 40 });
  const books = world.sandbox.worlds.books;
  const person = books.people.find((p) => p.id === 'alice');
  const rows = books.audiobookshelf.users.find((u) => u.id === person?.absUserId)?.progress ?? [];
  const truth = books.matchTruth ?? {};
  // In /api/me order: an item read longer ago that comes before one read more recently, both synced.
  const eligible = rows.filter(
    (row) => !row.episodeId && !row.isFinished && row.progress >= 0.1 && truth[row.libraryItemId],
  );
  const pair = eligible.flatMap((first, i) =>
    eligible
      .slice(i + 1)
      .filter((second) => second.lastUpdate > first.lastUpdate)
      .map((second) => [first, second] as const),
  )[0];
  if (!pair) throw new Error('seed 3 has no pair of items to pin together');
  [older, newer] = pair;
  const bookId = truth[newer.libraryItemId];
  const pin = await runShelfsync(world, ['books', 'match', older.libraryItemId, `book:${bookId}`, '--json']);
  expect(pin.code).toBe(0);
  cold = await syncJson(world, '--user', 'alice');
}, 120_000);

afterAll(async () => {
  await world?.sandbox.stop();
});

describe('two items, one Hardcover book', () => {
  it('cold: remembers the older item as skipped for the newer one, which is synced', () => {
    expect(report(cold).outcomes.failed).toBe(0);
    const db = new BetterSqlite3(world.dbPath, { readonly: true });
    try {
      const outcome = db.prepare(
        "SELECT outcome, reason FROM book_sync_state WHERE user_id = 'alice' AND abs_item_id = ?",
      );
      expect(outcome.get(newer.libraryItemId)).toMatchObject({
        outcome: expect.stringMatching(/^(synced|already_current)$/),
      });
      expect(outcome.get(older.libraryItemId)).toMatchObject({
        outcome: 'skipped',
        reason: expect.stringContaining('is the same Hardcover book'),
      });
    } finally {
      db.close();
    }
  });

  it('warm: every item as it was, no Hardcover unit spent, nothing written', async () => {
    await resetStats(world);
    const warm = await syncJson(world, '--user', 'alice');
    const hc = await stats(world.hcOrigin);
    expect(hc.units).toBe(0);
    expect(report(warm).outcomes.synced).toBe(0);
    expect(settled(warm)).toBe(settled(cold));
  });
});
