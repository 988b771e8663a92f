/**
 * The V8 options every shelfsync process runs under. Left alone, 64-bit Node lets the young
 * generation grow to 64 MB a semi-space (two of them, used in turn: 128 MB resident) as soon as a
 * process has allocated enough, which a sync of a few thousand items does within seconds: that was a
 * third of a large sync's peak memory. At 16 MB a semi-space the same syncs took no more CPU than
 * run-to-run noise on the benchmark machine; 8 MB saved little more and made some collect more
 * (bench/README.md, "Memory"). `--optimize-for-size` makes V8 collect the old generation sooner: a
 * sync's garbage no longer piles up between rare full collections (5,000 books: 250 MB peak → 151)
 * for about a third more CPU, which barely shows in a sync's wall time, bound by round trips.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--optimize-for-size'];

const YOUNG_GENERATION_FLAG = /^--max[-_]semi[-_]space[-_]size\b/;

export interface ProcessFacts {
  execArgv: readonly string[];
  /** `[node, script, ...arguments]`, as in process.argv. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The arguments (after the node executable) that start this script again under NODE_FLAGS, or
 * undefined when it already runs under them or the user chose a young generation size of their own,
 * on the command line or in NODE_OPTIONS (theirs stands).
 */
export function relaunchArguments(facts: ProcessFacts): string[] | undefined {
  const chosen = [...facts.execArgv, ...(facts.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (chosen.some((arg) => YOUNG_GENERATION_FLAG.test(arg))) return undefined;
  return [...NODE_FLAGS, ...facts.execArgv, ...facts.argv.slice(1)];
}

/**
 * Replaces this process with the same script under NODE_FLAGS: same pid, same standard streams and
 * environment, nothing else started yet. V8 fixes its heap layout when the process starts, so a flag
 * set later would not take. Where `process.execve` is missing (Windows) the process carries on as it is.
 * Call it first thing, before anything is printed or loaded.
 */
export function relaunchWithNodeFlags(): void {
  if (typeof process.execve !== 'function' || process.platform === 'win32') return;
  const args = relaunchArguments(process);
  if (!args) return;
  try {
    process.execve(process.execPath, [process.execPath, ...args]);
  } catch {
    // Could not start again: run with V8's defaults, which only costs memory.
  }
}
