/**
 * One `shelfsync sync --json` in its own process, so its peak memory is its own: runs the real
 * command line (the same runSync every caller uses) and then reports this process's peak RSS and CPU
 * time on stderr as `BENCH_MAX_RSS_KB=<n> BENCH_CPU_MS=<n>`. Arguments are passed straight to shelfsync.
 */
import { main } from '../src/cli/main.ts';

const code = await main(['node', 'shelfsync', ...process.argv.slice(2)]);
const usage = process.resourceUsage();
process.stderr.write(
  `\nBENCH_MAX_RSS_KB=${usage.maxRSS} BENCH_CPU_MS=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
);
process.exitCode = code;
