import type { BooksConfig } from '../../core/config/index.ts';
import { ExitCode, exitCodeFor, findShelfsyncError } from '../../core/errors.ts';
import type { Bridge, BridgeContext } from '../bridge.ts';
import { type BooksReport, emptyOutcomeCounts } from '../report.ts';
import type { BooksUserReport } from './user-report.ts';
import { syncUser } from './user-sync.ts';

/**
 * Audiobookshelf → Hardcover, one configured user after another (a later user reuses the matches
 * an earlier one found). A user whose service refuses or fails stops alone; the others still sync.
 */
export const booksBridge: Bridge<BooksReport> = {
  name: 'books',
  configured: (config) => config.books !== undefined,
  run: runBooks,
};

async function runBooks(context: BridgeContext): Promise<BooksReport> {
  const books = context.config.books as BooksConfig;
  const users = books.users.filter((user) => !context.options.user || user.id === context.options.user);
  const report: BooksReport = { users: {} };
  const failures: unknown[] = [];
  for (const user of users) {
    if (context.signal.aborted) break;
    try {
      const result = await syncUser(context, user);
      const part: BooksUserReport = {
        outcomes: result.tally.counts,
        attention: result.tally.attention,
        waiting: result.tally.waiting,
        hardcover: result.units,
        ...(context.options.dryRun ? { plan: result.tally.plan } : {}),
        ...(result.error ? { error: result.error } : {}),
      };
      report.users[user.id] = part;
      if (result.error) context.progress.note(`${user.id}: ${result.error}`);
    } catch (error) {
      const known = findShelfsyncError(error);
      const message = known?.message ?? (error instanceof Error ? error.message : String(error));
      failures.push(error);
      context.logger.error({ user: user.id, err: error }, 'books sync stopped for this user');
      context.progress.note(`${user.id}: ${message}`);
      report.users[user.id] = { outcomes: emptyOutcomeCounts(), error: message };
    }
  }
  // Every user stopped by an unreachable or refusing service: the run as a whole could not reach it.
  if (
    failures.length > 0 &&
    failures.length === users.length &&
    failures.every((e) => exitCodeFor(e) === ExitCode.upstream)
  ) {
    throw failures[0];
  }
  return report;
}
