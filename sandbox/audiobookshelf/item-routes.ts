import type { Reply } from '../core/reply.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { itemExpanded, itemOld } from './item-json.ts';
import { sendJson, sendStatus, sendText } from './replies.ts';
import { bodyObject } from './request-body.ts';
import { progressJson } from './user-json.ts';

/** LibraryItemController: one item, and the batch fetch. */

/** `GET /api/items/:id[?expanded=1&include=progress,rssfeed&episode=<id>]`. */
export function getItem(ctx: AbsContext, call: ApiCall): Reply {
  const entry = ctx.catalog.item(call.params[0] ?? '');
  if (!entry) return sendStatus(404);
  if (!ctx.state.canAccessItem(call.user, entry)) return sendStatus(403);
  const expanded = call.query.get('expanded');
  // `req.query.expanded == 1`: loose equality, so "1" and "01" both count.
  if (expanded === null || Number(expanded) !== 1) return sendJson(200, itemOld(entry));
  const include = (call.query.get('include') ?? '').split(',');
  const json = itemExpanded(entry);
  if (include.includes('progress')) {
    const row = ctx.state.findProgress(call.user, entry.item.id, call.query.get('episode') || null);
    json.userMediaProgress = row ? progressJson(row) : null;
  }
  if (include.includes('rssfeed')) json.rssFeed = null;
  return sendJson(200, json);
}

/**
 * `POST /api/items/batch/get {libraryItemIds}`: expanded items in the server's own order; unknown ids
 * are left out and, as on the real server, library access is not checked here.
 */
export function batchGetItems(ctx: AbsContext, call: ApiCall): Reply {
  const raw = bodyObject(call.body).libraryItemIds;
  const ids = Array.isArray(raw)
    ? raw.filter((id): id is string => typeof id === 'string')
    : typeof raw === 'string'
      ? [raw]
      : [];
  const given = Array.isArray(raw) ? raw.length : typeof raw === 'string' ? raw.length : 0;
  if (!given) return sendText(403, 'Invalid payload');
  const wanted = new Set(ids);
  const libraryItems = ctx.catalog.items.filter((entry) => wanted.has(entry.item.id)).map(itemExpanded);
  return sendJson(200, { libraryItems });
}
