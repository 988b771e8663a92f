import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import { type PlaylistReport, playlistReportSchema } from '../report.ts';
import type { Overflow } from './plan-parts.ts';

const partsSchema = z.array(z.object({ urn: z.string(), tracks: z.array(z.string()) }));
export type StoredPart = z.infer<typeof partsSchema>[number];

export interface StoredPlaylist {
  name: string;
  query: string;
  private: boolean;
  overflow: Overflow;
  limit: number | null;
  parts: StoredPart[];
  report: PlaylistReport;
  createdAt: number;
  updatedAt: number;
}

export async function loadPlaylist(
  db: Kysely<DatabaseSchema>,
  name: string,
): Promise<StoredPlaylist | undefined> {
  const row = await db.selectFrom('playlists').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) return undefined;
  return {
    name: row.name,
    query: row.query,
    private: row.private === 1,
    overflow: row.overflow === 'cap' ? 'cap' : 'split',
    limit: row.track_limit,
    parts: partsSchema.parse(JSON.parse(row.parts_json)),
    report: playlistReportSchema.parse(JSON.parse(row.report_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPlaylists(db: Kysely<DatabaseSchema>): Promise<StoredPlaylist[]> {
  const rows = await db.selectFrom('playlists').select('name').orderBy('name').execute();
  const out: StoredPlaylist[] = [];
  for (const row of rows) {
    const playlist = await loadPlaylist(db, row.name);
    if (playlist) out.push(playlist);
  }
  return out;
}

/** Written after every remote write, so a crash never forgets a playlist SoundCloud already has. */
export async function savePlaylist(db: Kysely<DatabaseSchema>, playlist: StoredPlaylist): Promise<void> {
  const values = {
    query: playlist.query,
    private: playlist.private ? 1 : 0,
    overflow: playlist.overflow,
    track_limit: playlist.limit,
    parts_json: JSON.stringify(playlist.parts),
    report_json: JSON.stringify(playlist.report),
    updated_at: playlist.updatedAt,
  };
  await db
    .insertInto('playlists')
    .values({ name: playlist.name, created_at: playlist.createdAt, ...values })
    .onConflict((conflict) => conflict.column('name').doUpdateSet(values))
    .execute();
}
