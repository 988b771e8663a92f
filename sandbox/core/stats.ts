/** The counters every stand-in serves at GET /__sandbox/stats (shape fixed by PRODUCT.md). */
export interface StandInStats {
  requests: number;
  units: number;
  reads: number;
  searches: number;
  writes: number;
  status: Record<string, number>;
  routes: Record<string, number>;
  faults: Record<string, number>;
}

export type OperationKind = 'read' | 'search' | 'write';

export class StatsRecorder {
  private stats: StandInStats = StatsRecorder.empty();

  static empty(): StandInStats {
    return { requests: 0, units: 0, reads: 0, searches: 0, writes: 0, status: {}, routes: {}, faults: {} };
  }

  request(): void {
    this.stats.requests += 1;
  }

  /** One operation: a REST route, or one top-level GraphQL field. */
  operation(route: string, kind: OperationKind, units = 0): void {
    this.stats.routes[route] = (this.stats.routes[route] ?? 0) + 1;
    if (kind === 'read') this.stats.reads += 1;
    else if (kind === 'search') this.stats.searches += 1;
    else this.stats.writes += 1;
    this.stats.units += units;
  }

  units(count: number): void {
    this.stats.units += count;
  }

  status(code: number): void {
    const key = String(code);
    this.stats.status[key] = (this.stats.status[key] ?? 0) + 1;
  }

  fault(kind: string): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  snapshot(): StandInStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
