import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/database.ts';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { DiscogsPage } from '../../upstream/discogs/paging.ts';
import type { PhaseProgress } from '../bridge.ts';
import {
  clearProgress,
  deleteFromList,
  type ListName,
  loadProgress,
  saveProgress,
  storedIds,
} from './list-store.ts';

/** Numbers a pass adds up over its pages (plans themselves are let go page by page). */
export type PlanCounts<Key extends string> = Record<Key, number>;

/** How one list (collection or wantlist) is read, compared and written, page by page. */
export interface ListSource<Item, Plan, Key extends string> {
  list: ListName;
  username: string;
  perPage: number;
  pages(startPage: number): AsyncIterable<DiscogsPage<Item>>;
  /** Instance id (collection) or release id (wantlist). */
  idOf(item: Item): number;
  /** Reads what is stored for these items and returns the writes needed (pure past the reads). */
  plan(db: Kysely<DatabaseSchema>, items: readonly Item[]): Promise<Plan>;
  isEmpty(plan: Plan): boolean;
  /** What this page's plan adds to the pass's totals. */
  count(plan: Plan): PlanCounts<Key>;
  apply(trx: Transaction<DatabaseSchema>, plan: Plan): Promise<void>;
}

export interface PassOptions {
  database: Database;
  dryRun: boolean;
  nowMs: () => number;
  signal: AbortSignal;
  progress: (pages: number) => PhaseProgress;
}

export interface PassResult<Key extends string> {
  /** Summed over every page listed; undefined keys when no page was listed. */
  counts: Partial<PlanCounts<Key>>;
  pages: number;
  /** Ids stored but no longer listed (deleted unless this is a dry run). */
  removed: number[];
  /** False when the pass stopped early (interrupted) or the list moved under it; removals then wait. */
  complete: boolean;
  resumedFromPage?: number;
  /** Write transactions committed. */
  transactions: number;
}

/**
 * One pass over a list. Each page that changes something is written in its own transaction together
 * with how far the pass got, so an interrupted pass resumes at the next page. Pages that change
 * nothing write nothing, so a pass over an unchanged list leaves the database untouched. Removals
 * are known only at the end of a pass that saw every item.
 */
export async function runListPass<Item, Plan, Key extends string>(
  source: ListSource<Item, Plan, Key>,
  options: PassOptions,
): Promise<PassResult<Key>> {
  const { database, dryRun } = options;
  const progress = dryRun ? undefined : await loadProgress(database.db, source.list);
  // A pass that saved its last page and stopped before finishing has nothing left to list: go again.
  const resumable =
    progress !== undefined &&
    progress.state.username === source.username &&
    progress.state.per_page === source.perPage &&
    progress.state.next_page <= Math.max(1, Math.ceil(progress.state.items / source.perPage));
  // Progress that cannot be used goes before a fresh pass records its own.
  const forget = async () => {
    if (!dryRun) await database.transaction((trx) => clearProgress(trx, source.list));
  };
  if (progress !== undefined && !resumable) await forget();
  let result = await listOnce(source, options, resumable ? progress : undefined);
  if (result === 'restart') {
    await forget();
    result = await listOnce(source, options, undefined);
  }
  if (result === 'restart') throw new Error('a fresh pass cannot ask to restart');
  const { seen, total } = result;
  result.complete &&= seen.size === total;
  if (result.complete) {
    const stored = await storedIds(database.db, source.list);
    result.removed = stored.filter((id) => !seen.has(id));
    if (!dryRun && (result.removed.length > 0 || progress !== undefined || result.transactions > 0)) {
      const removed = result.removed;
      await database.transaction(async (trx) => {
        await deleteFromList(trx, source.list, removed);
        await clearProgress(trx, source.list);
      });
      result.transactions += 1;
    }
  }
  const { seen: _seen, total: _total, ...rest } = result;
  return rest;
}

interface ListedOnce<Key extends string> extends PassResult<Key> {
  seen: Set<number>;
  total: number;
}

async function listOnce<Item, Plan, Key extends string>(
  source: ListSource<Item, Plan, Key>,
  options: PassOptions,
  resume: Awaited<ReturnType<typeof loadProgress>>,
): Promise<ListedOnce<Key> | 'restart'> {
  const { database, dryRun, signal } = options;
  const startPage = resume?.state.next_page ?? 1;
  const seen = new Set(resume?.seen ?? []);
  // Seen on pages not written yet (pages that change nothing write nothing): saved with the next write.
  let unsaved: number[] = [];
  const startedAt = resume?.state.started_at ?? options.nowMs();
  const result: ListedOnce<Key> = {
    counts: {},
    pages: 0,
    removed: [],
    complete: false,
    transactions: 0,
    seen,
    total: resume?.state.items ?? 0,
    ...(resume ? { resumedFromPage: startPage } : {}),
  };
  let phase: PhaseProgress | undefined;
  try {
    for await (const page of source.pages(startPage)) {
      // The list grew or shrank since the interrupted pass: its pages moved, start over.
      if (resume && result.pages === 0 && page.total !== resume.state.items) return 'restart';
      result.pages += 1;
      result.total = page.total;
      phase ??= options.progress(Math.max(1, page.pages - startPage + 1));
      for (const item of page.items) {
        const id = source.idOf(item);
        if (seen.has(id)) continue;
        seen.add(id);
        unsaved.push(id);
      }
      const plan = await source.plan(database.db, page.items);
      addCounts(result.counts, source.count(plan));
      if (!dryRun && !source.isEmpty(plan)) {
        const newlySeen = unsaved;
        await database.transaction(async (trx) => {
          await source.apply(trx, plan);
          await saveProgress(
            trx,
            {
              list: source.list,
              username: source.username,
              next_page: page.page + 1,
              per_page: source.perPage,
              items: page.total,
              started_at: startedAt,
              updated_at: options.nowMs(),
            },
            newlySeen,
          );
        });
        unsaved = [];
        result.transactions += 1;
      }
      phase.tick();
      if (page.page >= page.pages) result.complete = !signal.aborted;
      if (signal.aborted) break;
    }
  } finally {
    phase?.done();
  }
  return result;
}

function addCounts<Key extends string>(into: Partial<PlanCounts<Key>>, add: PlanCounts<Key>): void {
  for (const key of Object.keys(add) as Key[]) into[key] = (into[key] ?? 0) + add[key];
}
