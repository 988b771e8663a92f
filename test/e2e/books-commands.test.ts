import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booksUserReportSchema } from '../../src/sync/books/user-report.ts';
import { type BooksWorld, runShelfsync, startBooksWorld, syncJson } from './books-harness.ts';

/** `books unmatched`, `books match` and `books forget` on a small world after one sync. */

let world: BooksWorld;

beforeAll(async () => {
  world = await startBooksWorld({ seed: 3, books: 60 });
  const run = await syncJson(world);
  expect(run.code).toBe(0);
}, 60_000);

afterAll(() => world?.sandbox.stop());

interface Unmatched {
  item: string;
  title: string;
  reason: string;
  users: string[];
}

async function unmatched(): Promise<Unmatched[]> {
  const run = await runShelfsync(world, ['books', 'unmatched', '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Unmatched[];
}

describe('books commands', { timeout: 90_000 }, () => {
  it('lists the items with no Hardcover match, with the reason and the users', async () => {
    const list = await unmatched();
    expect(list.length).toBeGreaterThan(0);
    const truth = world.sandbox.worlds.books.matchTruth ?? {};
    for (const entry of list) {
      expect(entry.reason).toMatch(/ISBN|search/);
      expect(entry.users.length).toBeGreaterThan(0);
      // Every miss in this world is a book Hardcover does not have.
      expect(truth[entry.item]).toBeNull();
    }
  });

  it('pins an item to a Hardcover book, which the next sync uses instead of reporting it missing', async () => {
    const [first] = await unmatched();
    if (!first) throw new Error('nothing unmatched');
    const someBook = world.sandbox.worlds.books.hardcover.books[0];
    if (!someBook) throw new Error('no book');
    const pin = await runShelfsync(world, ['books', 'match', first.item, `book:${someBook.id}`, '--json']);
    expect(pin.stderr).toBe('');
    expect(pin.code).toBe(0);
    expect(JSON.parse(pin.stdout)).toMatchObject({ item: first.item, bookId: someBook.id });
    expect((await unmatched()).map((entry) => entry.item)).not.toContain(first.item);

    const run = await syncJson(world, '--user', first.users[0] ?? 'alice');
    const user = booksUserReportSchema.parse(run.report?.bridges.books?.users[first.users[0] ?? 'alice']);
    expect(user.attention.map((entry) => entry.item)).not.toContain(first.item);
    expect(user.hardcover.searches).toBe(0);
  });

  it('refuses an id Hardcover does not have, and a malformed one, with one line', async () => {
    const missing = await runShelfsync(world, ['books', 'match', 'some-item', 'edition:1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no edition with id 1');
    const bad = await runShelfsync(world, ['books', 'match', 'some-item', 'isbn:12']);
    expect(bad.code).toBe(2);
  });

  it('forgets an item, so the next sync matches it again', async () => {
    const [first] = await unmatched();
    if (!first) throw new Error('nothing unmatched');
    const forget = await runShelfsync(world, ['books', 'forget', first.item, '--json']);
    expect(JSON.parse(forget.stdout)).toEqual({ item: first.item, forgotten: true });
    expect((await unmatched()).map((entry) => entry.item)).not.toContain(first.item);
    const again = await runShelfsync(world, ['books', 'forget', first.item, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ item: first.item, forgotten: false });
    const run = await syncJson(world, '--user', first.users[0] ?? 'alice');
    const user = booksUserReportSchema.parse(run.report?.bridges.books?.users[first.users[0] ?? 'alice']);
    expect(user.hardcover.searches).toBeGreaterThanOrEqual(1);
    expect((await unmatched()).map((entry) => entry.item)).toContain(first.item);
  });
});
