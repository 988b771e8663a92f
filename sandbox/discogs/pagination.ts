/** Discogs pagination: `page`/`per_page` (default 50, at most 100), the pagination object and the Link header. */
import type { Reply } from '../core/reply.ts';
import { notFound } from './errors.ts';

const AUTH_PARAMS = new Set(['token', 'key', 'secret', 'page', 'per_page']);

export interface PageRequest {
  page: number;
  perPage: number;
}

export function pageRequest(url: URL): PageRequest {
  const perPageRaw = Number.parseInt(url.searchParams.get('per_page') ?? '', 10);
  const pageRaw = Number.parseInt(url.searchParams.get('page') ?? '', 10);
  return {
    perPage: Number.isFinite(perPageRaw) && perPageRaw >= 1 ? Math.min(100, perPageRaw) : 50,
    page: Number.isFinite(pageRaw) && pageRaw >= 1 ? pageRaw : 1,
  };
}

export interface Page<T> {
  items: T[];
  pagination: {
    page: number;
    pages: number;
    per_page: number;
    items: number;
    urls: { first?: string; prev?: string; next?: string; last?: string };
  };
  /** The `Link` header value, or undefined when there is only one page. */
  link: string | undefined;
}

/**
 * One page of `all`. Only the applicable URLs appear (the first page has no first/prev; a single page
 * has `urls: {}`). Other query parameters (sort, sort_order...) are kept in the URLs; credentials are not.
 */
export function paginate<T>(all: readonly T[], url: URL, origin: string): Page<T> {
  const { page, perPage } = pageRequest(url);
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const pageUrl = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of url.searchParams) if (!AUTH_PARAMS.has(key)) params.append(key, value);
    params.set('page', String(n));
    params.set('per_page', String(perPage));
    return `${origin}${url.pathname}?${params.toString()}`;
  };
  const urls: Page<T>['pagination']['urls'] = {};
  if (page > 1) {
    urls.first = pageUrl(1);
    urls.prev = pageUrl(Math.min(page - 1, pages));
  }
  if (page < pages) {
    urls.next = pageUrl(page + 1);
    urls.last = pageUrl(pages);
  }
  const rels = (['next', 'first', 'last', 'prev'] as const).filter((rel) => urls[rel] !== undefined);
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    pagination: { page, pages, per_page: perPage, items: all.length, urls },
    link: rels.length > 0 ? rels.map((rel) => `<${urls[rel]}>; rel=${rel}`).join(', ') : undefined,
  };
}

/**
 * The live API's answer to a page past the last one of the database listings (search, artist and
 * label releases): 404 "Page N is outside of valid range [1, M]." (a client's recorded tests, 2026; the
 * docs are silent). Undefined when the page exists.
 */
export function pageOutOfRange(page: Page<unknown>): Reply | undefined {
  const { page: n, pages } = page.pagination;
  return n > pages ? notFound(`Page ${n} is outside of valid range [1, ${pages}].`) : undefined;
}
