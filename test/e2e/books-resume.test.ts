import { afterAll, describe, expect, it } from 'vitest';
import {
  type BooksWorld,
  comparableShelf,
  shelfOf,
  startBooksWorld,
  startSync,
  stats,
  syncJson,
  waitFor,
} from './books-harness.ts';

/** Killed during apply and run again: the same end state as an uninterrupted run, no duplicate reads. */

const worlds: BooksWorld[] = [];
afterAll(() => Promise.all(worlds.map((world) => world.sandbox.stop())));

describe('books sync killed part-way', { timeout: 180_000 }, () => {
  it('ends, after a re-run, exactly where an uninterrupted run ends', async () => {
    const whole = await startBooksWorld({ seed: 11, books: 120 });
    const broken = await startBooksWorld({ seed: 11, books: 120 });
    worlds.push(whole, broken);
    expect((await syncJson(whole)).code).toBe(0);

    const { child, exited } = startSync(broken);
    await waitFor(async () => (await stats(broken.hcOrigin)).writes >= 25);
    child.kill('SIGKILL');
    await exited;
    const partial = await stats(broken.hcOrigin);
    // Killed part-way through the writes, not before or after them.
    expect(partial.writes).toBeLessThan((await stats(whole.hcOrigin)).writes);

    const rerun = await syncJson(broken);
    expect(rerun.code).toBe(0);
    for (const person of ['alice', 'bob']) {
      expect(comparableShelf(await shelfOf(broken, person))).toEqual(
        comparableShelf(await shelfOf(whole, person)),
      );
    }
    expect((await stats(broken.hcOrigin)).duplicateOpenReads).toBe(0);
  });
});

describe('books sync under the other Hardcover behaviours', { timeout: 180_000 }, () => {
  it('leaves one open read with its progress when Currently Reading opens no read and updates merge', async () => {
    const world = await startBooksWorld({
      seed: 7,
      books: 120,
      hardcoverStatusOpensRead: false,
      hardcoverReadUpdate: 'merge',
    });
    worlds.push(world);
    const run = await syncJson(world);
    expect(run.code).toBe(0);
    expect((await stats(world.hcOrigin)).duplicateOpenReads).toBe(0);
    let reading = 0;
    for (const person of ['alice', 'bob']) {
      for (const ub of await shelfOf(world, person)) {
        if (ub.status_id !== 2) continue;
        const open = ub.user_book_reads.filter((r) => r.finished_at === null);
        expect(open).toHaveLength(1);
        if ((open[0]?.progress_seconds ?? open[0]?.progress_pages ?? null) !== null) reading += 1;
      }
    }
    expect(reading).toBeGreaterThan(10);
  });
});
