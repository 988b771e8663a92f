import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbsMediaProgress, HcUserBook, HcUserBookRead } from '../../sandbox/books/world.ts';
import { calendarDate } from '../../src/sync/books/plan.ts';
import { booksUserReportSchema } from '../../src/sync/books/user-report.ts';
import {
  type BooksWorld,
  type CliRun,
  fileHash,
  resetStats,
  type ShelfBook,
  type StandInStats,
  setAbsProgress,
  shelfOf,
  startBooksWorld,
  stats,
  syncJson,
} from './books-harness.ts';

/**
 * The books bridge against `sandbox --seed 7 --books 300`, two users, auto-add on: one cold sync
 * shared by the end-state and budget checks, then the warm re-runs.
 */

interface Person {
  id: string;
  rows: AbsMediaProgress[];
  userBooks: HcUserBook[];
  reads: HcUserBookRead[];
}

let world: BooksWorld;
let people: Person[];
let cold: CliRun;
let coldStats: StandInStats;
const after = new Map<string, ShelfBook[]>();

const byBook = (person: Person, bookId: number) => person.userBooks.find((ub) => ub.bookId === bookId);
const readsOf = (person: Person, userBookId: number) =>
  person.reads.filter((r) => r.userBookId === userBookId);
const userReport = (run: CliRun, personId: string) =>
  booksUserReportSchema.parse(run.report?.bridges.books?.users[personId]);
const attentionOf = (personId: string) => userReport(cold, personId).attention;
const shelfEntry = (personId: string, bookId: number) =>
  after.get(personId)?.find((ub) => ub.book_id === bookId);

beforeAll(async () => {
  world = await startBooksWorld({ seed: 7, books: 300 });
  const books = world.sandbox.worlds.books;
  people = books.people.map((person) => ({
    id: person.id,
    rows: structuredClone(books.audiobookshelf.users.find((u) => u.id === person.absUserId)?.progress ?? []),
    userBooks: structuredClone(
      books.hardcover.userBooks.filter((ub) => ub.userId === person.hardcoverUserId),
    ),
    reads: structuredClone(books.hardcover.reads),
  }));
  cold = await syncJson(world);
  coldStats = await stats(world.hcOrigin);
  for (const person of people) after.set(person.id, await shelfOf(world, person.id));
}, 120_000);

afterAll(() => world?.sandbox.stop());

/** The ABS rows of books (no podcast episodes) whose book Hardcover knows, with that book's id. */
function bookRows(person: Person) {
  const truth = world.sandbox.worlds.books.matchTruth ?? {};
  return person.rows
    .filter((row) => row.episodeId === null)
    .map((row) => ({ row, bookId: truth[row.libraryItemId] ?? null }));
}

