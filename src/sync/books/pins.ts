import type { BooksConfig, BookUserConfig } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import { ShelfsyncError } from '../../core/errors.ts';
import { fetchBooks, fetchEdition } from '../../upstream/hardcover/catalog.ts';
import { createHardcoverClient } from '../../upstream/hardcover/client.ts';
import { capacityOf, chooseEdition, editionInfo } from './editions.ts';
import { loadItems, saveMatches } from './memory.ts';

/** Manual matching: `books match`, `books forget`, `books unmatched`. */

export interface Pinned {
  item: string;
  bookId: number;
  editionId: number | null;
  title: string;
}

/** Checks the id with Hardcover, then pins it; the item's outcomes are dropped so the next sync redoes it. */
export async function pinMatch(
  database: Database,
  books: BooksConfig,
  user: BookUserConfig,
  itemId: string,
  target: { kind: 'book' | 'edition'; id: number },
): Promise<Pinned> {
  const client = createHardcoverClient({
    url: user.hardcover.url,
    token: user.hardcover.token,
    perMinute: books.hardcover.per_minute,
    burst: books.hardcover.burst,
  });
  try {
    const hit =
      target.kind === 'edition'
        ? await fetchEdition(client, target.id)
        : await fetchBooks(client, [target.id]).then((list) =>
            list[0] ? { book: list[0], edition: null } : null,
          );
    if (!hit) {
      throw new ShelfsyncError(`Hardcover has no ${target.kind} with id ${target.id}.`, {
        code: 'usage',
        service: 'hardcover',
      });
    }
    const item = (await loadItems(database.db, [itemId])).get(itemId);
    const format = item && !item.hasAudio ? 'ebook' : 'audio';
    const named = hit.edition ? editionInfo(hit.edition) : null;
    const edition = named && capacityOf(named) ? named : chooseEdition(hit.book.editions, format);
    await database.transaction(async (trx) => {
      await saveMatches(
        trx,
        [{ itemId, match: { kind: 'match', bookId: hit.book.id, edition, source: 'pin', pinned: true } }],
        Date.now(),
      );
      await trx.deleteFrom('book_sync_state').where('abs_item_id', '=', itemId).execute();
    });
    return { item: itemId, bookId: hit.book.id, editionId: named?.id ?? null, title: hit.book.title };
  } finally {
    await client.http.close();
  }
}

export async function forgetMatch(database: Database, itemId: string): Promise<boolean> {
  return database.transaction(async (trx) => {
    const matches = await trx.deleteFrom('book_matches').where('abs_item_id', '=', itemId).executeTakeFirst();
    const states = await trx
      .deleteFrom('book_sync_state')
      .where('abs_item_id', '=', itemId)
      .executeTakeFirst();
    return Number(matches.numDeletedRows) + Number(states.numDeletedRows) > 0;
  });
}

export interface Unmatched {
  item: string;
  title: string;
  reason: string;
  users: string[];
}

export async function listUnmatched(database: Database): Promise<Unmatched[]> {
  const rows = await database.db
    .selectFrom('book_sync_state')
    .select(['abs_item_id', 'title', 'reason', 'user_id'])
    .where('outcome', '=', 'not_found')
    .orderBy('title')
    .orderBy('user_id')
    .execute();
  const byItem = new Map<string, Unmatched>();
  for (const row of rows) {
    const entry = byItem.get(row.abs_item_id) ?? {
      item: row.abs_item_id,
      title: row.title,
      reason: row.reason ?? 'not found',
      users: [],
    };
    entry.users.push(row.user_id);
    byItem.set(row.abs_item_id, entry);
  }
  return [...byItem.values()];
}
