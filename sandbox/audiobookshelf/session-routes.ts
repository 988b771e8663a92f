import type { Reply } from '../core/reply.ts';
import { type AbsContext, type ApiCall, isAdminOrUp } from './context.ts';
import { toNumber } from './me-routes.ts';
import { sendJson, sendStatus } from './replies.ts';

/**
 * Playback-session reports. The generated world records no playback sessions, so every list is empty;
 * the envelopes and their paging echo are the server's.
 */

/** ApiRouter.getUserListeningStatsHelpers over no sessions. */
function emptyListeningStats(): Record<string, unknown> {
  return { totalTime: 0, items: {}, days: {}, dayOfWeek: {}, today: 0, recentSessions: [] };
}

/** `GET /api/me/listening-stats`. */
export function myListeningStats(): Reply {
  return sendJson(200, emptyListeningStats());
}

/** `GET /api/users/:id/listening-stats`: admins, or the user asking about themself. */
export function userListeningStats(ctx: AbsContext, call: ApiCall): Reply {
  const id = call.params[0];
  if (!isAdminOrUp(call.user) && call.user.user.id !== id) return sendStatus(403);
  if (!ctx.state.userById(id)) return sendStatus(404);
  return sendJson(200, emptyListeningStats());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /api/sessions?user=&itemsPerPage=10&page=0`: admins only; anyone else gets 404, not 403. */
export function allSessions(_ctx: AbsContext, call: ApiCall): Reply {
  if (!isAdminOrUp(call.user)) return sendStatus(404);
  let itemsPerPage = toNumber(call.query.get('itemsPerPage'), 10) || 10;
  if (itemsPerPage < 1) itemsPerPage = 10;
  let page = toNumber(call.query.get('page'), 0);
  if (page < 0) page = 0;
  const payload: Record<string, unknown> = { total: 0, numPages: 0, page, itemsPerPage, sessions: [] };
  const userId = call.query.get('user');
  if (userId && UUID.test(userId)) payload.userId = userId;
  return sendJson(200, payload);
}
