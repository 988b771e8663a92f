import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { RecordsSyncStateTable, WantlistTable } from '../../core/db/tables/records.ts';
import type { InstanceRows, StoredInstance } from './collection-plan.ts';
import { insertAll, insertChunks } from './release-store.ts';

type Db = Kysely<DatabaseSchema>;
export type ListName = RecordsSyncStateTable['list'];

const IDS_PER_STATEMENT = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IDS_PER_STATEMENT) {
    out.push(items.slice(start, start + IDS_PER_STATEMENT));
  }
  return out;
}

export async function loadStoredInstances(
  db: Db,
  instanceIds: readonly number[],
): Promise<Map<number, StoredInstance>> {
  if (instanceIds.length === 0) return new Map();
  const ids = [...new Set(instanceIds)];
  const instances = await db
    .selectFrom('collection_instances')
    .selectAll()
    .where('instance_id', 'in', ids)
    .execute();
  const notes = await db.selectFrom('instance_notes').selectAll().where('instance_id', 'in', ids).execute();
  const notesOf = new Map<number, Map<number, string>>();
  for (const note of notes) {
    const map = notesOf.get(note.instance_id) ?? new Map<number, string>();
    map.set(note.field_id, note.value);
    notesOf.set(note.instance_id, map);
  }
  return new Map(
    instances.map((instance) => [
      instance.instance_id,
      { instance, notes: notesOf.get(instance.instance_id) ?? new Map() },
    ]),
  );
}

/** Inserts new instances and rewrites changed ones (their notes replaced as a whole). */
export async function writeInstances(db: Db, rows: readonly InstanceRows[]): Promise<void> {
  if (rows.length === 0) return;
  for (const chunk of insertChunks(rows)) {
    await db
      .insertInto('collection_instances')
      .values(chunk.map((row) => row.instance))
      .onConflict((oc) =>
        oc.column('instance_id').doUpdateSet((eb) => ({
          release_id: eb.ref('excluded.release_id'),
          folder_id: eb.ref('excluded.folder_id'),
          rating: eb.ref('excluded.rating'),
          date_added: eb.ref('excluded.date_added'),
          added_at: eb.ref('excluded.added_at'),
        })),
      )
      .execute();
  }
  await db
    .deleteFrom('instance_notes')
    .where(
      'instance_id',
      'in',
      rows.map((row) => row.instance.instance_id),
    )
    .execute();
  await insertAll(
    db,
    'instance_notes',
    rows.flatMap((row) => row.notes),
  );
}

export async function loadStoredWants(
  db: Db,
  releaseIds: readonly number[],
): Promise<Map<number, WantlistTable>> {
  if (releaseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('wantlist')
    .selectAll()
    .where('release_id', 'in', [...new Set(releaseIds)])
    .execute();
  return new Map(rows.map((row) => [row.release_id, row]));
}

export async function writeWants(db: Db, rows: readonly WantlistTable[]): Promise<void> {
  for (const chunk of insertChunks(rows)) {
    await db
      .insertInto('wantlist')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('release_id').doUpdateSet((eb) => ({
          rating: eb.ref('excluded.rating'),
          notes: eb.ref('excluded.notes'),
          notes_public: eb.ref('excluded.notes_public'),
          date_added: eb.ref('excluded.date_added'),
          added_at: eb.ref('excluded.added_at'),
        })),
      )
      .execute();
  }
}

/** Every stored id of a list: instance ids of the collection, release ids of the wantlist. */
export async function storedIds(db: Db, list: ListName): Promise<number[]> {
  if (list === 'collection') {
    const rows = await db.selectFrom('collection_instances').select('instance_id').execute();
    return rows.map((row) => row.instance_id);
  }
  const rows = await db.selectFrom('wantlist').select('release_id').execute();
  return rows.map((row) => row.release_id);
}

export async function deleteFromList(db: Db, list: ListName, ids: readonly number[]): Promise<void> {
  for (const chunk of chunks(ids)) {
    if (list === 'collection')
      await db.deleteFrom('collection_instances').where('instance_id', 'in', chunk).execute();
    else await db.deleteFrom('wantlist').where('release_id', 'in', chunk).execute();
  }
}

export interface ListProgress {
  state: RecordsSyncStateTable;
  seen: Set<number>;
}

export async function loadProgress(db: Db, list: ListName): Promise<ListProgress | undefined> {
  const state = await db
    .selectFrom('records_sync_state')
    .selectAll()
    .where('list', '=', list)
    .executeTakeFirst();
  if (!state) return undefined;
  const seen = await db.selectFrom('records_sync_seen').select('id').where('list', '=', list).execute();
  return { state, seen: new Set(seen.map((row) => row.id)) };
}

/** Records how far a pass got, with the ids it has seen that are not recorded yet. */
export async function saveProgress(
  db: Db,
  state: RecordsSyncStateTable,
  newlySeen: readonly number[],
): Promise<void> {
  await db
    .insertInto('records_sync_state')
    .values(state)
    .onConflict((oc) =>
      oc.column('list').doUpdateSet((eb) => ({
        username: eb.ref('excluded.username'),
        next_page: eb.ref('excluded.next_page'),
        per_page: eb.ref('excluded.per_page'),
        items: eb.ref('excluded.items'),
        started_at: eb.ref('excluded.started_at'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  // Ids left by an earlier pass that could not be resumed may already be there.
  for (const chunk of chunks(newlySeen)) {
    await db
      .insertInto('records_sync_seen')
      .values(chunk.map((id) => ({ list: state.list, id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function clearProgress(db: Db, list: ListName): Promise<void> {
  await db.deleteFrom('records_sync_state').where('list', '=', list).execute();
  await db.deleteFrom('records_sync_seen').where('list', '=', list).execute();
}
