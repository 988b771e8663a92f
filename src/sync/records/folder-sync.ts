import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { CollectionFieldsTable, CollectionFoldersTable } from '../../core/db/tables/records.ts';
import { ALL_FOLDER_ID } from '../../upstream/discogs/collection.ts';
import type { DiscogsCustomField, DiscogsFolder } from '../../upstream/discogs/schemas.ts';

type Db = Kysely<DatabaseSchema>;

/** Rows to insert or rewrite and ids to delete so that the stored rows equal `wanted`. */
export interface RowDiff<Row> {
  upserts: Row[];
  deletes: number[];
}

export function diffById<Row extends { id: number }>(
  stored: readonly Row[],
  wanted: readonly Row[],
): RowDiff<Row> {
  const before = new Map(stored.map((row) => [row.id, row]));
  const upserts = wanted.filter((row) => {
    const old = before.get(row.id);
    return !old || (Object.keys(row) as (keyof Row)[]).some((key) => old[key] !== row[key]);
  });
  const keep = new Set(wanted.map((row) => row.id));
  return { upserts, deletes: stored.filter((row) => !keep.has(row.id)).map((row) => row.id) };
}

export function folderRows(folders: readonly DiscogsFolder[]): CollectionFoldersTable[] {
  return folders
    .filter((folder) => folder.id !== ALL_FOLDER_ID)
    .map((folder) => ({ id: folder.id, name: folder.name, count: folder.count }));
}

export function fieldRows(fields: readonly DiscogsCustomField[]): CollectionFieldsTable[] {
  return fields.map((field) => ({
    id: field.id,
    name: field.name,
    type: field.type,
    position: field.position,
    public: field.public ? 1 : 0,
    options_json: field.options ? JSON.stringify(field.options) : null,
    lines: field.lines ?? null,
  }));
}

export async function folderDiff(
  db: Db,
  folders: readonly DiscogsFolder[],
): Promise<RowDiff<CollectionFoldersTable>> {
  return diffById(await db.selectFrom('collection_folders').selectAll().execute(), folderRows(folders));
}

export async function fieldDiff(
  db: Db,
  fields: readonly DiscogsCustomField[],
): Promise<RowDiff<CollectionFieldsTable>> {
  return diffById(await db.selectFrom('collection_fields').selectAll().execute(), fieldRows(fields));
}

export function diffSize(diff: RowDiff<unknown>): number {
  return diff.upserts.length + diff.deletes.length;
}

export async function applyFolderDiff(db: Db, diff: RowDiff<CollectionFoldersTable>): Promise<void> {
  if (diff.deletes.length > 0)
    await db.deleteFrom('collection_folders').where('id', 'in', diff.deletes).execute();
  if (diff.upserts.length === 0) return;
  await db
    .insertInto('collection_folders')
    .values(diff.upserts)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), count: eb.ref('excluded.count') })),
    )
    .execute();
}

export async function applyFieldDiff(db: Db, diff: RowDiff<CollectionFieldsTable>): Promise<void> {
  if (diff.deletes.length > 0)
    await db.deleteFrom('collection_fields').where('id', 'in', diff.deletes).execute();
  if (diff.upserts.length === 0) return;
  await db
    .insertInto('collection_fields')
    .values(diff.upserts)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        type: eb.ref('excluded.type'),
        position: eb.ref('excluded.position'),
        public: eb.ref('excluded.public'),
        options_json: eb.ref('excluded.options_json'),
        lines: eb.ref('excluded.lines'),
      })),
    )
    .execute();
}
