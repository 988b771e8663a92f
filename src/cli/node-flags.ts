/**
 * The V8 options every shelfsync process runs under. Left alone, V8 lets a sync's dead objects pile
 * up in the old generation between rare full collections, and grows the young generation to 64 MB a
 * semi-space: a 5,000-book sync peaked at 250 to 265 MB with about 40 MB alive. `--optimize-for-size`
 * (V8's documented memory-saving mode) collects sooner and keeps the heap small: 153 MB. It costs CPU,
 * least with 32 MB semi-spaces (a 10,000-book sync: 22.6 s of CPU against 25.3 s at 16 MB and 13.7 s
 * without the mode), and a sync's wall time, bound by round trips, barely moves (bench/README.md,
 * "Memory").
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--optimize-for-size'];

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
