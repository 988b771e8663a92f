import pc from 'picocolors';
import { booksUserReportSchema } from '../sync/books/user-report.ts';
import type { ProfileReport, SyncReport } from '../sync/report.ts';
import { printLine } from './output.ts';
import { formatRate, formatSeconds, formatTable } from './table.ts';

/** A placeholder bridge says so in its report; the output must not pass that off as a result. */
function pendingOf(report: object | undefined): string | undefined {
  const pending = (report as { pending?: unknown } | undefined)?.pending;
  return typeof pending === 'string' ? pending : undefined;
}

function countsText(outcomes: Record<string, number>): string {
  const counts = Object.entries(outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome.replaceAll('_', ' ')}`);
  return counts.join(', ') || 'nothing to do';
}

/** How many books needing attention, or planned writes, are listed per user before "and N more". */
export const DETAIL_LINES = 10;

function listed<T>(entries: readonly T[], line: (entry: T) => string, more: string): string[] {
  const lines = entries.slice(0, DETAIL_LINES).map((entry) => `  ${line(entry)}`);
  const left = entries.length - DETAIL_LINES;
  if (left > 0) lines.push(`  ${pc.dim(`and ${left} more (${more})`)}`);
  return lines;
}

/** Under a user's line: the books they should look at and, in a dry run, what would be written. */
function bookDetailLines(result: unknown): string[] {
  const parsed = booksUserReportSchema.safeParse(result);
  if (!parsed.success) return [];
  const { attention, plan } = parsed.data;
  return [
    ...listed(
      plan ?? [],
      (entry) => `${pc.cyan('would')} ${entry.action}: ${entry.title}`,
      'sync --dry-run --json lists them all',
    ),
    ...listed(
      attention,
      (entry) =>
        `${pc.yellow(entry.outcome.replaceAll('_', ' '))}: ${entry.title}${entry.reason ? ` (${entry.reason})` : ''}`,
      'sync --json lists them all; books unmatched lists those not found',
    ),
  ];
}

export interface ReportLineOptions {
  /** List the books needing attention and the dry-run plan under each user (default true). */
  details?: boolean;
}

/** The human form of a run report: one line per user, the records, each playlist, the verdict. */
export function reportLines(report: SyncReport, options: ReportLineOptions = {}): string[] {
  const lines: string[] = [];
  const { books, records, playlists } = report.bridges;
  const booksPending = pendingOf(books);
  if (booksPending) lines.push(`books: ${pc.yellow('not run')} (${booksPending})`);
  for (const [user, result] of Object.entries(books?.users ?? {})) {
    lines.push(`books ${user}: ${countsText(result.outcomes)}${result.error ? ` (${result.error})` : ''}`);
    if (options.details ?? true) lines.push(...bookDetailLines(result));
  }
  const recordsPending = pendingOf(records);
  if (recordsPending) lines.push(`records: ${pc.yellow('not run')} (${recordsPending})`);
  else if (records) {
    lines.push(
      `records: ${records.added} added, ${records.updated} updated, ${records.removed} removed` +
        (records.error ? ` (${records.error})` : ''),
    );
  }
  const playlistsPending = pendingOf(playlists);
  if (playlistsPending) lines.push(`playlists: ${pc.yellow('not run')} (${playlistsPending})`);
  if (playlists && !playlistsPending && Object.keys(playlists).length === 0) {
    lines.push('playlists: none built in this run');
  }
  for (const [name, playlist] of Object.entries(playlists ?? {})) {
    if (typeof playlist !== 'object' || playlist === null || !('matched' in playlist)) continue;
    lines.push(
      `playlist ${name}: ${playlist.matched} matched, ${playlist.uncertain} uncertain, ${playlist.missing} missing` +
        (playlist.error ? ` (${playlist.error})` : ''),
    );
  }
  for (const failure of report.errors ?? []) {
    lines.push(`${pc.red('failed')} ${failure.bridge ?? failure.service}: ${failure.message}`);
  }
  for (const quota of report.quota ?? []) {
    const who = quota.subject ? ` (${quota.subject})` : '';
    lines.push(
      `${quota.service}${who}: ${quota.remaining}${quota.limit ? `/${quota.limit}` : ''} requests left today`,
    );
  }
  const verdict = report.interrupted
    ? pc.yellow('interrupted')
    : report.ok
      ? pc.green('ok')
      : pc.red('finished with problems');
  lines.push(
    `${verdict} in ${(report.durationMs / 1000).toFixed(1)} s${report.dryRun ? ' (dry run: nothing written)' : ''}`,
  );
  return lines;
}

export function printReport(report: SyncReport): void {
  for (const line of reportLines(report)) printLine(line);
}

/** `--profile`: phases in the order they started, then totals per service, then the caches. */
export function profileLines(report: SyncReport, profile: ProfileReport): string[] {
  const services = Object.keys(profile.services).sort();
  const spent = (entry: Record<string, { requests: number; units: number }>, service: string) => {
    const spend = entry[service];
    if (!spend) return '-';
    return spend.units === spend.requests ? String(spend.requests) : `${spend.requests}/${spend.units}u`;
  };
  const phaseRows = profile.phases.map((phase) => [
    `${phase.bridge} ${phase.name}${phase.label ? ` (${phase.label})` : ''}`,
    formatSeconds(phase.wallMs),
    phase.total > 0 ? `${phase.items}/${phase.total}` : String(phase.items),
    ...services.map((service) => spent(phase.services, service)),
    formatSeconds(Object.values(phase.services).reduce((sum, spend) => sum + spend.limiterWaitMs, 0)),
  ]);
  const totalRow = [
    'total (whole run)',
    formatSeconds(report.durationMs),
    '',
    ...services.map((service) => spent(profile.services, service)),
    formatSeconds(Object.values(profile.services).reduce((sum, spend) => sum + spend.limiterWaitMs, 0)),
  ];
  const lines = [
    pc.bold('Profile') +
      ' (requests per service, "/Nu" where quota units differ; phases running at once share requests)',
    ...formatTable(['phase', 'wall', 'items', ...services, 'limiter wait'], [...phaseRows, totalRow]),
  ];
  const caches = report.caches ?? [];
  if (caches.length > 0) {
    lines.push('');
    lines.push(
      ...formatTable(
        ['cache', 'kind', 'hits', 'misses', 'hit rate'],
        caches.map((cache) => [
          cache.name,
          cache.kind,
          String(cache.hits),
          String(cache.misses),
          formatRate(cache.hits, cache.misses),
        ]),
        'llrrr',
      ),
    );
  }
  return lines;
}
