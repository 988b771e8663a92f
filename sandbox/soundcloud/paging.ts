import { json, type Reply } from '../core/reply.ts';

/**
 * SoundCloud's paging: `limit` (1–200, default 50), the deprecated `offset`, and
 * `linked_partitioning=true`, which wraps a page as `{collection, next_href}` where next_href is an
 * absolute URL carrying an opaque `cursor`. Without linked_partitioning the page is a bare array.
 * On the last page next_href is left out: the spec types it as a non-null string.
 * `page_size` is read as `limit` when `limit` is absent: the spec's example next_href links
 * (components/examples Tracks, Playlists, Users) and real ones (soundcloud/api#309, #485) carry it.
 */
export interface PageRequest {
  limit: number;
  offset: number;
  linked: boolean;
}

export const DEFAULT_LIMIT = 50;
/** Keys a next_href sets afresh: the position and the page size under either of its names. */
const PAGE_KEYS = new Set(['offset', 'cursor', 'limit', 'page_size']);
export const MAX_LIMIT = 200;

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

export function isTrue(value: string | null): boolean {
  return value !== null && ['true', '1'].includes(value.toLowerCase());
}

/** Reads the paging parameters, or says which one is wrong. */
export function readPaging(query: URLSearchParams): PageRequest | { error: string } {
  let limit = DEFAULT_LIMIT;
  const limitText = query.get('limit') ?? query.get('page_size');
  if (limitText !== null) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT) {
      return { error: `limit must be an integer between 1 and ${MAX_LIMIT}` };
    }
    limit = Number(limitText);
  }
  let offset = 0;
  const cursor = query.get('cursor');
  const offsetText = query.get('offset');
  if (cursor !== null) {
    const decoded = decodeCursor(cursor);
    if (decoded === undefined) return { error: 'invalid cursor' };
    offset = decoded;
  } else if (offsetText !== null) {
    if (!/^\d+$/.test(offsetText)) return { error: 'offset must be a non-negative integer' };
    offset = Number(offsetText);
  }
  return { limit, offset, linked: isTrue(query.get('linked_partitioning')) };
}

export function pageReply<T>(
  items: readonly T[],
  page: PageRequest,
  requestUrl: URL,
  origin: string,
  present: (item: T) => unknown,
): Reply {
  const slice = items.slice(page.offset, page.offset + page.limit).map(present);
  if (!page.linked) return json(200, slice);
  const body: { collection: unknown[]; next_href?: string } = { collection: slice };
  const nextOffset = page.offset + page.limit;
  if (nextOffset < items.length) {
    const next = new URL(requestUrl.pathname, origin);
    for (const [key, value] of requestUrl.searchParams) {
      if (!PAGE_KEYS.has(key)) next.searchParams.append(key, value);
    }
    next.searchParams.set('limit', String(page.limit));
    next.searchParams.set('cursor', encodeCursor(nextOffset));
    body.next_href = next.toString();
  }
  return json(200, body);
}
