import type { Clock } from '../core/clock.ts';
import type { BridgeName, PhaseProgress, ProgressSink } from './bridge.ts';
import type { PhaseProfile } from './report.ts';
import type { RunClients, ServiceSpend } from './run-clients.ts';

/**
 * Times every phase the bridges announce, for `--profile`, and passes it on to the sink that draws
 * progress. A phase's requests are those its bridge's clients sent while it ran, so two phases of
 * one bridge that overlap (two book users at once) both count what was sent in the overlap.
 */
export class PhaseRecorder {
  private readonly finished: PhaseProfile[] = [];
  private readonly clock: Clock;
  private readonly startedAt: number;
  private readonly clients: RunClients;
  private readonly outer: ProgressSink;

  constructor(clock: Clock, startedAt: number, clients: RunClients, outer: ProgressSink) {
    this.clock = clock;
    this.startedAt = startedAt;
    this.clients = clients;
    this.outer = outer;
  }

  /** The sink bridges get: the outer one, with every phase timed. */
  sink(): ProgressSink {
    return {
      phase: (bridge, name, total, label) => this.start(bridge, name, total, label),
      note: (message) => this.outer.note(message),
    };
  }

  phases(): PhaseProfile[] {
    return [...this.finished].sort((a, b) => a.startMs - b.startMs);
  }

  private start(bridge: BridgeName, name: string, total: number, label: string | undefined): PhaseProgress {
    const drawn = this.outer.phase(bridge, name, total, label);
    const began = this.clock.now();
    const before = this.clients.spend(bridge);
    let items = 0;
    let known = total;
    let ended = false;
    return {
      tick: (count = 1) => {
        items += count;
        drawn.tick(count);
      },
      setTotal: (value) => {
        known = value;
        drawn.setTotal?.(value);
      },
      done: () => {
        if (ended) return;
        ended = true;
        drawn.done();
        this.finished.push({
          bridge,
          name,
          ...(label === undefined ? {} : { label }),
          startMs: Math.max(0, began - this.startedAt),
          wallMs: Math.max(0, this.clock.now() - began),
          items,
          total: known,
          services: difference(this.clients.spend(bridge), before),
        });
      },
    };
  }
}

function difference(after: Record<string, ServiceSpend>, before: Record<string, ServiceSpend>) {
  const spent: Record<string, ServiceSpend> = {};
  for (const [service, now] of Object.entries(after)) {
    const then = before[service] ?? { requests: 0, units: 0, limiterWaitMs: 0 };
    const delta = {
      requests: now.requests - then.requests,
      units: now.units - then.units,
      limiterWaitMs: Math.max(0, now.limiterWaitMs - then.limiterWaitMs),
    };
    if (delta.requests > 0 || delta.units > 0) spent[service] = delta;
  }
  return spent;
}
