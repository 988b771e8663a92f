import type {
  CollectionInstancesTable,
  InstanceNotesTable,
  WantlistTable,
} from '../../core/db/tables/records.ts';
import type {
  DiscogsBasicInformation,
  DiscogsCollectionItem,
  DiscogsWant,
} from '../../upstream/discogs/schemas.ts';
import { addedAtUtc } from './discogs-dates.ts';
import { basicHash, type ReleaseRows, releaseRows } from './release-rows.ts';

/** What the database holds for one instance, as `planCollectionPage` compares it. */
export interface StoredInstance {
  instance: CollectionInstancesTable;
  /** field id → value */
  notes: ReadonlyMap<number, string>;
}

export interface InstanceRows {
  instance: CollectionInstancesTable;
  notes: InstanceNotesTable[];
}

/** The writes one listed page needs; empty lists when the database already agrees. */
export interface CollectionPagePlan {
  releases: ReleaseRows[];
  inserts: InstanceRows[];
  updates: InstanceRows[];
  /** Existing instances that stay as they are but whose release changed. */
  releaseOnlyUpdates: number;
}

export interface WantlistPagePlan {
  releases: ReleaseRows[];
  inserts: WantlistTable[];
  updates: WantlistTable[];
}

/** Releases whose listing differs from what is stored (or that are not stored yet), once each. */
export function changedReleases(
  basics: readonly DiscogsBasicInformation[],
  storedHashes: ReadonlyMap<number, string>,
  nowMs: number,
): ReleaseRows[] {
  const changed = new Map<number, ReleaseRows>();
  for (const basic of basics) {
    if (changed.has(basic.id) || storedHashes.get(basic.id) === basicHash(basic)) continue;
    changed.set(basic.id, releaseRows(basic, nowMs));
  }
  return [...changed.values()];
}

export function instanceRows(item: DiscogsCollectionItem): InstanceRows {
  return {
    instance: {
      instance_id: item.instance_id,
      release_id: item.id,
      folder_id: item.folder_id,
      rating: item.rating,
      date_added: item.date_added,
      added_at: addedAtUtc(item.date_added),
    },
    notes: item.notes.map((note) => ({
      instance_id: item.instance_id,
      field_id: note.field_id,
      value: note.value,
    })),
  };
}

function sameInstance(rows: InstanceRows, stored: StoredInstance): boolean {
  const a = rows.instance;
  const b = stored.instance;
  if (
    a.release_id !== b.release_id ||
    a.folder_id !== b.folder_id ||
    a.rating !== b.rating ||
    a.date_added !== b.date_added ||
    a.added_at !== b.added_at
  ) {
    return false;
  }
  return (
    rows.notes.length === stored.notes.size &&
    rows.notes.every((note) => stored.notes.get(note.field_id) === note.value)
  );
}

export function planCollectionPage(
  items: readonly DiscogsCollectionItem[],
  stored: { instances: ReadonlyMap<number, StoredInstance>; releaseHashes: ReadonlyMap<number, string> },
  nowMs: number,
): CollectionPagePlan {
  const releases = changedReleases(
    items.map((item) => item.basic_information),
    stored.releaseHashes,
    nowMs,
  );
  const changedIds = new Set(releases.map((rows) => rows.release.id));
  const plan: CollectionPagePlan = { releases, inserts: [], updates: [], releaseOnlyUpdates: 0 };
  for (const item of items) {
    const rows = instanceRows(item);
    const existing = stored.instances.get(item.instance_id);
    if (!existing) plan.inserts.push(rows);
    else if (!sameInstance(rows, existing)) plan.updates.push(rows);
    else if (changedIds.has(item.id)) plan.releaseOnlyUpdates += 1;
  }
  return plan;
}

export function wantRow(want: DiscogsWant): WantlistTable {
  return {
    release_id: want.id,
    rating: want.rating,
    notes: want.notes,
    notes_public: want.notes_public ? 1 : 0,
    date_added: want.date_added,
    added_at: addedAtUtc(want.date_added),
  };
}

function sameWant(a: WantlistTable, b: WantlistTable): boolean {
  return (
    a.rating === b.rating &&
    a.notes === b.notes &&
    a.notes_public === b.notes_public &&
    a.date_added === b.date_added &&
    a.added_at === b.added_at
  );
}

export function planWantlistPage(
  wants: readonly DiscogsWant[],
  stored: { wants: ReadonlyMap<number, WantlistTable>; releaseHashes: ReadonlyMap<number, string> },
  nowMs: number,
): WantlistPagePlan {
  const plan: WantlistPagePlan = {
    releases: changedReleases(
      wants.map((want) => want.basic_information),
      stored.releaseHashes,
      nowMs,
    ),
    inserts: [],
    updates: [],
  };
  for (const want of wants) {
    const row = wantRow(want);
    const existing = stored.wants.get(row.release_id);
    if (!existing) plan.inserts.push(row);
    else if (!sameWant(row, existing)) plan.updates.push(row);
  }
  return plan;
}

export function isEmptyPlan(plan: CollectionPagePlan | WantlistPagePlan): boolean {
  return plan.releases.length === 0 && plan.inserts.length === 0 && plan.updates.length === 0;
}
