import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BooksWorld, type ShelfBook, shelfOf, startBooksWorld } from '../e2e/books-harness.ts';
import {
  afterRequests,
  integrityCheck,
  resetStandInStats,
  soak,
  spawnCli,
  spreadKillPoints,
  standInRequests,
  tableSnapshot,
} from '../helpers/crash-harness.ts';

/**
 * SIGKILL `shelfsync sync --only books` after the Nth request to Audiobookshelf and Hardcover
 * together, for N spread over a whole run, then run it again: Hardcover must end as after a run never
 * interrupted (same books, statuses, editions, reads and progress; no duplicate open reads), and so
 * must the books tables. Each kill point gets a fresh sandbox, since the sync writes to Hardcover.
 */
const SEED = 41;
const BOOKS = soak ? 120 : 40;
const KILL_POINTS = soak ? 20 : 3;
const BOOKS_TABLES = ['book_items', 'book_matches', 'book_sync_state'] as const;

interface EndState {
  shelves: Record<string, unknown[]>;
  tables: Record<string, string[]>;
  duplicateOpenReads: number;
}

let reference: EndState;
let referenceRequests = 0;
const killsRun: { n: number; killed: boolean }[] = [];

async function freshWorld(): Promise<BooksWorld> {
  return startBooksWorld({ seed: SEED, books: BOOKS, rateScale: 1000 });
}

function sync(world: BooksWorld, killWhen?: () => Promise<boolean>) {
  return spawnCli(['sync', '--config', world.config, '--only', 'books', '--json'], {
    env: { HOME: world.sandbox.info.dir },
    ...(killWhen ? { killWhen } : {}),
    deadlineMs: 240_000,
  });
}

/** Columns that say when a row was written, or what the last run did, which differ from run to run. */
function timeColumns(path: string): Record<string, string[]> {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const ignore: Record<string, string[]> = {};
    for (const table of BOOKS_TABLES) {
      const columns = sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[];
      ignore[table] = columns.map((column) => column.name).filter((name) => /_at$|_ms$/.test(name));
    }
    // The last run's verdict per book: a write that landed before the kill reads "already current"
    // on the re-run instead of "synced". What Hardcover holds is compared in full instead.
    ignore.book_sync_state = [...(ignore.book_sync_state ?? []), 'outcome'];
    // How a match was found: a book the killed run already put on the shelf is found there on the
    // re-run ("shelf") rather than by ASIN, ISBN or title. The book and edition matched must not differ.
    ignore.book_matches = [...(ignore.book_matches ?? []), 'source'];
    return ignore;
  } finally {
    sqlite.close();
  }
}

/** A shelf without Hardcover's row ids (a re-run may create rows in another order). */
function comparable(shelf: ShelfBook[]): unknown[] {
  return shelf
    .map((book) => ({
      book_id: book.book_id,
      status_id: book.status_id,
      edition_id: book.edition_id,
      reads: book.user_book_reads.map(({ id: _id, ...read }) => read),
    }))
    .sort((a, b) => a.book_id - b.book_id);
}

async function endState(world: BooksWorld): Promise<EndState> {
  const shelves: Record<string, unknown[]> = {};
  for (const person of world.sandbox.worlds.books.people) {
    shelves[person.id] = comparable(await shelfOf(world, person.id));
  }
  const hardcover = world.sandbox.standIns.hardcover.stats() as { duplicateOpenReads?: number };
  return {
    shelves,
    tables: tableSnapshot(world.dbPath, BOOKS_TABLES, timeColumns(world.dbPath)),
    duplicateOpenReads: hardcover.duplicateOpenReads ?? 0,
  };
}

async function resetStats(world: BooksWorld): Promise<void> {
  await resetStandInStats(world.absOrigin);
  await resetStandInStats(world.hcOrigin);
}

beforeAll(async () => {
  const world = await freshWorld();
  try {
    await resetStats(world);
    const run = await sync(world);
    expect(run.code, run.stderr).toBe(0);
    referenceRequests = (await standInRequests(world.absOrigin)) + (await standInRequests(world.hcOrigin));
    reference = await endState(world);
  } finally {
    await world.sandbox.stop();
  }
}, 300_000);

afterAll(() => {
  process.stdout.write(
    `books kill points (request n, killed): ${JSON.stringify(killsRun)} of ${referenceRequests}\n`,
  );
});

describe(`books sync killed at ${KILL_POINTS} points, then re-run`, () => {
  it('the uninterrupted run wrote to Hardcover and left no duplicate open read', () => {
    expect(reference.duplicateOpenReads).toBe(0);
    expect(referenceRequests).toBeGreaterThanOrEqual(KILL_POINTS);
    const reads = Object.values(reference.shelves).flat().length;
    expect(reads).toBeGreaterThan(0);
  });

  it.each(Array.from({ length: KILL_POINTS }, (_, index) => index))(
    'kill point %i: killed after the Nth request, the re-run ends where an uninterrupted run does',
    async (index) => {
      const n = spreadKillPoints(referenceRequests, KILL_POINTS + 1)[index + 1] ?? 1;
      const world = await freshWorld();
      try {
        await resetStats(world);
        const killed = await sync(world, afterRequests([world.absOrigin, world.hcOrigin], n));
        killsRun.push({ n, killed: killed.signal === 'SIGKILL' });
        if (killed.signal === 'SIGKILL') expect(integrityCheck(world.dbPath)).toBe('ok');

        const rerun = await sync(world);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(integrityCheck(world.dbPath)).toBe('ok');
        const state = await endState(world);
        expect(state.duplicateOpenReads).toBe(0);
        expect(state.shelves).toEqual(reference.shelves);
        expect(state.tables).toEqual(reference.tables);
      } finally {
        await world.sandbox.stop();
      }
    },
    300_000,
  );
});
