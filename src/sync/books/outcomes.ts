import { type BookOutcome, emptyOutcomeCounts, type OutcomeCounts } from '../report.ts';
import type { SyncStateRow } from './memory.ts';

/** Per-user tally of outcomes, the books that need the user's attention, and what to remember. */

export interface AttentionEntry {
  item: string;
  title: string;
  outcome: BookOutcome;
  reason: string;
}

export interface PlannedEntry {
  item: string;
  title: string;
  action: string;
}

const ATTENTION: ReadonlySet<BookOutcome> = new Set(['needs_review', 'failed', 'not_found']);

export class OutcomeTally {
  readonly counts: OutcomeCounts = emptyOutcomeCounts();
  readonly attention: AttentionEntry[] = [];
  readonly plan: PlannedEntry[] = [];
  waiting = 0;
  private readonly seen = new Set<string>();

  has(item: string): boolean {
    return this.seen.has(item);
  }

  add(item: string, title: string, outcome: BookOutcome, reason?: string | null): void {
    this.seen.add(item);
    this.counts[outcome] += 1;
    if (ATTENTION.has(outcome)) this.attention.push({ item, title, outcome, reason: reason ?? '' });
  }

  /** A book whose ABS progress did not change since it was handled: its last outcome stands. */
  carry(state: SyncStateRow): void {
    const outcome = (state.outcome === 'synced' ? 'already_current' : state.outcome) as BookOutcome;
    this.add(state.itemId, state.title, outcome in this.counts ? outcome : 'skipped', state.reason);
  }

  wait(item: string, title: string, reason: string): void {
    this.waiting += 1;
    this.add(item, title, 'skipped', reason);
  }
}

export function stateRow(
  itemId: string,
  title: string,
  fingerprint: string | null,
  outcome: BookOutcome,
  reason: string | null = null,
  waiting = false,
): SyncStateRow {
  return { itemId, title, fingerprint, outcome, reason, waiting };
}
