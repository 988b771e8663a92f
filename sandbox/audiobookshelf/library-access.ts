import type { AbsLibrary } from '../books/world.ts';
import type { Reply } from '../core/reply.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { sendStatus, sendText } from './replies.ts';

/**
 * LibraryController.middleware, run before every `/api/libraries/:id/...` handler: access is checked
 * before existence, then `limit` and `page` (when sent) must be whole numbers of at least 0.
 */

export interface LibraryRequest {
  library: AbsLibrary;
  /** `req.query.limit` after the middleware: undefined when not sent, a non-numeric value reads 0. */
  limit: number | undefined;
  page: number | undefined;
}

/** `!isNaN(v) ? Number(v) : 0`, then refused unless a whole number ≥ 0. */
function pagingValue(raw: string | null): number | undefined | 'invalid' {
  if (raw === null) return undefined;
  const n = Number(raw);
  if (Number.isNaN(n)) return 0;
  return Number.isInteger(n) && n >= 0 ? n : 'invalid';
}

export function resolveLibrary(ctx: AbsContext, call: ApiCall): LibraryRequest | Reply {
  const id = call.params[0] ?? '';
  if (!ctx.state.canAccessLibrary(call.user, id)) return sendStatus(403);
  const library = ctx.catalog.library(id);
  if (!library) return sendText(404, 'Library not found');
  const limit = pagingValue(call.query.get('limit'));
  if (limit === 'invalid') return sendText(400, 'Invalid request. limit must be a positive integer');
  const page = pagingValue(call.query.get('page'));
  if (page === 'invalid') return sendText(400, 'Invalid request. page must be a positive integer');
  return { library, limit, page };
}

export function isLibraryRequest(value: LibraryRequest | Reply): value is LibraryRequest {
  return 'library' in value;
}
