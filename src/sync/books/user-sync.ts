import type { BooksConfig, BookUserConfig } from '../../core/config/index.ts';
import { findShelfsyncError } from '../../core/errors.ts';
import { createAudiobookshelfClient } from '../../upstream/audiobookshelf/client.ts';
import { createHardcoverClient } from '../../upstream/hardcover/client.ts';
import type { ShelfEntry } from '../../upstream/hardcover/library.ts';
import type { HcUserBook } from '../../upstream/hardcover/shapes.ts';
import { type BridgeContext, runPhase } from '../bridge.ts';
import { applyJobs, type JobResult, waitingReason } from './apply.ts';
import { type CollectedBook, collectProgress } from './collect.ts';
import { HardcoverSession } from './hardcover-session.ts';
import { itemIdentifiers } from './identifiers.ts';
import type { ItemToMatch } from './match.ts';
import { matchItems, type Resolved } from './match-run.ts';
import { loadItems, loadMatches, loadStates, type MatchRecord, recordOutcome, saveItems } from './memory.ts';
import { OutcomeTally, stateRow } from './outcomes.ts';
import { planBook } from './plan.ts';
import type { BookPlan, PlanSettings } from './plan-types.ts';

/** One user's run: collect → match → plan → apply, with the local memory kept in step. */

export interface UserSyncResult {
  tally: OutcomeTally;
  units: HardcoverSession['units'];
  error?: string;
}

const DAY_MS = 86_400_000;

export function planSettings(books: BooksConfig, timeZone: string): PlanSettings {
  return {
    minProgress: books.min_progress,
    autoAdd: books.auto_add,
    autoAddMinProgress: books.auto_add_min_progress ?? books.min_progress,
    maxDrop: books.max_drop,
    onDrop: books.on_drop,
    updatePaused: books.update_paused,
    updateDidNotFinish: books.update_did_not_finish,
    timeZone,
  };
}

function toMatchable(book: CollectedBook): ItemToMatch {
  return {
    itemId: book.item.id,
    title: book.item.title,
    subtitle: book.item.subtitle,
    authors: book.item.authors,
    identifiers: itemIdentifiers(book.item.isbn, book.item.asin),
    format: book.progress.format,
  };
}

interface Matched {
  book: CollectedBook;
  match: Extract<Resolved, { kind: 'match' }>;
}

