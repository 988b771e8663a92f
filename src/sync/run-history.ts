import type { Database } from '../core/db/database.ts';
import { type QuotaReport, type SyncReport, syncReportSchema } from './report.ts';
import { isStale } from './run-lock.ts';

export type RunState = 'ok' | 'failed' | 'interrupted' | 'running';

export interface RunSummary {
  id: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  state: RunState;
  /** Null while running, for a run that never finished, or for a report this version cannot read. */
  report: SyncReport | null;
}

export interface AttentionItem {
  bridge: 'books' | 'playlists';
  /** The book user or the playlist name. */
  subject: string;
  status: string;
  /** What the item is: a title, "release 123 A1 Title". */
  item: string;
  reason?: string;
}

/**
 * The last `limit` runs, newest first. A row without an end is running only while its lock lives;
 * otherwise its process was killed and it is shown as interrupted (the next run records it so).
 */
export async function recentRuns(database: Database, limit: number, now: number): Promise<RunSummary[]> {
  const rows = await database.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  const lock = await database.db.selectFrom('run_lock').selectAll().executeTakeFirst();
  const live = lock !== undefined && !isStale(lock, now);
  return rows.map((row, index) => {
    const parsed =
      row.report_json === null ? undefined : syncReportSchema.safeParse(safeJson(row.report_json));
    const report = parsed?.success ? parsed.data : null;
    let state: RunState;
    if (row.finished_at === null) state = index === 0 && live ? 'running' : 'interrupted';
    else if (report?.interrupted) state = 'interrupted';
    else state = row.ok === 1 ? 'ok' : 'failed';
    return {
      id: row.id,
      trigger: row.command,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
      durationMs: row.finished_at === null ? null : row.finished_at - row.started_at,
      state,
      report,
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function pending(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'pending' in value;
}

const BOOK_ATTENTION = new Set(['needs_review', 'not_found', 'failed']);

/**
 * Books and tracks that need the user, from the newest report of each bridge. Books are read from any
 * list of items with an `outcome` in a user's report; tracks from each playlist's `tracks`.
 */
export function attentionItems(runs: readonly RunSummary[]): AttentionItem[] {
  const items: AttentionItem[] = [];
  const books = runs.find((run) => run.report?.bridges.books && !pending(run.report.bridges.books))?.report;
  for (const [user, result] of Object.entries(books?.bridges.books?.users ?? {})) {
    for (const value of Object.values(result)) {
      if (!Array.isArray(value)) continue;
      for (const entry of value) {
        const book = entry as Record<string, unknown>;
        if (typeof book?.outcome !== 'string' || !BOOK_ATTENTION.has(book.outcome)) continue;
        items.push({
          bridge: 'books',
          subject: user,
          status: book.outcome,
          item: String(book.title ?? book.item ?? book.id ?? '?'),
          ...(typeof book.reason === 'string' ? { reason: book.reason } : {}),
        });
      }
    }
  }
  const playlists = runs.find((run) => run.report?.bridges.playlists)?.report;
  for (const [name, playlist] of Object.entries(playlists?.bridges.playlists ?? {})) {
    for (const track of playlist.tracks ?? []) {
      if (track.status === 'matched') continue;
      const position = track.position === '' ? '' : ` ${track.position}`;
      items.push({
        bridge: 'playlists',
        subject: name,
        status: track.status,
        item: `release ${track.release_id}${position} ${track.title}`,
      });
    }
  }
  return items;
}

/** The newest quota each service (and user) reported, and when. */
export function latestQuotas(runs: readonly RunSummary[]): (QuotaReport & { asOf: string })[] {
  const seen = new Map<string, QuotaReport & { asOf: string }>();
  for (const run of runs) {
    for (const quota of run.report?.quota ?? []) {
      const key = `${quota.service}/${quota.subject ?? ''}`;
      if (!seen.has(key)) seen.set(key, { ...quota, asOf: run.finishedAt ?? run.startedAt });
    }
  }
  return [...seen.values()];
}
