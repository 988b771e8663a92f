import { json, type Reply } from '../core/reply.ts';
import { apiError } from './api-errors.ts';
import { parseResourceId, urnOf } from './catalog.ts';
import type { ApiCall, RequestContext, SoundcloudContext } from './context.ts';
import { pageReply, readPaging } from './paging.ts';
import { selectTracks } from './track-query.ts';

/** GET /me: needs a user token; a client_credentials token gets the 401 real clients report. */
export function getMe(ctx: RequestContext, call: ApiCall): Reply {
  const user = call.caller.userId === null ? undefined : ctx.catalog.user(call.caller.userId);
  return user ? json(200, ctx.present.me(user)) : apiError(401);
}

export function searchTracks(ctx: RequestContext, call: ApiCall): Reply {
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const tracks = selectTracks(call.query, ctx.catalog, ctx.search);
  if (!tracks.ok) return apiError(400, tracks.error);
  return pageReply(tracks.value, page, call.request.url, ctx.origin, (track) => ctx.present.track(track));
}

export function getTrack(ctx: RequestContext, call: ApiCall): Reply {
  const id = parseResourceId(call.param, 'tracks');
  const track = id === undefined ? undefined : ctx.catalog.track(id);
  return track ? json(200, ctx.present.track(track)) : apiError(404);
}

export function getUser(ctx: RequestContext, call: ApiCall): Reply {
  const id = parseResourceId(call.param, 'users');
  const user = id === undefined ? undefined : ctx.catalog.user(id);
  return user ? json(200, ctx.present.user(user)) : apiError(404);
}

const WEB_HOSTS = new Set(['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com']);

function resolvePath(ctx: RequestContext, call: ApiCall, segments: string[]): string | undefined {
  const [userPermalink = '', second, third] = segments;
  const user = ctx.catalog.userByPermalink(userPermalink);
  if (!user) return undefined;
  if (segments.length === 1) return `/users/${urnOf('users', user.id)}`;
  if (segments.length === 3 && second === 'sets' && third) {
    const playlist = ctx.playlists.findByPermalink(user.id, third);
    if (!playlist || (playlist.sharing === 'private' && playlist.userId !== call.caller.userId))
      return undefined;
    return `/playlists/${urnOf('playlists', playlist.id)}`;
  }
  if (segments.length === 2 && second) {
    const track = ctx.catalog.trackByPermalink(user.permalink, second);
    return track ? `/tracks/${urnOf('tracks', track.id)}` : undefined;
  }
  return undefined;
}

/** GET /resolve?url=: a soundcloud.com page URL → 302 to the API resource (the spec's Found body). */
export function resolveUrl(ctx: RequestContext, call: ApiCall): Reply {
  const text = call.query.get('url');
  if (!text) return apiError(400, 'url is required');
  let page: URL;
  try {
    page = new URL(text);
  } catch {
    return apiError(404);
  }
  if (!WEB_HOSTS.has(page.hostname)) return apiError(404);
  let segments: string[];
  try {
    segments = page.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return apiError(404);
  }
  const path = resolvePath(ctx, call, segments);
  if (!path) return apiError(404);
  const location = `${ctx.origin}${path}`;
  return json(302, { status: '302 - Found', location }, { location });
}

/** POST /sign-out: invalidates the session of the token used. */
export function signOut(ctx: RequestContext, call: ApiCall): Reply {
  ctx.tokens.revokeAccessToken(call.caller.token);
  return json(200, { status: '200 - OK' });
}

/** GET /__sandbox/truth: every generated collection track → its true upload's URN, or null. */
export function truthReply(ctx: SoundcloudContext): Reply {
  const truth: Record<string, string | null> = {};
  for (const [key, id] of Object.entries(ctx.world.truth))
    truth[key] = id === null ? null : urnOf('tracks', id);
  return json(200, truth);
}