export async function syncUser(context: BridgeContext, user: BookUserConfig): Promise<UserSyncResult> {
  const books = context.config.books as BooksConfig;
  const { database, options, clock } = context;
  const db = database.db;
  const dry = options.dryRun;
  const settings = planSettings(books, context.config.timezone);
  const abs = context.clients.track(createAudiobookshelfClient(user.audiobookshelf, clock), user.id);
  const hardcover = createHardcoverClient(
    {
      url: user.hardcover.url,
      token: user.hardcover.token,
      perMinute: books.hardcover.per_minute,
      burst: books.hardcover.burst,
    },
    clock,
  );
  context.clients.track(hardcover.http, user.id);
  const session = new HardcoverSession(hardcover, context.clients, context.signal);
  const tally = new OutcomeTally();
  const now = clock.now();

  const states = await loadStates(db, user.id);
  const collected = await runPhase(
    context,
    'books',
    'collect',
    async (progress) => {
      const found = await collectProgress({
        abs,
        user,
        known: (ids) => loadItems(db, ids),
        lastFingerprints: new Map([...states].map(([id, state]) => [id, state.fingerprint])),
        force: options.force,
      });
      if (!dry && found.fetched.length > 0) {
        await database.transaction((trx) => saveItems(trx, found.fetched, now));
      }
      progress.tick(found.books.length);
      return found;
    },
    { label: user.id },
  );

  const stored = await loadMatches(
    db,
    collected.books.map((b) => b.item.id),
  );
  const remember: ReturnType<typeof stateRow>[] = [];
  const candidates: CollectedBook[] = [];
  for (const book of collected.books) {
    const state = states.get(book.item.id);
    const miss = stored.get(book.item.id);
    const missExpired = miss?.kind === 'miss' && (miss.expiresAt ?? 0) <= now;
    const unchanged =
      state &&
      !options.force &&
      !state.waiting &&
      state.fingerprint === book.fingerprint &&
      state.outcome !== 'failed';
    if (unchanged && !(state.outcome === 'not_found' && missExpired)) {
      tally.carry(state);
    } else if (
      !book.progress.finished &&
      !book.progress.restarted &&
      book.progress.fraction * 100 < settings.minProgress
    ) {
      const reason = `below the ${settings.minProgress}% minimum progress`;
      tally.add(book.item.id, book.item.title, 'skipped', reason);
      remember.push(stateRow(book.item.id, book.item.title, book.fingerprint, 'skipped', reason));
    } else {
      candidates.push(book);
    }
  }
  // Books left waiting by the quota last time go first.
  candidates.sort(
    (a, b) =>
      Number(states.get(b.item.id)?.waiting ?? false) - Number(states.get(a.item.id)?.waiting ?? false),
  );

  const titles = new Map(collected.books.map((b) => [b.item.id, b.item.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const result: UserSyncResult = { tally, units: session.units };
  try {
    let shelf: ShelfEntry[] | undefined;
    const loadShelf = async () => {
      shelf ??= await session.shelf();
      return shelf;
    };
    const { resolved, records } = await runPhase(
      context,
      'books',
      'match',
      async (progress) => {
        const found = await matchItems({
          items: candidates.map(toMatchable),
          stored,
          session,
          order: books.match_order,
          threshold: books.title_match_threshold,
          missTtlMs: books.miss_ttl_days * DAY_MS,
          now,
          shelf: loadShelf,
        });
        progress.tick(candidates.length);
        return found;
      },
      { label: user.id, total: candidates.length },
    );
    const matchRecord = (id: string): MatchRecord[] => {
      const record = records.get(id);
      return record ? [record] : [];
    };

    const matched: Matched[] = [];
    const byBook = new Map<number, Matched>();
    for (const book of candidates) {
      const match = resolved.get(book.item.id);
      if (!match || match.kind === 'miss') {
        const reason = match?.reason ?? 'not matched';
        tally.add(book.item.id, book.item.title, 'not_found', reason);
        remember.push(stateRow(book.item.id, book.item.title, book.fingerprint, 'not_found', reason));
        continue;
      }
      // The item read most recently speaks for the book. The other is remembered as skipped whichever
      // came first: forgotten, the next run would take it for new and write its older progress.
      const other = byBook.get(match.bookId);
      if (other) {
        const otherWins = (other.book.row.lastUpdate ?? 0) >= (book.row.lastUpdate ?? 0);
        const [kept, dropped] = otherWins ? [other.book, book] : [book, other.book];
        const reason = `another Audiobookshelf item (${kept.item.title}) is the same Hardcover book`;
        tally.add(dropped.item.id, dropped.item.title, 'skipped', reason);
        remember.push(stateRow(dropped.item.id, dropped.item.title, dropped.fingerprint, 'skipped', reason));
        if (otherWins) continue;
      }
      byBook.set(match.bookId, { book, match });
    }
    matched.push(...byBook.values());

    const fromShelf = shelf !== undefined;
    const current = new Map<number, HcUserBook>();
    const planOf = (m: Matched): BookPlan =>
      planBook(
        {
          progress: m.book.progress,
          bookId: m.match.bookId,
          edition: m.match.edition,
          userBook: current.get(m.match.bookId) ?? null,
        },
        settings,
      );
    const plans = await runPhase(
      context,
      'books',
      'plan',
      async (progress) => {
        if (shelf) for (const entry of shelf) current.set(entry.userBook.book_id, entry.userBook);
        else
          for (const ub of await session.userBooks(matched.map((m) => m.match.bookId)))
            current.set(ub.book_id, ub);
        const first = matched.map((m) => ({ m, plan: planOf(m) }));
        const toWrite = first.filter((p) => p.plan.outcome === 'write');
        progress.tick(matched.length);
        if (!fromShelf || toWrite.length === 0 || dry) return first;
        // The shelf may be minutes old: re-read exactly the books about to be written, and plan again.
        const ids = toWrite.map((p) => p.m.match.bookId);
        for (const id of ids) current.delete(id);
        for (const ub of await session.userBooks(ids)) current.set(ub.book_id, ub);
        return first.map((p) => (p.plan.outcome === 'write' ? { m: p.m, plan: planOf(p.m) } : p));
      },
      { label: user.id, total: matched.length },
    );

    const jobs = [];
    for (const { m, plan } of plans) {
      const { item } = m.book;
      if (plan.outcome === 'write') {
        if (dry) {
          tally.add(item.id, item.title, 'would_sync');
          tally.plan.push({ item: item.id, title: item.title, action: plan.summary });
        } else {
          jobs.push({ key: item.id, steps: plan.steps });
        }
        continue;
      }
      const outcome = plan.outcome;
      tally.add(item.id, item.title, outcome, plan.reason);
      remember.push(stateRow(item.id, item.title, m.book.fingerprint, outcome, plan.reason ?? null));
    }
    if (!dry) {
      await recordOutcome(
        database,
        user.id,
        remember.flatMap((s) => matchRecord(s.itemId)),
        remember,
        clock.now(),
      );
      remember.length = 0;
    }
    const fingerprintOf = new Map(matched.map((m) => [m.book.item.id, m.book.fingerprint]));
    const progressBar = context.progress.phase('books', 'apply', jobs.length, user.id);
    await applyJobs(session, jobs, async (settled: JobResult[]) => {
      progressBar.tick(settled.length);
      const rows = settled.map((r) => {
        const fingerprint = fingerprintOf.get(r.key) ?? null;
        if (r.status === 'done') {
          tally.add(r.key, title(r.key), 'synced');
          return stateRow(r.key, title(r.key), fingerprint, 'synced');
        }
        if (r.status === 'failed') {
          tally.add(r.key, title(r.key), 'failed', r.error);
          return stateRow(r.key, title(r.key), null, 'failed', r.error);
        }
        tally.wait(r.key, title(r.key), r.reason);
        return stateRow(r.key, title(r.key), null, 'skipped', r.reason, true);
      });
      await recordOutcome(
        database,
        user.id,
        settled.flatMap((r) => (r.status === 'done' ? matchRecord(r.key) : [])),
        rows,
        clock.now(),
      );
    });
    progressBar.done();
    if (tally.waiting > 0) {
      result.error = context.signal.aborted
        ? `${tally.waiting} books were not written before the run was interrupted; the next run writes them first.`
        : `${tally.waiting} books wait for Hardcover's daily quota; the next run writes them first.`;
    }
  } catch (error) {
    const known = findShelfsyncError(error);
    if (known?.code !== 'quota_exhausted' && known?.code !== 'interrupted') throw error;
    // Stopped before any write: every candidate not yet settled waits for the next run.
    const waiting = candidates.filter((b) => !tally.has(b.item.id));
    const reason = waitingReason(error);
    for (const book of waiting) tally.wait(book.item.id, book.item.title, reason);
    if (!dry) {
      await recordOutcome(
        database,
        user.id,
        [],
        [
          ...remember,
          ...waiting.map((b) => stateRow(b.item.id, b.item.title, null, 'skipped', reason, true)),
        ],
        clock.now(),
      );
    }
    result.error = known.message;
  }
  return result;
}
