import type { MatchStrategy } from '../../core/config/index.ts';
import type { ShelfEntry } from '../../upstream/hardcover/library.ts';
import type { HcBook } from '../../upstream/hardcover/shapes.ts';
import { chooseEdition, type EditionInfo } from './editions.ts';
import type { HardcoverSession } from './hardcover-session.ts';
import {
  bestSearchHit,
  booksOfHits,
  byIdentifier,
  type Found,
  hasIdentifier,
  type ItemToMatch,
  identifierLookup,
  indexByIdentifier,
  matchOnShelf,
} from './match.ts';
import type { MatchRecord, MatchSource, StoredMatch } from './memory.ts';
import { searchQuery } from './text-match.ts';

/**
 * Matching in passes of falling fidelity: pin, remembered result, the user's shelf, editions by
 * identifier (batched), then one title/author search per book. New results are returned for the
 * caller to store with the outcome.
 */

export type Resolved =
  | { kind: 'match'; bookId: number; edition: EditionInfo | null; source: MatchSource; pinned: boolean }
  | { kind: 'miss'; reason: string };

export interface MatchInput {
  items: readonly ItemToMatch[];
  stored: ReadonlyMap<string, StoredMatch>;
  session: HardcoverSession;
  order: readonly MatchStrategy[];
  threshold: number;
  missTtlMs: number;
  now: number;
  /** The user's shelf, fetched once on first need. */
  shelf: () => Promise<readonly ShelfEntry[]>;
}

export interface MatchOutput {
  resolved: Map<string, Resolved>;
  records: Map<string, MatchRecord>;
}

const IDENTIFIER_BATCH = 50;

function fromFound(item: ItemToMatch, found: Found): Resolved {
  return {
    kind: 'match',
    bookId: found.book.id,
    edition: chooseEdition(found.book.editions, item.format, found.editionId),
    source: found.source,
    pinned: false,
  };
}

export async function matchItems(input: MatchInput): Promise<MatchOutput> {
  const resolved = new Map<string, Resolved>();
  const records = new Map<string, MatchRecord>();
  const claimed = new Set<number>();
  const settle = (item: ItemToMatch, result: Resolved) => {
    resolved.set(item.itemId, result);
    if (result.kind === 'match') claimed.add(result.bookId);
    const match: StoredMatch =
      result.kind === 'match'
        ? {
            kind: 'match',
            bookId: result.bookId,
            edition: result.edition,
            source: result.source,
            pinned: false,
          }
        : { kind: 'miss', reason: result.reason, expiresAt: input.now + input.missTtlMs };
    records.set(item.itemId, { itemId: item.itemId, match });
  };

  let pending: ItemToMatch[] = [];
  for (const item of input.items) {
    const stored = input.stored.get(item.itemId);
    if (stored?.kind === 'match') {
      resolved.set(item.itemId, { ...stored, kind: 'match' });
      claimed.add(stored.bookId);
    } else if (stored?.kind === 'miss' && stored.expiresAt !== null && stored.expiresAt > input.now) {
      resolved.set(item.itemId, { kind: 'miss', reason: stored.reason });
    } else {
      pending.push(item);
    }
  }
  if (pending.length === 0) return { resolved, records };

  const shelf = (await input.shelf()).map((entry) => entry.book);
  const shelfIndex = indexByIdentifier(shelf);
  pending = pending.filter((item) => {
    const found = matchOnShelf(item, shelf, shelfIndex, input.order, input.threshold);
    if (found) settle(item, fromFound(item, found));
    return !found;
  });

  const withIds = pending.filter((item) => hasIdentifier(item, input.order));
  for (let i = 0; i < withIds.length; i += IDENTIFIER_BATCH) {
    const batch = withIds.slice(i, i + IDENTIFIER_BATCH);
    const hits = await input.session.editions(identifierLookup(batch, input.order));
    const index = indexByIdentifier(booksOfHits(hits));
    for (const item of batch) {
      const hit = byIdentifier(item, index, input.order);
      if (hit) settle(item, fromFound(item, hit));
    }
  }
  pending = pending.filter((item) => !resolved.has(item.itemId));

  if (input.order.includes('title_author')) {
    const chosen = new Map<string, number>();
    for (const item of pending) {
      const hits = await input.session.search(searchQuery(item));
      const best = bestSearchHit(item, hits, input.threshold, claimed);
      if (best) {
        chosen.set(item.itemId, best.bookId);
        claimed.add(best.bookId);
      }
    }
    const books = new Map<number, HcBook>(
      (await input.session.books([...new Set(chosen.values())])).map((book) => [book.id, book]),
    );
    for (const item of pending) {
      const book = books.get(chosen.get(item.itemId) ?? -1);
      if (book) settle(item, fromFound(item, { book, source: 'title_author' }));
    }
  }
  for (const item of pending) {
    if (resolved.has(item.itemId)) continue;
    settle(item, {
      kind: 'miss',
      reason: input.order.includes('title_author')
        ? hasIdentifier(item, input.order)
          ? 'no Hardcover edition has its ASIN or ISBN, and no search hit scored high enough'
          : 'it has no ASIN or ISBN, and no search hit scored high enough'
        : 'no Hardcover edition has its ASIN or ISBN',
    });
  }
  return { resolved, records };
}
