/**
 * `npm run bench` (all scenarios) and `npm run bench -- --quick` (small sizes, no real-limit runs):
 * starts the sandbox in-process, runs every scenario several times through the one sync path (each
 * sync in its own process, for its own memory), prints a markdown table and writes JSON to
 * bench/results/ with the machine, Node version, load and date.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchCode } from './lib/child.ts';
import { type ProfileCapture, profileMarkdown } from './lib/profile.ts';
import { MB, round, type ScenarioResult } from './lib/result.ts';
import { growth } from './lib/stats.ts';
import { markdownTable } from './lib/table.ts';
import { booksAtSize, booksColdOnce } from './scenarios/books.ts';
import { booksAtRealLimits, booksOverQuota } from './scenarios/books-limits.ts';
import { playlistAtSize } from './scenarios/playlists.ts';
import { queryLanguage } from './scenarios/query.ts';
import { recordsAtSize } from './scenarios/records.ts';
import { recordsEnrichAtRealLimit } from './scenarios/records-enrich.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    source: { type: 'boolean', default: false },
  },
});
const quick = values.quick ?? false;
// The syncs run the build in dist/, as an installed shelfsync does; --source runs src/ instead.
process.env.SHELFSYNC_BENCH_CODE = values.source ? 'src' : 'dist';
const only = new Set(values.only ?? []);
const wanted = (name: string) => only.size === 0 || only.has(name);

const plan = quick
  ? {
      books: [
        [100, 1],
        [1000, 1],
      ],
      records: [
        [1_000, 1],
        [5_000, 1],
      ],
      query: [10_000, 5],
      playlists: [150],
      bigBooks: undefined,
      limits: false,
    }
  : {
      books: [
        [100, 3],
        [1000, 3],
        [5000, 2],
      ],
      records: [
        [1_000, 3],
        [10_000, 2],
        [50_000, 1],
      ],
      query: [50_000, 9],
      playlists: [150, 600],
      /** One cold sync of the big library, which must finish in under 60 s. */
      bigBooks: 10_000,
      limits: true,
    };

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryMb: round(totalmem() / MB, 0),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadBefore: loadavg().map((load) => round(load, 1)),
};
const startedAt = new Date();
const results: ScenarioResult[] = [];
const skipped: string[] = [];
/** `sync --profile` of the largest books case this run measured. */
let profile: ProfileCapture | undefined;

function log(message: string): void {
  process.stderr.write(`[bench ${round((Date.now() - startedAt.getTime()) / 1000, 0)}s] ${message}\n`);
}

if (benchCode() === 'dist') {
  log('building dist/ (npm run build): the syncs run the build, as an installed shelfsync does');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: new URL('../', import.meta.url),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}

if (wanted('books')) {
  const sizes = plan.books as [number, number][];
  for (const [index, [size, reps]] of sizes.entries()) {
    log(`books ${size} × ${reps}`);
    const largest = plan.bigBooks === undefined && index === sizes.length - 1;
    const measured = await booksAtSize(size, reps, largest);
    results.push(...measured.rows);
    profile = measured.profile ?? profile;
  }
  if (plan.bigBooks !== undefined) {
    log(`books ${plan.bigBooks} cold, with --profile`);
    const measured = await booksColdOnce(plan.bigBooks, 60);
    results.push(...measured.rows);
    profile = measured.profile ?? profile;
  }
}
if (plan.limits && wanted('real-limits')) {
  log('books at real Hardcover limits (about 4 minutes)');
  results.push(await booksAtRealLimits(100));
} else skipped.push('books at real Hardcover limits');
if (plan.limits && wanted('quota')) {
  log('books over a day’s quota');
  results.push(await booksOverQuota(6_000, 2_000));
} else skipped.push('books over a day’s quota');
if (wanted('records')) {
  for (const [size, reps] of plan.records as [number, number][]) {
    log(`records ${size} × ${reps}`);
    results.push(...(await recordsAtSize(size, reps)));
  }
}
if (wanted('query')) {
  const [releases, runs] = plan.query as [number, number];
  log(`query language on ${releases}`);
  results.push(...(await queryLanguage(releases, runs)));
}
if (wanted('playlists')) {
  for (const tracks of plan.playlists) {
    log(`playlist build of ${tracks} tracks`);
    results.push(...(await playlistAtSize(tracks)));
  }
}
if (plan.limits && wanted('enrich')) {
  log('records enrich at the real Discogs limit (about 4 minutes)');
  results.push(await recordsEnrichAtRealLimit(120));
} else skipped.push('records enrich at the real limit');

const scaling = (
  ['books cold sync', 'books warm sync, nothing changed', 'records cold sync', 'records warm sync'] as const
).map((scenario) => {
  const rows = results.filter((row) => row.scenario === scenario && row.status === 'ok');
  const size = (row: ScenarioResult) => Number(row.size.replace(/[^0-9]/g, ''));
  return {
    scenario,
    sizes: rows.map(size),
    wall: growth(rows.map((row) => ({ size: size(row), value: row.wallSeconds ?? 0 }))),
    cpu: growth(rows.map((row) => ({ size: size(row), value: row.cpuSeconds ?? 0 }))),
    memory: growth(rows.map((row) => ({ size: size(row), value: row.peakRssMb ?? 0 }))),
  };
});

const finishedAt = new Date();
const loadAfter = loadavg().map((load) => round(load, 1));
const header = [
  `## shelfsync benchmarks (${quick ? 'quick' : 'full'}), ${finishedAt.toISOString().slice(0, 16)} UTC`,
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryMb} MB, ${machine.platform}, Node ${machine.node}; ` +
    `load average ${machine.loadBefore.join(' / ')} before, ${loadAfter.join(' / ')} after ` +
    `(shared machine: wall times include waiting for the CPU; CPU s is the sync process's own time). ` +
    `Took ${round((finishedAt.getTime() - startedAt.getTime()) / 1000, 0)} s. ` +
    (benchCode() === 'dist'
      ? 'The syncs ran the build in dist/ (what an installed shelfsync runs).'
      : 'The syncs ran the TypeScript sources in src/ (--source), as a checkout does.'),
  ...(skipped.length > 0 ? ['', `Skipped in this run: ${skipped.join(', ')}.`] : []),
  '',
];
const scalingTable = [
  '',
  '| scaling check | sizes | wall time grows | CPU grows | peak RSS grows |',
  '|---|---|---|---|---|',
  ...scaling.map(
    (row) =>
      `| ${row.scenario} | ${row.sizes.join(', ')} | ${row.wall.text} | ${row.cpu.text} | ${row.memory.text} |`,
  ),
  '',
  profile ? profileMarkdown(profile) : '`--profile` breakdown: the books scenario did not run.',
];
const markdown = [...header, markdownTable(results), ...scalingTable].join('\n');
process.stdout.write(`${markdown}\n`);

const mode = quick ? 'quick' : 'full';
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const document = {
  date: finishedAt.toISOString(),
  mode,
  durationSeconds: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 0),
  machine: { ...machine, loadAfter },
  code: benchCode(),
  skipped,
  results,
  scaling,
  profile: profile ?? null,
};
const stamp = finishedAt.toISOString().slice(0, 19).replaceAll(':', '-');
writeFileSync(new URL(`${stamp}-${mode}.json`, dir), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(new URL(`latest-${mode}.json`, dir), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(new URL(`latest-${mode}.md`, dir), `${markdown}\n`);
log(`wrote bench/results/latest-${mode}.json`);
