import type { Reply } from '../core/reply.ts';
import { forbidden, MESSAGES, notFound, unauthenticated } from './errors.ts';
import type { RouteContext } from './router.ts';
import type { UserShelf } from './store.ts';

/**
 * Who may see what (developer docs, User Collection and Wantlist):
 * - `owner`: only the owner (folders other than 0, collection value, every write);
 * - `collection` / `wantlist`: anyone when the owner made it public, else only the owner;
 * - `public`: anyone.
 * Not the owner: 401 when no user is authenticated, 403 when another user is.
 */
export type Visibility = 'owner' | 'collection' | 'wantlist' | 'public';

export interface Access {
  shelf: UserShelf;
  isOwner: boolean;
}

export function denied(ctx: RouteContext): Reply {
  return ctx.caller.kind === 'user' ? forbidden() : unauthenticated();
}

export function access(ctx: RouteContext, visibility: Visibility): Access | Reply {
  const shelf = ctx.store.shelf(ctx.params.username ?? '');
  if (!shelf) return notFound(MESSAGES.userNotFound);
  const isOwner = ctx.caller.kind === 'user' && ctx.caller.user.id === shelf.user.id;
  if (isOwner || visibility === 'public') return { shelf, isOwner };
  const open =
    visibility === 'collection'
      ? shelf.user.collectionPublic
      : visibility === 'wantlist'
        ? (shelf.user.wantlistPublic ?? shelf.user.collectionPublic)
        : false;
  return open ? { shelf, isOwner } : denied(ctx);
}

export function isReply(value: Access | Reply): value is Reply {
  return 'status' in value;
}
