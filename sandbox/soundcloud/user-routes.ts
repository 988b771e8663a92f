import type { Reply } from '../core/reply.ts';
import type { SoundcloudTrack } from '../records/world.ts';
import { apiError } from './api-errors.ts';
import { parseResourceId } from './catalog.ts';
import { type ApiCall, type RequestContext, showTracks } from './context.ts';
import { pageReply, readPaging } from './paging.ts';
import { visibleTo } from './playlist-routes.ts';
import { readAccess } from './track-query.ts';

/**
 * The `sort` parameter of `/users/{user_urn}/tracks` and `/me/tracks` (api.yaml
 * components/parameters/sort): upload date, `desc` (newest first) by default, `asc` oldest first;
 * `direction` and `order` are accepted as aliases.
 */
function byUploadDate(tracks: readonly SoundcloudTrack[], query: URLSearchParams): SoundcloudTrack[] {
  const asked = query.get('sort') ?? query.get('direction') ?? query.get('order') ?? 'desc';
  const ascending = asked.toLowerCase() === 'asc';
  const sorted = [...tracks].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return ascending ? sorted : sorted.reverse();
}

/** `filterAccess`: whether the operation takes the `access` parameter (`/me/tracks` does not). */
function tracksReply(
  ctx: RequestContext,
  call: ApiCall,
  tracks: readonly SoundcloudTrack[],
  filterAccess: boolean,
): Reply {
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  let listed = byUploadDate(tracks, call.query);
  if (filterAccess) {
    const access = readAccess(call.query);
    if (!access.ok) return apiError(400, access.error);
    listed = listed.filter((track) => access.value.includes(track.access));
  }
  return pageReply(listed, page, call.request.url, ctx.origin, (track) => ctx.present.track(track));
}

/** GET /users/{user_urn}/tracks: access, limit, sort, linked_partitioning. */
export function getUserTracks(ctx: RequestContext, call: ApiCall): Reply {
  const id = parseResourceId(call.param, 'users');
  const user = id === undefined ? undefined : ctx.catalog.user(id);
  if (!user) return apiError(404);
  return tracksReply(ctx, call, ctx.catalog.tracksOf(user.id), true);
}

/** GET /me/tracks: the caller's own uploads (limit, sort, linked_partitioning). */
export function myTracks(ctx: RequestContext, call: ApiCall): Reply {
  const userId = call.caller.userId;
  if (userId === null) return apiError(401);
  return tracksReply(ctx, call, ctx.catalog.tracksOf(userId), false);
}

/**
 * GET /users/{user_urn}/playlists: access, show_tracks, limit, linked_partitioning. Newest first, as
 * `/me/playlists`; another user's private playlists stay hidden, as on `GET /playlists/{urn}`.
 */
export function getUserPlaylists(ctx: RequestContext, call: ApiCall): Reply {
  const id = parseResourceId(call.param, 'users');
  const user = id === undefined ? undefined : ctx.catalog.user(id);
  if (!user) return apiError(404);
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const access = readAccess(call.query);
  if (!access.ok) return apiError(400, access.error);
  const show = showTracks(call.query);
  const playlists = ctx.playlists.ownedBy(user.id).filter((p) => visibleTo(p, call.caller.userId));
  return pageReply(playlists, page, call.request.url, ctx.origin, (playlist) =>
    ctx.present.playlist(playlist, { showTracks: show, access: access.value }),
  );
}

function readUserIds(query: URLSearchParams): Set<number> | undefined | 'invalid' {
  const refs = (query.get('urns') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (refs.length === 0) return undefined;
  const ids = new Set<number>();
  for (const ref of refs) {
    const id = parseResourceId(ref, 'users');
    if (id === undefined) return 'invalid';
    ids.add(id);
  }
  return ids;
}

/** GET /users: q, urns, limit, offset, linked_partitioning (api.yaml paths./users.get). */
export function searchUsers(ctx: RequestContext, call: ApiCall): Reply {
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const ids = readUserIds(call.query);
  if (ids === 'invalid') return apiError(400, 'urns: not a list of user urns');
  const found = ctx.userSearch
    .search(call.query.get('q') ?? '')
    .filter((user) => ids === undefined || ids.has(user.id));
  return pageReply(found, page, call.request.url, ctx.origin, (user) => ctx.present.user(user));
}
