import type { HttpClient, HttpStats } from '../core/http/index.ts';
import type { BridgeName, ClientRegistry } from './bridge.ts';
import type { QuotaReport, ServiceRequests } from './report.ts';

interface Tracked {
  client: HttpClient;
  bridge: BridgeName;
  subject: string | undefined;
}

/** What one bridge's clients have spent per service: the numbers a phase of `--profile` shows. */
export interface ServiceSpend {
  requests: number;
  units: number;
  limiterWaitMs: number;
}

/** Every HTTP client of one run, with the bridge that made it; the engine closes them all at the end. */
export class RunClients {
  private readonly tracked: Tracked[] = [];
  private readonly extra = new Map<string, Map<string, number>>();

  /** The registry one bridge sees: what it tracks is counted for that bridge. */
  forBridge(bridge: BridgeName): ClientRegistry {
    return {
      track: <C extends HttpClient>(client: C, subject?: string): C => {
        this.tracked.push({ client, bridge, subject });
        return client;
      },
      count: (service, key, amount) => {
        const counters = this.extra.get(service) ?? new Map<string, number>();
        counters.set(key, (counters.get(key) ?? 0) + amount);
        this.extra.set(service, counters);
      },
    };
  }

  stats(): HttpStats[] {
    return this.tracked.map((entry) => entry.client.stats());
  }

  /** Requests, units and limiter wait per service so far, of one bridge's clients or of all. */
  spend(bridge?: BridgeName): Record<string, ServiceSpend> {
    const totals: Record<string, ServiceSpend> = {};
    for (const entry of this.tracked) {
      if (bridge !== undefined && entry.bridge !== bridge) continue;
      const stats = entry.client.stats();
      const total = totals[stats.service] ?? { requests: 0, units: 0, limiterWaitMs: 0 };
      total.requests += stats.requests;
      total.units += stats.units;
      total.limiterWaitMs += stats.limiterWaitMs;
      totals[stats.service] = total;
    }
    return totals;
  }

  /** The report's `requests`: counters per service, plus the extra ones bridges counted. */
  requests(): Record<string, ServiceRequests> {
    const totals: Record<string, ServiceRequests> = {};
    for (const [service, spend] of Object.entries(this.spend())) {
      totals[service] = { requests: spend.requests, units: spend.units };
    }
    for (const [service, counters] of this.extra) {
      const entry = totals[service] ?? { requests: 0, units: 0 };
      for (const [key, amount] of counters) entry[key] = ((entry[key] as number | undefined) ?? 0) + amount;
      totals[service] = entry;
    }
    return totals;
  }

  /** The daily quota each client last heard from its server. */
  quotas(): QuotaReport[] {
    const quotas: QuotaReport[] = [];
    for (const entry of this.tracked) {
      const quota = entry.client.quota();
      if (!quota) continue;
      quotas.push({
        service: entry.client.service,
        ...(entry.subject === undefined ? {} : { subject: entry.subject }),
        remaining: quota.remaining,
        limit: quota.limit ?? null,
        resetAt: quota.resetAt === undefined ? null : new Date(quota.resetAt).toISOString(),
      });
    }
    return quotas;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.tracked.map((entry) => entry.client.close()));
  }
}
