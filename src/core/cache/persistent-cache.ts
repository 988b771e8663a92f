import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { type Clock, systemClock } from '../clock.ts';
import type { DatabaseSchema } from '../db/schema.ts';
import { ShelfsyncError } from '../errors.ts';

export interface PersistentCacheOptions {
  db: Kysely<DatabaseSchema>;
  clock?: Clock;
}

export interface PersistentNamespaceStats {
  namespace: string;
  entries: number;
  /** Entries past their expiry that no lookup or purge has removed yet. */
  expired: number;
  /** Size of the stored keys and JSON values in bytes. */
  bytes: number;
  /** Lookups in this process. */
  hits: number;
  misses: number;
  /** Lookups over every run that used this database. */
  totalHits: number;
  totalMisses: number;
  /** totalHits / (totalHits + totalMisses); null before the first lookup. */
  hitRate: number | null;
}

interface Counters {
  hits: number;
  misses: number;
}

/**
 * JSON values in the `cache_entries` table, grouped by namespace, each with its own lifetime.
 * Expiry follows the injected clock: an entry is gone from the moment `now >= expires_at`.
 */
export class PersistentCache {
  private readonly db: Kysely<DatabaseSchema>;
  private readonly clock: Clock;
  private readonly counters = new Map<string, Counters>();

  constructor(options: PersistentCacheOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * The cached value, or undefined on a miss. A row that expired, is not valid JSON or no longer
   * matches `schema` (the shape changed between versions) counts as a miss and is deleted.
   */
  async get<T>(namespace: string, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const row = await this.db
      .selectFrom('cache_entries')
      .select(['value', 'expires_at'])
      .where('namespace', '=', namespace)
      .where('key', '=', key)
      .executeTakeFirst();
    if (row === undefined) return this.miss(namespace);
    if (row.expires_at !== null && row.expires_at <= this.clock.now()) {
      await this.delete(namespace, key);
      return this.miss(namespace);
    }
    const json = parseJson(row.value);
    const parsed = json ? schema.safeParse(json.value) : undefined;
    if (!parsed?.success) {
      await this.delete(namespace, key);
      return this.miss(namespace);
    }
    await this.db
      .updateTable('cache_entries')
      .set((eb) => ({ hits: eb('hits', '+', 1) }))
      .where('namespace', '=', namespace)
      .where('key', '=', key)
      .execute();
    await this.count(namespace, 'hits');
    return parsed.data;
  }

  /** Stores `value` as JSON; `ttlMs` null keeps it until deleted (a Discogs tracklist never changes). */
  async set(namespace: string, key: string, value: unknown, ttlMs: number | null): Promise<void> {
    if (ttlMs !== null && !(Number.isInteger(ttlMs) && ttlMs > 0)) {
      throw internalError(`cache ttl must be a positive integer or null, got ${ttlMs}`);
    }
    const json = JSON.stringify(value);
    if (json === undefined) throw internalError(`cannot cache a value of type ${typeof value}`);
    const now = this.clock.now();
    const entry = { value: json, expires_at: ttlMs === null ? null : now + ttlMs, created_at: now };
    await this.db
      .insertInto('cache_entries')
      .values({ namespace, key, ...entry })
      .onConflict((conflict) => conflict.columns(['namespace', 'key']).doUpdateSet({ ...entry, hits: 0 }))
      .execute();
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('cache_entries')
      .where('namespace', '=', namespace)
      .where('key', '=', key)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Deletes every entry of one namespace, or of all, and restarts their hit counters; returns how
   * many entries were deleted.
   */
  async clear(namespace?: string): Promise<number> {
    let entries = this.db.deleteFrom('cache_entries');
    let counters = this.db.deleteFrom('cache_counters');
    if (namespace !== undefined) {
      entries = entries.where('namespace', '=', namespace);
      counters = counters.where('namespace', '=', namespace);
      this.counters.delete(namespace);
    } else {
      this.counters.clear();
    }
    const result = await entries.executeTakeFirst();
    await counters.execute();
    return Number(result.numDeletedRows);
  }

  /** Deletes expired entries; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('cache_entries')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', this.clock.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** One row per namespace that has entries or has ever been looked up, sorted by name. */
  async stats(): Promise<PersistentNamespaceStats[]> {
    const now = this.clock.now();
    const stored = await this.db
      .selectFrom('cache_entries')
      .select((eb) => [
        'namespace',
        eb.fn.countAll<number>().as('entries'),
        sql<number>`coalesce(sum(case when expires_at is not null and expires_at <= ${now} then 1 else 0 end), 0)`.as(
          'expired',
        ),
        sql<number>`coalesce(sum(length(cast(key as blob)) + length(cast(value as blob))), 0)`.as('bytes'),
      ])
      .groupBy('namespace')
      .execute();
    const totals = await this.db.selectFrom('cache_counters').selectAll().execute();

    const names = new Set([...stored.map((row) => row.namespace), ...totals.map((row) => row.namespace)]);
    return [...names].sort().map((namespace) => {
      const entries = stored.find((row) => row.namespace === namespace);
      const total = totals.find((row) => row.namespace === namespace);
      const here = this.counters.get(namespace);
      const totalHits = total?.hits ?? 0;
      const totalMisses = total?.misses ?? 0;
      return {
        namespace,
        entries: entries?.entries ?? 0,
        expired: entries?.expired ?? 0,
        bytes: entries?.bytes ?? 0,
        hits: here?.hits ?? 0,
        misses: here?.misses ?? 0,
        totalHits,
        totalMisses,
        hitRate: totalHits + totalMisses === 0 ? null : totalHits / (totalHits + totalMisses),
      };
    });
  }

  private async miss(namespace: string): Promise<undefined> {
    await this.count(namespace, 'misses');
    return undefined;
  }

  private async count(namespace: string, field: keyof Counters): Promise<void> {
    const here = this.counters.get(namespace) ?? { hits: 0, misses: 0 };
    here[field]++;
    this.counters.set(namespace, here);
    await this.db
      .insertInto('cache_counters')
      .values({ namespace, [field]: 1 })
      .onConflict((conflict) =>
        conflict
          .column('namespace')
          .doUpdateSet((eb) => ({ [field]: eb(`cache_counters.${field}`, '+', 1) })),
      )
      .execute();
  }
}

/** The parsed value, boxed because JSON may hold null; undefined when the text is not JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    // Not JSON: the function ends without a value.
  }
}

function internalError(message: string): ShelfsyncError {
  return new ShelfsyncError(message, { code: 'internal', service: 'shelfsync' });
}
