import type { ScenarioResult } from './result.ts';

const cell = (value: number | string | undefined): string =>
  value === undefined ? '' : String(value).replaceAll('|', '\\|');

function describeCounts(row: ScenarioResult): string {
  const parts = Object.entries(row.counts ?? {}).map(([key, value]) => `${key}: ${value}`);
  if (row.note) parts.push(row.note);
  return parts.join('; ');
}

function verdict(row: ScenarioResult): string {
  if (row.status !== 'ok') return row.status;
  if (!row.check) return '';
  return `${row.check.met ? 'met' : 'NOT met'}: ${row.check.target}`;
}

/** The results as one markdown table, in the order the scenarios ran. */
export function markdownTable(rows: readonly ScenarioResult[]): string {
  const header = ['scenario', 'size', 'runs', 'wall s', 'CPU s', 'peak RSS MB', 'DB MB', 'counts', 'target'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = [
      row.scenario,
      row.size,
      row.runs,
      row.wallSeconds,
      row.cpuSeconds,
      row.peakRssMb,
      row.databaseMb,
      describeCounts(row),
      verdict(row),
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}
