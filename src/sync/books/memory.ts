import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/database.ts';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { AbsItemDetails } from '../../upstream/audiobookshelf/items.ts';
import type { EditionInfo } from './editions.ts';

/** The books sync's local memory: item details, matches (and misses), and per-user outcomes. */

type Db = Kysely<DatabaseSchema>;

const CHUNK = 400;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export async function loadItems(db: Db, ids: readonly string[]): Promise<Map<string, AbsItemDetails>> {
  const out = new Map<string, AbsItemDetails>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('book_items').selectAll().where('abs_item_id', 'in', part).execute();
    for (const row of rows) {
      out.set(row.abs_item_id, {
        id: row.abs_item_id,
        libraryId: row.library_id,
        mediaType: row.media_type,
        title: row.title,
        subtitle: row.subtitle,
        authors: JSON.parse(row.authors) as string[],
        isbn: row.isbn,
        asin: row.asin,
        duration: row.duration,
        hasAudio: row.has_audio === 1,
        hasEbook: row.has_ebook === 1,
      });
    }
  }
  return out;
}

export async function saveItems(db: Db, items: readonly AbsItemDetails[], now: number): Promise<void> {
  for (const item of items) {
    const row = {
      abs_item_id: item.id,
      library_id: item.libraryId,
      media_type: item.mediaType,
      title: item.title,
      subtitle: item.subtitle,
      authors: JSON.stringify(item.authors),
      isbn: item.isbn,
      asin: item.asin,
      duration: item.duration,
      has_audio: item.hasAudio ? 1 : 0,
      has_ebook: item.hasEbook ? 1 : 0,
      fetched_at: now,
    };
    await db
      .insertInto('book_items')
      .values(row)
      .onConflict((conflict) => conflict.column('abs_item_id').doUpdateSet(row))
      .execute();
  }
}

export type MatchSource = 'pin' | 'shelf' | 'asin' | 'isbn' | 'title_author';

export type StoredMatch =
  | { kind: 'match'; bookId: number; edition: EditionInfo | null; source: MatchSource; pinned: boolean }
  | { kind: 'miss'; reason: string; expiresAt: number | null };

export async function loadMatches(db: Db, ids: readonly string[]): Promise<Map<string, StoredMatch>> {
  const out = new Map<string, StoredMatch>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('book_matches').selectAll().where('abs_item_id', 'in', part).execute();
    for (const row of rows) {
      out.set(
        row.abs_item_id,
        row.hc_book_id === null
          ? { kind: 'miss', reason: row.reason ?? 'not found', expiresAt: row.expires_at }
          : {
              kind: 'match',
              bookId: row.hc_book_id,
              edition: row.edition_json ? (JSON.parse(row.edition_json) as EditionInfo) : null,
              source: row.source as MatchSource,
              pinned: row.pinned === 1,
            },
      );
    }
  }
  return out;
}

export interface MatchRecord {
  itemId: string;
  match: StoredMatch;
}

export async function saveMatches(db: Db, records: readonly MatchRecord[], now: number): Promise<void> {
  for (const { itemId, match } of records) {
    const row =
      match.kind === 'match'
        ? {
            abs_item_id: itemId,
            hc_book_id: match.bookId,
            edition_json: match.edition ? JSON.stringify(match.edition) : null,
            source: match.source,
            pinned: match.pinned ? 1 : 0,
            reason: null,
            expires_at: null,
            matched_at: now,
          }
        : {
            abs_item_id: itemId,
            hc_book_id: null,
            edition_json: null,
            source: 'miss',
            pinned: 0,
            reason: match.reason,
            expires_at: match.expiresAt,
            matched_at: now,
          };
    await db
      .insertInto('book_matches')
      .values(row)
      .onConflict((conflict) => conflict.column('abs_item_id').doUpdateSet(row))
      .execute();
  }
}

export interface SyncStateRow {
  itemId: string;
  fingerprint: string | null;
  outcome: string;
  reason: string | null;
  waiting: boolean;
  title: string;
}

export async function loadStates(db: Db, userId: string): Promise<Map<string, SyncStateRow>> {
  const rows = await db.selectFrom('book_sync_state').selectAll().where('user_id', '=', userId).execute();
  return new Map(
    rows.map((row) => [
      row.abs_item_id,
      {
        itemId: row.abs_item_id,
        fingerprint: row.fingerprint,
        outcome: row.outcome,
        reason: row.reason,
        waiting: row.waiting === 1,
        title: row.title,
      },
    ]),
  );
}

export async function saveStates(
  db: Db,
  userId: string,
  states: readonly SyncStateRow[],
  now: number,
): Promise<void> {
  for (const state of states) {
    const row = {
      user_id: userId,
      abs_item_id: state.itemId,
      fingerprint: state.fingerprint,
      outcome: state.outcome,
      reason: state.reason,
      waiting: state.waiting ? 1 : 0,
      title: state.title,
      updated_at: now,
    };
    await db
      .insertInto('book_sync_state')
      .values(row)
      .onConflict((conflict) => conflict.columns(['user_id', 'abs_item_id']).doUpdateSet(row))
      .execute();
  }
}

/** Records matches and outcomes together: the memory never says more than what was done. */
export async function recordOutcome(
  database: Database,
  userId: string,
  matches: readonly MatchRecord[],
  states: readonly SyncStateRow[],
  now: number,
): Promise<void> {
  if (matches.length === 0 && states.length === 0) return;
  await database.transaction(async (trx) => {
    await saveMatches(trx, matches, now);
    await saveStates(trx, userId, states, now);
  });
}
