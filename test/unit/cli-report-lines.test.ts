import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DETAIL_LINES, reportLines } from '../../src/cli/report-output.ts';
import { emptyOutcomeCounts, type SyncReport } from '../../src/sync/report.ts';

function booksReport(user: Record<string, unknown>, dryRun = false): SyncReport {
  return {
    ok: true,
    durationMs: 1500,
    dryRun,
    bridges: { books: { users: { alice: { outcomes: emptyOutcomeCounts(), ...user } } } },
    requests: {},
  };
}

const plain = (report: SyncReport, details?: boolean) =>
  reportLines(report, details === undefined ? {} : { details }).map((line) => stripVTControlCharacters(line));

function planned(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    item: `item-${index}`,
    title: `Book ${index}`,
    action: 'update progress',
  }));
}

describe('the human run report', () => {
  it('lists each book that needs attention under its user, with the reason', () => {
    const lines = plain(
      booksReport({
        outcomes: { ...emptyOutcomeCounts(), not_found: 1, needs_review: 1 },
        attention: [
          { item: 'a', title: 'Dune', outcome: 'not_found', reason: 'no search hit scored high enough' },
          { item: 'b', title: 'Emma', outcome: 'needs_review', reason: '' },
        ],
      }),
    );
    expect(lines.slice(0, 3)).toEqual([
      'books alice: 1 needs review, 1 not found',
      '  not found: Dune (no search hit scored high enough)',
      '  needs review: Emma',
    ]);
  });

  it(`prints a dry run's plan, ${DETAIL_LINES} lines at most and then how many more`, () => {
    const lines = plain(booksReport({ plan: planned(DETAIL_LINES + 3) }, true));
    const planLines = lines.filter((line) => line.startsWith('  would '));
    expect(planLines).toHaveLength(DETAIL_LINES);
    expect(planLines[0]).toBe('  would update progress: Book 0');
    expect(lines).toContain('  and 3 more (sync --dry-run --json lists them all)');
    expect(lines.at(-1)).toBe('ok in 1.5 s (dry run: nothing written)');
  });

  it('lists exactly the plan when it fits, with no "more" line', () => {
    const lines = plain(booksReport({ plan: planned(DETAIL_LINES) }, true));
    expect(lines.filter((line) => line.startsWith('  would '))).toHaveLength(DETAIL_LINES);
    expect(lines.some((line) => line.includes('more ('))).toBe(false);
  });

  it('leaves the details out when asked (the daemon logs one line per user)', () => {
    const report = booksReport({
      plan: planned(2),
      attention: [{ item: 'a', title: 'Dune', outcome: 'failed', reason: 'HTTP 500' }],
    });
    expect(plain(report, false)).toEqual(['books alice: nothing to do', 'ok in 1.5 s']);
  });
});
