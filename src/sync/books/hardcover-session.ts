import { ShelfsyncError } from '../../core/errors.ts';
import {
  type EditionHit,
  fetchBooks,
  findEditions,
  type IdentifierLookup,
  searchBooks,
} from '../../upstream/hardcover/catalog.ts';
import type { HardcoverClient } from '../../upstream/hardcover/client.ts';
import {
  fetchShelfPage,
  fetchUserBooks,
  SHELF_PAGE_SIZE,
  type ShelfEntry,
} from '../../upstream/hardcover/library.ts';
import type { HcBook, HcUserBook } from '../../upstream/hardcover/shapes.ts';
import { applyWrites, type WriteCall, type WriteResult } from '../../upstream/hardcover/writes.ts';
import type { ClientRegistry } from '../bridge.ts';

export type UnitKind = 'reads' | 'searches' | 'writes';

/** Thrown before a request the day's remaining quota could not pay for. */
export class QuotaStop extends ShelfsyncError {
  constructor(remaining: number) {
    super(
      `Hardcover's daily quota is nearly used up (${remaining} units left); the rest waits for the next run.`,
      {
        code: 'quota_exhausted',
        service: 'hardcover',
      },
    );
  }
}

/**
 * One user's Hardcover calls: each counted by kind (for the run report) and refused before it
 * would cost more units than the day has left, so a run stops cleanly instead of earning a 429.
 */
export class HardcoverSession {
  readonly units: Record<UnitKind, number> = { reads: 0, searches: 0, writes: 0 };
  private readonly client: HardcoverClient;
  private readonly registry: ClientRegistry;
  private readonly signal: AbortSignal;

  constructor(client: HardcoverClient, registry: ClientRegistry, signal: AbortSignal) {
    this.client = client;
    this.registry = registry;
    this.signal = signal;
  }

  private async spend<T>(kind: UnitKind, units: number, call: () => Promise<T>): Promise<T> {
    if (this.signal.aborted) {
      throw new ShelfsyncError('The sync was interrupted.', { code: 'interrupted', service: 'hardcover' });
    }
    const quota = this.client.http.quota();
    if (quota && quota.remaining < units) throw new QuotaStop(quota.remaining);
    this.units[kind] += units;
    this.registry.count('hardcover', kind, units);
    return call();
  }

  async shelf(): Promise<ShelfEntry[]> {
    const entries: ShelfEntry[] = [];
    for (let offset = 0; ; offset += SHELF_PAGE_SIZE) {
      const page = await this.spend('reads', 1, () => fetchShelfPage(this.client, offset));
      entries.push(...page);
      if (page.length < SHELF_PAGE_SIZE) return entries;
    }
  }

  async userBooks(bookIds: readonly number[]): Promise<HcUserBook[]> {
    const out: HcUserBook[] = [];
    const unique = [...new Set(bookIds)];
    for (let i = 0; i < unique.length; i += 100) {
      const part = unique.slice(i, i + 100);
      out.push(...(await this.spend('reads', 1, () => fetchUserBooks(this.client, part))));
    }
    return out;
  }

  editions(lookup: IdentifierLookup): Promise<EditionHit[]> {
    return this.spend('reads', 1, () => findEditions(this.client, lookup));
  }

  async books(ids: readonly number[]): Promise<HcBook[]> {
    const out: HcBook[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const part = ids.slice(i, i + 100);
      out.push(...(await this.spend('reads', 1, () => fetchBooks(this.client, part))));
    }
    return out;
  }

  search(query: string) {
    return this.spend('searches', 1, () => searchBooks(this.client, query));
  }

  writes(calls: readonly WriteCall[]): Promise<WriteResult[]> {
    return this.spend('writes', calls.length, () => applyWrites(this.client, calls));
  }
}
