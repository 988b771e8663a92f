/** Table interfaces of the books part, created by migrations/002-books.ts. Times are epoch ms. */

/** What shelfsync knows of an Audiobookshelf item: fetched once, again only when its progress changes. */
export interface BookItemsTable {
  abs_item_id: string;
  library_id: string;
  media_type: string;
  title: string;
  subtitle: string | null;
  /** JSON array of author names. */
  authors: string;
  isbn: string | null;
  asin: string | null;
  /** Seconds of audio; 0 for an ebook-only item. */
  duration: number;
  has_audio: number;
  has_ebook: number;
  fetched_at: number;
}

/**
 * The Hardcover book an ABS item is, or why none was found. A miss (`hc_book_id` null) expires at
 * `expires_at`; a pinned row (`books match`) is never replaced by automatic matching.
 */
export interface BookMatchesTable {
  abs_item_id: string;
  hc_book_id: number | null;
  /** JSON of the edition chosen to hold progress for this item, or null when none can. */
  edition_json: string | null;
  /** pin, shelf, asin, isbn, title_author, or miss. */
  source: string;
  pinned: number;
  reason: string | null;
  expires_at: number | null;
  matched_at: number;
}

/** Per user and item: the ABS progress last handled and its outcome, so unchanged books cost nothing. */
export interface BookSyncStateTable {
  user_id: string;
  abs_item_id: string;
  /** Null when the item must be looked at again (waiting for quota, failed). */
  fingerprint: string | null;
  outcome: string;
  reason: string | null;
  /** 1 when the daily quota ran out before this book was written: it goes first next run. */
  waiting: number;
  title: string;
  updated_at: number;
}

export interface BooksTables {
  book_items: BookItemsTable;
  book_matches: BookMatchesTable;
  book_sync_state: BookSyncStateTable;
}
