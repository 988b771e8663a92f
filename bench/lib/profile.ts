import type { ProfileReport, SyncReport } from '../../src/sync/report.ts';
import { round } from './result.ts';

/** The `sync --profile` breakdown of one run, as kept in the JSON file. */
export interface ProfileCapture {
  /** Which run it is, e.g. "books cold sync, 10,000 books". */
  run: string;
  durationMs: number;
  profile: ProfileReport;
}

export function captureProfile(run: string, report: SyncReport): ProfileCapture | undefined {
  return report.profile ? { run, durationMs: report.durationMs, profile: report.profile } : undefined;
}

const seconds = (ms: number) => String(round(ms / 1000, 2));

/** One row per phase (start, wall, items, requests/units per service, limiter wait), then the whole run. */
export function profileMarkdown(capture: ProfileCapture): string {
  const { profile } = capture;
  const services = Object.keys(profile.services).sort();
  const spend = (entry: Record<string, { requests: number; units: number }>, service: string) => {
    const spent = entry[service];
    if (!spent || spent.requests === 0) return '';
    return spent.units === spent.requests
      ? String(spent.requests)
      : `${spent.requests} (${spent.units} units)`;
  };
  const header = ['phase', 'starts at s', 'wall s', 'items', ...services, 'limiter wait s'];
  const rows = profile.phases.map((phase) => [
    `${phase.bridge} ${phase.name}${phase.label ? ` (${phase.label})` : ''}`,
    seconds(phase.startMs),
    seconds(phase.wallMs),
    phase.total > 0 ? `${phase.items}/${phase.total}` : String(phase.items),
    ...services.map((service) => spend(phase.services, service)),
    seconds(Object.values(phase.services).reduce((sum, spent) => sum + spent.limiterWaitMs, 0)),
  ]);
  rows.push([
    'whole run',
    '0',
    seconds(capture.durationMs),
    '',
    ...services.map((service) => spend(profile.services, service)),
    seconds(Object.values(profile.services).reduce((sum, spent) => sum + spent.limiterWaitMs, 0)),
  ]);
  return [
    `\`sync --profile\` for ${capture.run} (requests per service; phases of two users running at once share requests):`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
