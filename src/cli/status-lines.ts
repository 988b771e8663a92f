import pc from 'picocolors';
import type { PersistentNamespaceStats } from '../core/cache/index.ts';
import type { SyncReport } from '../sync/report.ts';
import type { AttentionItem, RunState, RunSummary } from '../sync/run-history.ts';
import { formatRate, formatSeconds, formatTable } from './table.ts';

const STATE_COLOUR: Record<RunState, (text: string) => string> = {
  ok: pc.green,
  failed: pc.red,
  interrupted: pc.yellow,
  running: pc.cyan,
};

/** "books alice 3 synced, 1 needs review; records +2 ~0 -1; Jazz 60s 40/3/2" in one cell. */
export function outcomeSummary(report: SyncReport | null): string {
  if (!report) return '';
  if (report.abandoned === true) return 'stopped without finishing (killed); the next run carried on';
  const parts: string[] = [];
  const { books, records, playlists } = report.bridges;
  if (books && 'pending' in books) parts.push('books not built');
  for (const [user, result] of Object.entries(books?.users ?? {})) {
    const counts = Object.entries(result.outcomes)
      .filter(([, count]) => count > 0)
      .map(([outcome, count]) => `${count} ${outcome.replaceAll('_', ' ')}`);
    parts.push(`${user}: ${result.error ? 'failed' : counts.join(', ') || 'nothing to do'}`);
  }
  if (records && 'pending' in records) parts.push('records not built');
  else if (records) parts.push(`records +${records.added} ~${records.updated} -${records.removed}`);
  for (const [name, playlist] of Object.entries(playlists ?? {})) {
    parts.push(
      `${name} ${playlist.matched} matched/${playlist.uncertain} uncertain/${playlist.missing} missing`,
    );
  }
  for (const failure of report.errors ?? []) parts.push(`${failure.bridge ?? failure.service} failed`);
  return parts.join('; ');
}

export function runLines(runs: readonly RunSummary[]): string[] {
  if (runs.length === 0) return ['No runs yet: `shelfsync sync` makes the first one.'];
  const rows = runs.map((run) => [
    String(run.id),
    run.trigger,
    run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    run.durationMs === null ? '-' : formatSeconds(run.durationMs),
    STATE_COLOUR[run.state](run.state),
    outcomeSummary(run.report),
  ]);
  return formatTable(['run', 'trigger', 'started', 'took', 'result', 'outcomes'], rows, 'rllrll');
}

export function attentionLines(items: readonly AttentionItem[], limit = 20): string[] {
  if (items.length === 0) return ['Nothing needs attention.'];
  const lines = items
    .slice(0, limit)
    .map(
      (item) =>
        `${item.bridge} ${item.subject}: ${item.status.replaceAll('_', ' ')}: ${item.item}${item.reason ? ` (${item.reason})` : ''}`,
    );
  if (items.length > limit) lines.push(`... and ${items.length - limit} more (status --json lists all)`);
  return lines;
}

export function cacheLines(
  persistent: readonly PersistentNamespaceStats[],
  lastRun: SyncReport | null,
): string[] {
  const rows = persistent.map((stats) => [
    stats.namespace,
    'persistent',
    String(stats.entries),
    formatBytes(stats.bytes),
    formatRate(stats.totalHits, stats.totalMisses),
  ]);
  for (const cache of lastRun?.caches ?? []) {
    if (cache.kind !== 'memory') continue;
    rows.push([
      cache.name,
      'memory (last run)',
      String(cache.size ?? 0),
      '-',
      formatRate(cache.hits, cache.misses),
    ]);
  }
  if (rows.length === 0) return ['No cached entries yet.'];
  return formatTable(['cache', 'kind', 'entries', 'size', 'hit rate'], rows, 'llrrr');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
