import type { Reply } from '../core/reply.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { episodeJson, itemMinified } from './item-json.ts';
import { isInProgress } from './progress-update.ts';
import { sendJson, sendStatus, sendText } from './replies.ts';
import { bodyObject, jsonObject } from './request-body.ts';
import { progressJson, userJson } from './user-json.ts';

/** MeController: the signed-in user, their progress and their listening sessions. */

/** utils.toNumber: a number, or the fallback when the value is missing or not numeric. */
export function toNumber(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  return Number.isNaN(n) ? fallback : n;
}

export function getMe(_ctx: AbsContext, call: ApiCall): Reply {
  return sendJson(200, userJson(call.user, { isOldToken: call.oldToken }));
}

export function getAllProgress(_ctx: AbsContext, call: ApiCall): Reply {
  return sendJson(200, { mediaProgress: call.user.progress.map(progressJson) });
}

export function getProgress(ctx: AbsContext, call: ApiCall): Reply {
  const [libraryItemId = '', episodeId] = call.params;
  const row = ctx.state.findProgress(call.user, libraryItemId, episodeId || null);
  return row ? sendJson(200, progressJson(row)) : sendStatus(404);
}

/** `PATCH /api/me/progress/:libraryItemId/:episodeId?`: create or update, answered with a bare OK. */
export function patchProgress(ctx: AbsContext, call: ApiCall): Reply {
  const [libraryItemId, episodeId] = call.params;
  const payload = { ...bodyObject(call.body), libraryItemId, episodeId };
  const result = ctx.state.writeProgress(call.user, payload, ctx.env.clock.now());
  return result.ok ? sendStatus(200) : sendText(result.status, result.message);
}

/** `PATCH /api/me/progress/batch/update`: per-item failures are skipped, the answer is OK anyway. */
export function batchUpdateProgress(ctx: AbsContext, call: ApiCall): Reply {
  if (!Array.isArray(call.body) || call.body.length === 0) return sendText(400, 'Missing request payload');
  for (const entry of call.body) {
    const payload = jsonObject.safeParse(entry);
    const fields = payload.success && !Array.isArray(entry) ? payload.data : {};
    ctx.state.writeProgress(call.user, fields, ctx.env.clock.now());
  }
  return sendStatus(200);
}

/** `DELETE /api/me/progress/:id`: the id is the progress row's own id, not the item's. */
export function deleteProgress(_ctx: AbsContext, call: ApiCall): Reply {
  const [id] = call.params;
  const index = call.user.progress.findIndex((row) => row.id === id);
  if (index < 0) return sendStatus(404);
  call.user.progress.splice(index, 1);
  return sendStatus(200);
}

export function removeFromContinueListening(ctx: AbsContext, call: ApiCall): Reply {
  const [id] = call.params;
  const index = call.user.progress.findIndex((row) => row.id === id);
  const row = call.user.progress[index];
  if (!row) return sendStatus(404);
  if (!row.hideFromContinueListening) {
    call.user.progress[index] = { ...row, hideFromContinueListening: true, lastUpdate: ctx.env.clock.now() };
  }
  return sendJson(200, userJson(call.user));
}

/** `GET /api/me/items-in-progress?limit=25`: unfinished rows with time or ebook progress, newest first. */
export function itemsInProgress(ctx: AbsContext, call: ApiCall): Reply {
  const rawLimit = call.query.get('limit');
  const limit = rawLimit !== null && !Number.isNaN(Number(rawLimit)) ? Number(rawLimit) || 25 : 25;
  const items: Record<string, unknown>[] = [];
  for (const row of call.user.progress) {
    if (!isInProgress(row)) continue;
    const entry = ctx.catalog.item(row.libraryItemId);
    if (!entry) continue;
    if (row.mediaItemType === 'podcastEpisode') {
      if (entry.item.mediaType !== 'podcast') continue;
      const index = entry.item.episodes.findIndex((episode) => episode.id === row.mediaItemId);
      const episode = entry.item.episodes[index];
      if (!episode) continue;
      items.push({
        ...itemMinified(entry),
        recentEpisode: episodeJson(entry, episode, index),
        progressLastUpdate: row.lastUpdate,
      });
    } else {
      items.push({ ...itemMinified(entry), progressLastUpdate: row.lastUpdate });
    }
  }
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) => Number(b.item.progressLastUpdate) - Number(a.item.progressLastUpdate) || a.index - b.index,
    )
    .map(({ item }) => item);
  return sendJson(200, { libraryItems: sorted.slice(0, limit) });
}

/** A page of listening sessions; the generated world records none, so every page is empty. */
export function sessionsPage(query: URLSearchParams): Record<string, unknown> {
  const itemsPerPage = toNumber(query.get('itemsPerPage'), 10) || 10;
  const page = toNumber(query.get('page'), 0);
  return { total: 0, numPages: 0, page, itemsPerPage, sessions: [] };
}

export function listeningSessions(_ctx: AbsContext, call: ApiCall): Reply {
  return sendJson(200, sessionsPage(call.query));
}

export function itemListeningSessions(ctx: AbsContext, call: ApiCall): Reply {
  const [libraryItemId = '', episodeId] = call.params;
  const entry = ctx.catalog.item(libraryItemId);
  const episode = episodeId ? ctx.catalog.episode(episodeId) : undefined;
  if (!entry || (entry.item.mediaType === 'podcast' && !episode)) return sendStatus(404);
  if (!ctx.state.canAccessItem(call.user, entry)) return sendStatus(403);
  return sendJson(200, sessionsPage(call.query));
}
