import type { MatchStrategy } from '../../core/config/index.ts';
import type { EditionHit, SearchHit } from '../../upstream/hardcover/catalog.ts';
import type { HcBook } from '../../upstream/hardcover/shapes.ts';
import type { ItemIdentifiers } from './identifiers.ts';
import { normaliseIsbn } from './identifiers.ts';
import { type Described, matchScore, SCORE_WITHOUT_TITLE, titleTokens } from './text-match.ts';

/** The pure passes of matching: against the user's shelf, against edition hits, against search hits. */

export interface ItemToMatch extends Described {
  itemId: string;
  identifiers: ItemIdentifiers;
  format: 'audio' | 'ebook';
}

export interface Found {
  book: HcBook;
  /** The edition the identifier named, when one did. */
  editionId?: number;
  source: 'shelf' | 'asin' | 'isbn' | 'title_author';
}

interface IdentifierIndex {
  asin: Map<string, { book: HcBook; editionId: number }>;
  isbn10: Map<string, { book: HcBook; editionId: number }>;
  isbn13: Map<string, { book: HcBook; editionId: number }>;
}

/** Every identifier of these books' editions, for lookups by ASIN and ISBN. */
export function indexByIdentifier(books: readonly HcBook[]): IdentifierIndex {
  const index: IdentifierIndex = { asin: new Map(), isbn10: new Map(), isbn13: new Map() };
  for (const book of books) {
    for (const edition of book.editions) {
      const entry = { book, editionId: edition.id };
      if (edition.asin && !index.asin.has(edition.asin.toUpperCase()))
        index.asin.set(edition.asin.toUpperCase(), entry);
      for (const raw of [edition.isbn_10, edition.isbn_13]) {
        const isbns = raw ? normaliseIsbn(raw) : null;
        if (isbns?.isbn10 && !index.isbn10.has(isbns.isbn10)) index.isbn10.set(isbns.isbn10, entry);
        if (isbns?.isbn13 && !index.isbn13.has(isbns.isbn13)) index.isbn13.set(isbns.isbn13, entry);
      }
    }
  }
  return index;
}

/** The first identifier hit, in the configured order. */
export function byIdentifier(
  item: ItemToMatch,
  index: IdentifierIndex,
  order: readonly MatchStrategy[],
): { book: HcBook; editionId: number; source: 'asin' | 'isbn' } | null {
  for (const strategy of order) {
    if (strategy === 'asin' && item.identifiers.asin) {
      const hit = index.asin.get(item.identifiers.asin);
      if (hit) return { ...hit, source: 'asin' };
    }
    if (strategy === 'isbn') {
      const hit =
        (item.identifiers.isbn13 ? index.isbn13.get(item.identifiers.isbn13) : undefined) ??
        (item.identifiers.isbn10 ? index.isbn10.get(item.identifiers.isbn10) : undefined);
      if (hit) return { ...hit, source: 'isbn' };
    }
  }
  return null;
}

/** The best-scoring book at or above the threshold (0..100), or null. Ties go to the first. */
export function byTitleAuthor<T extends Described>(
  item: Described,
  candidates: readonly T[],
  threshold: number,
): { candidate: T; score: number } | null {
  let best: { candidate: T; score: number } | null = null;
  for (const candidate of candidates) {
    const score = matchScore(item, candidate);
    if (score >= threshold && (!best || score > best.score)) best = { candidate, score };
  }
  return best;
}

/** Per shelf: title word → positions of the books whose title (any variant) has it. */
const titleIndexes = new WeakMap<readonly HcBook[], Map<string, number[]>>();

function titleIndex(shelf: readonly HcBook[]): Map<string, number[]> {
  let index = titleIndexes.get(shelf);
  if (!index) {
    index = new Map();
    shelf.forEach((book, position) => {
      for (const token of titleTokens(book)) {
        const positions = index?.get(token);
        if (positions) positions.push(position);
        else index?.set(token, [position]);
      }
    });
    titleIndexes.set(shelf, index);
  }
  return index;
}

/**
 * The shelf books that could score `threshold`: above what authors alone can score, only books
 * sharing a title word with the item, in shelf order (ties still go to the first).
 */
export function titleCandidates(item: Described, shelf: readonly HcBook[], threshold: number): HcBook[] {
  if (threshold <= SCORE_WITHOUT_TITLE) return [...shelf];
  const index = titleIndex(shelf);
  const positions = new Set<number>();
  for (const token of titleTokens(item))
    for (const position of index.get(token) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => shelf[position] as HcBook);
}

/** Shelf pass: the user's own books by identifier, then (if allowed) by title and author. */
export function matchOnShelf(
  item: ItemToMatch,
  shelf: readonly HcBook[],
  index: IdentifierIndex,
  order: readonly MatchStrategy[],
  threshold: number,
): Found | null {
  const hit = byIdentifier(item, index, order);
  if (hit) return { book: hit.book, editionId: hit.editionId, source: 'shelf' };
  if (!order.includes('title_author')) return null;
  const best = byTitleAuthor(item, titleCandidates(item, shelf, threshold), threshold);
  return best ? { book: best.candidate, source: 'shelf' } : null;
}

/** The identifiers of many items, in the three lists one `_in` query takes. */
export function identifierLookup(items: readonly ItemToMatch[], order: readonly MatchStrategy[]) {
  const asins = new Set<string>();
  const isbn10s = new Set<string>();
  const isbn13s = new Set<string>();
  for (const { identifiers } of items) {
    if (order.includes('asin') && identifiers.asin) asins.add(identifiers.asin);
    if (order.includes('isbn')) {
      if (identifiers.isbn10) isbn10s.add(identifiers.isbn10);
      if (identifiers.isbn13) isbn13s.add(identifiers.isbn13);
    }
  }
  return { asins: [...asins], isbn10s: [...isbn10s], isbn13s: [...isbn13s] };
}

export function hasIdentifier(item: ItemToMatch, order: readonly MatchStrategy[]): boolean {
  const { asin, isbn10, isbn13 } = item.identifiers;
  return (
    (order.includes('asin') && asin !== null) ||
    (order.includes('isbn') && (isbn10 !== null || isbn13 !== null))
  );
}

export function booksOfHits(hits: readonly EditionHit[]): HcBook[] {
  return [...new Map(hits.map((hit) => [hit.book.id, hit.book])).values()];
}

/** Search pass: the best hit not already claimed by another item. */
export function bestSearchHit(
  item: Described,
  hits: readonly SearchHit[],
  threshold: number,
  claimed: ReadonlySet<number>,
): SearchHit | null {
  return (
    byTitleAuthor(
      item,
      hits.filter((hit) => !claimed.has(hit.bookId)),
      threshold,
    )?.candidate ?? null
  );
}
