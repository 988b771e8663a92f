import type { Service } from '../errors.ts';

/** Counters of one client since it was created; the run report and `--profile` read them. */
export interface HttpStats {
  service: Service;
  /** Attempts sent, retries included. */
  requests: number;
  retries: number;
  /** Quota units spent (Hardcover: top-level fields), retries included. */
  units: number;
  /** Failed attempts by HTTP status ("404") or kind ("network", "timeout", "bad_response", "interrupted"). */
  errors: Record<string, number>;
  bytesReceived: number;
  /** Time requests spent queued in the rate limiter. */
  limiterWaitMs: number;
  /** Time from sending to the last byte of the answer, over all attempts. */
  totalLatencyMs: number;
  maxLatencyMs: number;
}

export class HttpStatsRecorder {
  private readonly current: HttpStats;

  constructor(service: Service) {
    this.current = {
      service,
      requests: 0,
      retries: 0,
      units: 0,
      errors: {},
      bytesReceived: 0,
      limiterWaitMs: 0,
      totalLatencyMs: 0,
      maxLatencyMs: 0,
    };
  }

  attemptSent(units: number): void {
    this.current.requests++;
    this.current.units += units;
  }

  retried(): void {
    this.current.retries++;
  }

  bytes(count: number): void {
    this.current.bytesReceived += count;
  }

  waitedForLimiter(ms: number): void {
    this.current.limiterWaitMs += ms;
  }

  latency(ms: number): void {
    this.current.totalLatencyMs += ms;
    this.current.maxLatencyMs = Math.max(this.current.maxLatencyMs, ms);
  }

  failed(key: string): void {
    this.current.errors[key] = (this.current.errors[key] ?? 0) + 1;
  }

  snapshot(): HttpStats {
    return { ...this.current, errors: { ...this.current.errors } };
  }
}
