import type { ScenarioResult } from '../lib/result.ts';

/** Scenarios whose bridge has not landed: listed, never faked. */
export function pendingScenarios(): ScenarioResult[] {
  return [
    {
      scenario: 'records enrich at the real limit',
      size: '120 releases, rate-scale 1',
      runs: 0,
      status: 'not available yet',
      note: '`records enrich` (src/sync/records/enrich.ts) has not landed',
    },
  ];
}
