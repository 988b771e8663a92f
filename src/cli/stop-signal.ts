const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface StopSignal {
  /** Aborted by the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Gives the signals back to Node's default handling. */
  dispose(): void;
}

/**
 * The first SIGINT/SIGTERM asks the run to stop cleanly (writes in flight finish, pools and the
 * database close); a second one ends the process at once, as if shelfsync had not caught the first.
 */
export function stopOnSignals(onStop?: (name: NodeJS.Signals) => void): StopSignal {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      dispose();
      process.kill(process.pid, name);
      return;
    }
    onStop?.(name);
    controller.abort(new Error(`stopped by ${name}`));
  };
  function dispose(): void {
    for (const name of SIGNALS) process.off(name, handler);
  }
  for (const name of SIGNALS) process.on(name, handler);
  return { signal: controller.signal, dispose };
}
