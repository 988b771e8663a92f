import type { Reply } from '../core/reply.ts';
import { type AbsContext, type ApiCall, isAdminOrUp } from './context.ts';
import { sessionsPage } from './me-routes.ts';
import { sendJson, sendStatus } from './replies.ts';
import type { UserRecord } from './state.ts';
import { loginPayload, progressJson, userJson } from './user-json.ts';

/** UserController (admins, or a user asking about themself) and `POST /api/authorize`. */

/** UserController.middleware: admins see anyone; others only themselves. */
function resolveUser(ctx: AbsContext, call: ApiCall): UserRecord | Reply {
  const id = call.params[0];
  if (!isAdminOrUp(call.user) && call.user.user.id !== id) return sendStatus(403);
  return ctx.state.userById(id) ?? sendStatus(404);
}

function isUser(value: UserRecord | Reply): value is UserRecord {
  return 'permissions' in value;
}

/** `GET /api/users` (admin): minimal user JSON, without progress or bookmarks. */
export function getUsers(ctx: AbsContext, call: ApiCall): Reply {
  const includes = (call.query.get('include') ?? '').split(',').map((v) => v.trim());
  const hideRootToken = call.user.user.type !== 'root';
  const users = ctx.state.users.map((record) => {
    const json = userJson(record, { hideRootToken, minimal: true });
    if (includes.includes('latestSession')) json.latestSession = null;
    return json;
  });
  return sendJson(200, { users });
}

/**
 * `GET /api/users/:id` (admin): the user with each progress row's display title. The route's
 * handler refuses every non-admin after the middleware, so a user asking about themself gets 403
 * too (seen on a running v2.36 server); their own data is at `/api/me`.
 */
export function getUser(ctx: AbsContext, call: ApiCall): Reply {
  if (!isAdminOrUp(call.user)) return sendStatus(403);
  const record = resolveUser(ctx, call);
  if (!isUser(record)) return record;
  const json = userJson(record, { hideRootToken: call.user.user.type !== 'root' });
  json.mediaProgress = record.progress.map((row) => {
    const progress = progressJson(row);
    const entry = ctx.catalog.item(row.libraryItemId);
    if (row.mediaItemType === 'podcastEpisode') {
      const found = ctx.catalog.episode(row.mediaItemId);
      progress.displayTitle = found?.episode.title;
      progress.displaySubtitle = found?.entry.item.title;
      progress.coverPath = found?.entry.files().coverPath;
    } else {
      progress.displayTitle = entry?.item.title;
      progress.coverPath = entry?.files().coverPath;
    }
    return progress;
  });
  return sendJson(200, json);
}

export function getUserListeningSessions(ctx: AbsContext, call: ApiCall): Reply {
  const record = resolveUser(ctx, call);
  if (!isUser(record)) return record;
  return sendJson(200, sessionsPage(call.query));
}

/** `POST /api/authorize`: the login payload for the token's user (no new tokens). */
export function authorize(ctx: AbsContext, call: ApiCall): Reply {
  return sendJson(200, loginPayload(ctx.state, ctx.catalog, call.user));
}
