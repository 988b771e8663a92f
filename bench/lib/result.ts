/** One row of the results table, as kept in the JSON file. */
export interface ScenarioResult {
  scenario: string;
  size: string;
  /** Repetitions measured (0 when the scenario was skipped or is not available yet). */
  runs: number;
  status: 'ok' | 'skipped' | 'not available yet' | 'failed';
  /** Median wall time of the measured runs, in seconds. */
  wallSeconds?: number;
  /** Median CPU seconds of the sync process (user + system). */
  cpuSeconds?: number;
  peakRssMb?: number;
  databaseMb?: number;
  /** Requests or units per service, and anything else the scenario counts. */
  counts?: Record<string, number | string>;
  /** A target from the issue and whether this run met it. */
  check?: { target: string; met: boolean };
  note?: string;
}

export const MB = 1024 * 1024;

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