describe('cold sync', () => {
  it('finishes cleanly with an outcome for every book', () => {
    expect(cold.stderr).toBe('');
    expect(cold.code).toBe(0);
    for (const person of people) {
      const user = cold.report?.bridges.books?.users[person.id];
      const total = Object.values(user?.outcomes ?? {}).reduce((a, b) => a + b, 0);
      expect(total).toBe(bookRows(person).length);
      expect(user?.outcomes.failed).toBe(0);
      expect(user?.outcomes.synced).toBeGreaterThan(30);
    }
  });

  it('never switches an edition the user chose, and leaves did-not-finish and paused books untouched', () => {
    let checked = 0;
    for (const person of people) {
      for (const ub of person.userBooks) {
        const now = shelfEntry(person.id, ub.bookId);
        if (ub.editionId !== null) expect(now?.edition_id).toBe(ub.editionId);
        if (ub.statusId === 4 || ub.statusId === 5) {
          checked += 1;
          expect(now?.status_id).toBe(ub.statusId);
          expect(
            now?.user_book_reads.map((r) => [
              r.id,
              r.started_at,
              r.finished_at,
              r.progress_seconds,
              r.progress_pages,
            ]),
          ).toEqual(
            readsOf(person, ub.id).map((r) => [
              r.id,
              r.startedAt,
              r.finishedAt,
              r.progressSeconds,
              r.progressPages,
            ]),
          );
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('opens a second read for a finished book restarted in ABS, and for a re-read', () => {
    let restarts = 0;
    for (const person of people) {
      for (const { row, bookId } of bookRows(person)) {
        const before = bookId === null ? undefined : byBook(person, bookId);
        if (before?.statusId !== 3 || row.isFinished) continue;
        const reads = readsOf(person, before.id);
        if (reads.length !== 1) continue;
        const restarted = row.progress >= 0.99;
        const fraction = row.duration > 0 ? row.currentTime / row.duration : 0;
        if (!restarted && fraction < 0.05) continue;
        const now = shelfEntry(person.id, before.bookId);
        expect(now?.status_id).toBe(2);
        expect(now?.user_book_reads).toHaveLength(2);
        expect(now?.user_book_reads[0]?.finished_at).toBe(reads[0]?.finishedAt);
        expect(now?.user_book_reads[1]?.finished_at).toBeNull();
        if (restarted) restarts += 1;
      }
    }
    expect(restarts).toBeGreaterThanOrEqual(2);
  });

  it("finishes with ABS finishedAt as the date and keeps Hardcover's start date", () => {
    let finished = 0;
    let kept = 0;
    for (const person of people) {
      for (const { row, bookId } of bookRows(person)) {
        const before = bookId === null ? undefined : byBook(person, bookId);
        if (before?.statusId !== 2) continue;
        const open = readsOf(person, before.id).find((r) => r.finishedAt === null);
        const now = shelfEntry(person.id, before.bookId);
        const same = now?.user_book_reads.find((r) => r.id === open?.id);
        if (open?.startedAt && same) {
          expect(same.started_at).toBe(open.startedAt);
          kept += 1;
        }
        if (row.isFinished && row.finishedAt !== null && open) {
          expect(now?.status_id).toBe(3);
          expect(same?.finished_at).toBe(calendarDate(row.finishedAt, 'UTC'));
          finished += 1;
        }
      }
    }
    expect(finished).toBeGreaterThanOrEqual(2);
    expect(kept).toBeGreaterThanOrEqual(10);
  });

  it('turns Want to Read with progress into Currently Reading, with one open read', () => {
    let moved = 0;
    for (const person of people) {
      for (const { row, bookId } of bookRows(person)) {
        const before = bookId === null ? undefined : byBook(person, bookId);
        const fraction = row.duration > 0 ? row.currentTime / row.duration : (row.ebookProgress ?? 0);
        if (before?.statusId !== 1 || row.isFinished || fraction < 0.05) continue;
        // Books whose editions hold no length go to review instead (checked in the plan's unit tests).
        if (attentionOf(person.id).some((entry) => entry.item === row.libraryItemId)) continue;
        const now = shelfEntry(person.id, before.bookId);
        expect(now?.status_id).toBe(2);
        expect(now?.user_book_reads.filter((r) => r.finished_at === null)).toHaveLength(1);
        moved += 1;
      }
    }
    expect(moved).toBeGreaterThanOrEqual(2);
  });

  it('leaves no duplicate open reads and writes audio editions in seconds', () => {
    expect(coldStats.duplicateOpenReads).toBe(0);
    for (const person of people) {
      for (const ub of after.get(person.id) ?? []) {
        expect(ub.user_book_reads.filter((r) => r.finished_at === null).length).toBeLessThanOrEqual(1);
        for (const read of ub.user_book_reads) {
          if (read.finished_at === null && read.edition?.reading_format_id === 2) {
            expect(read.progress_pages).toBeNull();
            expect(read.progress_seconds).not.toBeNull();
          }
        }
      }
    }
  });

  it('stays within the Hardcover budgets', () => {
    let synced = 0;
    let searchable = 0;
    for (const person of people) {
      const user = userReport(cold, person.id);
      const m = bookRows(person).length;
      expect(user.hardcover.reads).toBeLessThanOrEqual(3 * Math.ceil(m / 50) + 3);
      synced += user.outcomes.synced;
      searchable += user.hardcover.searches;
    }
    const requests = cold.report?.requests.hardcover;
    // Our own counts agree with what the stand-in saw.
    expect([requests?.reads, requests?.searches, requests?.writes]).toEqual([
      coldStats.reads,
      coldStats.searches,
      coldStats.writes,
    ]);
    expect(coldStats.searches).toBe(searchable);
    expect(coldStats.writes).toBeLessThanOrEqual(3 * synced);
    expect(coldStats.units / synced).toBeLessThanOrEqual(2.5);
    expect(coldStats.status['429'] ?? 0).toBe(0);
  });
});

describe('warm runs', () => {
  it('re-runs at once for 0 Hardcover units and at most 2 ABS requests per user', async () => {
    await resetStats(world);
    const run = await syncJson(world);
    expect(run.code).toBe(0);
    expect((await stats(world.hcOrigin)).units).toBe(0);
    expect((await stats(world.absOrigin)).requests).toBeLessThanOrEqual(2 * people.length);
    const alice = run.report?.bridges.books?.users.alice;
    expect(alice?.outcomes.synced).toBe(0);
    expect(alice?.outcomes.already_current).toBeGreaterThan(30);
  });

  it('writes 10 moved books for at most 10 writes and 2 reads per user', async () => {
    const alice = people.find((p) => p.id === 'alice') as Person;
    const moved = (after.get('alice') ?? [])
      .filter((ub) => ub.status_id === 2)
      .flatMap((ub) => {
        const row = bookRows(alice).find(({ bookId }) => bookId === ub.book_id)?.row;
        return row && !row.isFinished && row.duration > 0 && row.currentTime / row.duration < 0.8
          ? [row]
          : [];
      })
      .slice(0, 10);
    expect(moved).toHaveLength(10);
    for (const row of moved) {
      await setAbsProgress(world, 'alice', row.libraryItemId, {
        currentTime: row.currentTime + row.duration * 0.1,
        duration: row.duration,
      });
    }
    await resetStats(world);
    const run = await syncJson(world);
    expect(run.code).toBe(0);
    const hc = await stats(world.hcOrigin);
    expect(hc.writes).toBeLessThanOrEqual(10);
    expect(hc.reads).toBeLessThanOrEqual(2 * people.length);
    expect(run.report?.bridges.books?.users.alice?.outcomes.synced).toBe(10);
  });

  it('dry-runs a change with no Hardcover write and the database file unchanged', async () => {
    const alice = people.find((p) => p.id === 'alice') as Person;
    const row = bookRows(alice).find(
      ({ row }) => !row.isFinished && row.duration > 0 && row.currentTime / row.duration < 0.5,
    )?.row;
    if (!row) throw new Error('no row to move');
    await setAbsProgress(world, 'alice', row.libraryItemId, {
      currentTime: row.duration * 0.7,
      duration: row.duration,
    });
    const before = fileHash(world.dbPath);
    await resetStats(world);
    const run = await syncJson(world, '--dry-run');
    expect(run.code).toBe(0);
    expect((await stats(world.hcOrigin)).writes).toBe(0);
    expect(fileHash(world.dbPath)).toBe(before);
    expect(run.report?.bridges.books?.users.alice?.outcomes.would_sync).toBeGreaterThanOrEqual(1);
  });
});
