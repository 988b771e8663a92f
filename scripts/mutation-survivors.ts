/**
 * Writes `reports/mutation-survivors.md` from a Stryker JSON report: the score, every mutant no test
 * noticed (survived or not covered), and every mutant switched off in the code as equivalent, with
 * the reason written next to it (`// Stryker disable next-line <Mutator>: <reason>`).
 *
 * `node scripts/mutation-survivors.ts [report.json] [out.md]`; `npm run test:mutation` runs it after
 * each run. Reads the full report, or the incremental file, which has the same shape.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const mutantSchema = z.object({
  mutatorName: z.string(),
  replacement: z.string().optional(),
  status: z.string(),
  statusReason: z.string().optional(),
  static: z.boolean().optional(),
  location: z.object({ start: z.object({ line: z.number(), column: z.number() }) }),
});
const reportSchema = z.object({
  files: z.record(z.string(), z.object({ source: z.string(), mutants: z.array(mutantSchema) })),
});
type Mutant = z.infer<typeof mutantSchema>;

const STATIC_REASON = /^Static mutant/;
const UNNOTICED = new Set(['Survived', 'NoCoverage']);

const input =
  process.argv[2] ??
  (existsSync('reports/mutation/mutation.json')
    ? 'reports/mutation/mutation.json'
    : 'reports/stryker-incremental.json');
const output = process.argv[3] ?? 'reports/mutation-survivors.md';
const report = reportSchema.parse(JSON.parse(readFileSync(input, 'utf8')));

interface Row {
  file: string;
  mutant: Mutant;
  code: string;
}

const unnoticed: Row[] = [];
const equivalent: Row[] = [];
const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, static: 0, equivalent: 0 };
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) =>
  a.localeCompare(b),
)) {
  const lines = source.split('\n');
  for (const mutant of mutants) {
    const row = { file, mutant, code: (lines[mutant.location.start.line - 1] ?? '').trim() };
    if (mutant.status === 'Ignored') {
      if (STATIC_REASON.test(mutant.statusReason ?? '')) counts.static++;
      else {
        counts.equivalent++;
        equivalent.push(row);
      }
      continue;
    }
    if (mutant.status in counts) counts[mutant.status as keyof typeof counts]++;
    if (UNNOTICED.has(mutant.status)) unnoticed.push(row);
  }
}

const byLine = (a: Row, b: Row) =>
  a.file.localeCompare(b.file) || a.mutant.location.start.line - b.mutant.location.start.line;
unnoticed.sort(byLine);
equivalent.sort(byLine);

const detected = counts.Killed + counts.Timeout;
const scored = detected + counts.Survived + counts.NoCoverage;
const score = scored === 0 ? 0 : (100 * detected) / scored;
const cell = (text: string, max = 90) =>
  (text.length > max ? `${text.slice(0, max - 1)}…` : text).replaceAll('|', '\\|').replaceAll('`', "'");

const perFile = new Map<string, number>();
for (const row of unnoticed) perFile.set(row.file, (perFile.get(row.file) ?? 0) + 1);
const perFileLine = [...perFile]
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  .map(([file, count]) => `${file} ${count}`)
  .join(', ');

const out = [
  '# Mutants no test notices',
  '',
  `Written by \`scripts/mutation-survivors.ts\` from \`${input}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  `Mutation score ${score.toFixed(2)}%: ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} survived, ${counts.NoCoverage} not covered (of ${scored} scored). Not scored: ${counts.equivalent} switched off in the code as equivalent (listed below with the reason), ${counts.static} static mutants (module-level constants, skipped by \`ignoreStatic\`).`,
  '',
  '## Survived or not covered',
  '',
  unnoticed.length === 0
    ? 'None.'
    : [
        `Each is a change no test notices: a test is missing, or the change makes no difference. Per file: ${perFileLine}.`,
        '',
        '| where | status | mutator | replaced by | line |',
        '|---|---|---|---|---|',
        ...unnoticed.map(
          ({ file, mutant, code }) =>
            `| ${file}:${mutant.location.start.line} | ${mutant.status} | ${mutant.mutatorName} | \`${cell(mutant.replacement ?? '', 60)}\` | ${cell(code)} |`,
        ),
      ].join('\n'),
  '',
  '## Equivalent, switched off in the code',
  '',
  'Each behaves exactly as the original, so no test can tell them apart; the reason is the comment above the line.',
  '',
  '| where | mutator | replaced by | why it is equivalent |',
  '|---|---|---|---|',
  ...equivalent.map(
    ({ file, mutant }) =>
      `| ${file}:${mutant.location.start.line} | ${mutant.mutatorName} | \`${cell(mutant.replacement ?? '', 50)}\` | ${cell((mutant.statusReason ?? '').replace(/^Disabled by user comment:?\s*/i, ''), 160)} |`,
  ),
  '',
].join('\n');

writeFileSync(output, out);
process.stdout.write(
  `${output}: score ${score.toFixed(2)}%, ${unnoticed.length} unnoticed, ${counts.equivalent} equivalent\n`,
);
