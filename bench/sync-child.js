/**
 * One `shelfsync sync --json` in its own process, so its peak memory is its own: runs the real
 * command line (the same runSync every caller uses) and then reports this process's peak RSS and CPU
 * time on stderr as `BENCH_MAX_RSS_KB=<n> BENCH_CPU_MS=<n>`. Arguments are passed straight to shelfsync.
 *
 * Plain JavaScript, so that Node strips no types here: with `SHELFSYNC_BENCH_CODE=dist` it runs the
 * build in dist/ (what an installed shelfsync runs), with `src` the TypeScript sources as a checkout's
 * bin/shelfsync.js does. It starts the way bin/shelfsync.js starts: again under shelfsync's V8
 * options, before anything else is loaded.
 */
const fromSource = process.env.SHELFSYNC_BENCH_CODE === 'src';
const cli = (name) =>
  new URL(fromSource ? `../src/cli/${name}.ts` : `../dist/src/cli/${name}.js`, import.meta.url).href;

const { relaunchWithNodeFlags } = await import(cli('node-flags'));
relaunchWithNodeFlags();
const { main } = await import(cli('main'));

const code = await main(['node', 'shelfsync', ...process.argv.slice(2)]);
const usage = process.resourceUsage();
process.stderr.write(
  `\nBENCH_MAX_RSS_KB=${usage.maxRSS} BENCH_CPU_MS=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
);
process.exitCode = code;
