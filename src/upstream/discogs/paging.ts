import type { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';
import type { DiscogsPagination } from './schemas.ts';

/** The most items Discogs lists per page. */
export const MAX_PER_PAGE = 100;

export interface DiscogsPage<T> {
  page: number;
  pages: number;
  /** Items in the whole list (`pagination.items`), as of this page. */
  total: number;
  perPage: number;
  items: T[];
}

export interface ListRequest<S extends z.ZodType<{ pagination: DiscogsPagination }>, T> {
  path: string;
  schema: S;
  items: (body: z.output<S>) => T[];
  query?: Record<string, string>;
  /** The first page to fetch (a resumed pass starts later). 1 by default. */
  startPage?: number;
  perPage?: number;
  /** Checked before each page: an aborted signal ends the listing after the page in hand. */
  signal?: AbortSignal;
}

/**
 * Pages through a Discogs list by page number, one request per page. Page numbers rather than
 * `pagination.urls.next`, so a proxy that rewrites hosts cannot send us elsewhere.
 */
export async function* listPages<S extends z.ZodType<{ pagination: DiscogsPagination }>, T>(
  client: HttpClient,
  request: ListRequest<S, T>,
): AsyncGenerator<DiscogsPage<T>> {
  const perPage = request.perPage ?? MAX_PER_PAGE;
  let page = Math.max(1, request.startPage ?? 1);
  for (;;) {
    if (request.signal?.aborted) return;
    const { data } = await client.request({
      path: request.path,
      query: { ...request.query, page: String(page), per_page: String(perPage) },
      schema: request.schema,
    });
    const { pagination } = data;
    yield {
      page: pagination.page,
      pages: pagination.pages,
      total: pagination.items,
      perPage: pagination.per_page,
      items: request.items(data),
    };
    if (pagination.page >= pagination.pages) return;
    page = pagination.page + 1;
  }
}
