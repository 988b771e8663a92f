import { json, type Reply } from '../core/reply.ts';
import { isAuthenticated } from './auth.ts';
import {
  artistPageJson,
  artistReleaseRows,
  labelPageJson,
  labelReleaseRows,
  parseListingSort,
} from './entity-bodies.ts';
import { MESSAGES, notFound, unauthenticated } from './errors.ts';
import { pageOutOfRange, paginate } from './pagination.ts';
import { idParam, type Route, type RouteContext, route } from './router.ts';
import { readSearchQuery, runSearch } from './search-index.ts';
import { searchResultJson } from './search-results.ts';
import type { UserShelf } from './store.ts';

/** The signed-in user's own shelf, for `user_data` and the `stats.user` counts. */
function callerShelf(ctx: RouteContext): UserShelf | undefined {
  return ctx.caller.kind === 'user' ? ctx.store.shelf(ctx.caller.user.username) : undefined;
}

function pageReply(ctx: RouteContext, listKey: string, rows: readonly Record<string, unknown>[]): Reply {
  const page = paginate(rows, ctx.request.url, ctx.origin);
  const outOfRange = pageOutOfRange(page);
  if (outOfRange) return outOfRange;
  return json(
    200,
    { pagination: page.pagination, [listKey]: page.items },
    page.link ? { link: page.link } : {},
  );
}

/** Artists, labels and the database search (developer docs, Database section). */
export function entityRoutes(): Route[] {
  return [
    route('GET', '/artists/:artist_id', (ctx) => {
      const id = idParam(ctx, 'artist_id');
      const artist = id === undefined ? undefined : ctx.store.entities.artists.get(id);
      return artist ? json(200, artistPageJson(artist, ctx.origin)) : notFound(MESSAGES.artistNotFound);
    }),
    route('GET', '/artists/:artist_id/releases', (ctx) => {
      const id = idParam(ctx, 'artist_id');
      const artist = id === undefined ? undefined : ctx.store.entities.artists.get(id);
      if (!artist) return notFound(MESSAGES.artistNotFound);
      const rows = artistReleaseRows(artist, ctx.origin, callerShelf(ctx), parseListingSort(ctx.request.url));
      return pageReply(ctx, 'releases', rows);
    }),
    route('GET', '/labels/:label_id', (ctx) => {
      const id = idParam(ctx, 'label_id');
      const label = id === undefined ? undefined : ctx.store.entities.labels.get(id);
      return label ? json(200, labelPageJson(label, ctx.origin)) : notFound(MESSAGES.labelNotFound);
    }),
    route('GET', '/labels/:label_id/releases', (ctx) => {
      const id = idParam(ctx, 'label_id');
      const label = id === undefined ? undefined : ctx.store.entities.labels.get(id);
      if (!label) return notFound(MESSAGES.labelNotFound);
      return pageReply(ctx, 'releases', labelReleaseRows(label, ctx.origin, callerShelf(ctx)));
    }),
    // "Authentication (as any user) is required": a personal token or an app's key/secret.
    route('GET', '/database/search', (ctx) => {
      if (!isAuthenticated(ctx.caller)) return unauthenticated();
      const hits = runSearch(ctx.store.searchDocuments(), readSearchQuery(ctx.request.url.searchParams));
      const page = paginate(hits, ctx.request.url, ctx.origin);
      const outOfRange = pageOutOfRange(page);
      if (outOfRange) return outOfRange;
      const shelf = callerShelf(ctx);
      const results = page.items.map((document) => searchResultJson(document, ctx.origin, shelf));
      return json(200, { pagination: page.pagination, results }, page.link ? { link: page.link } : {});
    }),
  ];
}
