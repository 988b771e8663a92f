import type { Reply } from '../core/reply.ts';
import { requestOrigin } from '../core/request-origin.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import type { OperationKind } from '../core/stats.ts';
import { apiError, MISSING_AUTHORIZATION_MESSAGE } from './api-errors.ts';
import { handleAuthorize } from './authorize.ts';
import type { ApiCall, RequestContext, SoundcloudContext } from './context.ts';
import {
  createPlaylist,
  deletePlaylist,
  getPlaylist,
  getPlaylistTracks,
  myPlaylists,
  searchPlaylists,
  updatePlaylist,
} from './playlist-routes.ts';
import { SoundcloudPresenter } from './present.ts';
import { type ClientCredentialsLimits, handleTokenRequest } from './token-endpoint.ts';
import { getMe, getTrack, getUser, resolveUrl, searchTracks, signOut } from './track-routes.ts';
import { getUserPlaylists, getUserTracks, myTracks, searchUsers } from './user-routes.ts';

type Handler = (ctx: RequestContext, call: ApiCall) => Reply | Promise<Reply>;

interface ApiRoute {
  method: string;
  path: RegExp;
  /** The stats label, e.g. "GET /tracks/:urn". */
  label: string;
  /** `me` endpoints and writes need a user's token (authorization_code), not an app token. */
  needsUser: boolean;
  handle: Handler;
}

/** A route from its label: "GET /playlists/:urn/tracks" matches any single segment for `:urn`. */
function route(label: string, needsUser: boolean, handle: Handler): ApiRoute {
  const [method = '', template = ''] = label.split(' ');
  const pattern = template.replace(':urn', '([^/]+)');
  return { method, path: new RegExp(`^${pattern}$`), label, needsUser, handle };
}

const API_ROUTES: readonly ApiRoute[] = [
  route('GET /me', true, getMe),
  route('GET /me/playlists', true, myPlaylists),
  route('GET /me/tracks', true, myTracks),
  route('GET /tracks', false, searchTracks),
  route('GET /tracks/:urn', false, getTrack),
  route('GET /users', false, searchUsers),
  route('GET /users/:urn', false, getUser),
  route('GET /users/:urn/tracks', false, getUserTracks),
  route('GET /users/:urn/playlists', false, getUserPlaylists),
  route('GET /playlists', false, searchPlaylists),
  route('POST /playlists', true, createPlaylist),
  route('GET /playlists/:urn', false, getPlaylist),
  route('PUT /playlists/:urn', true, updatePlaylist),
  route('DELETE /playlists/:urn', true, deletePlaylist),
  route('GET /playlists/:urn/tracks', false, getPlaylistTracks),
  route('GET /resolve', false, resolveUrl),
  route('POST /sign-out', false, signOut),
];

function operationKind(method: string, label: string, query: URLSearchParams): OperationKind {
  if (method !== 'GET') return 'write';
  const isSearch = label === 'GET /tracks' || label === 'GET /playlists' || label === 'GET /users';
  return isSearch && (query.get('q') ?? '').trim() !== '' ? 'search' : 'read';
}

function decodeParam(text: string | undefined): string {
  try {
    return decodeURIComponent(text ?? '');
  } catch {
    return '';
  }
}

/** `Authorization: OAuth <token>` (securityScheme AuthHeader) or `Bearer <token>` (oAuth2_1). */
function accessTokenOf(request: StandInRequest): string | undefined {
  const m = /^(?:oauth|bearer)\s+(\S+)\s*$/i.exec(String(request.headers.authorization ?? ''));
  return m?.[1];
}

function hasAuthorizationHeader(request: StandInRequest): boolean {
  return String(request.headers.authorization ?? '').trim() !== '';
}

/**
 * The API host still takes the Rails-era format suffix (`/me.json`, `/resolve.json`), which the old
 * SDKs such as soundcloud-python append to every path.
 */
function apiPath(path: string): string {
  return path.length > 5 && path.endsWith('.json') ? path.slice(0, -5) : path;
}

/**
 * One server answers for both hosts: secure.soundcloud.com (authorize, token) and api.soundcloud.com.
 * The API host checks for an Authorization header before anything else, so a request without one is
 * a 401 even on a path it does not serve; the retired `POST /oauth2/token` of the OAuth 2.0 era is
 * answered that way too, since legacy clients send it without a header.
 */
export async function dispatch(
  ctx: SoundcloudContext,
  limits: ClientCredentialsLimits,
  request: StandInRequest,
): Promise<Reply> {
  const { method, url } = request;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const record = (label: string) =>
    ctx.env.stats.operation(label, operationKind(method, label, url.searchParams), 1);

  if (method === 'GET' && path === '/authorize') {
    record('GET /authorize');
    return handleAuthorize(url.searchParams, ctx.world.app, ctx.tokens);
  }
  if (method === 'POST' && path === '/oauth/token') {
    record('POST /oauth/token');
    return handleTokenRequest(request, ctx.world.app, ctx.tokens, limits);
  }

  const resource = apiPath(path);
  for (const route of API_ROUTES) {
    if (route.method !== method) continue;
    const m = route.path.exec(resource);
    if (!m) continue;
    record(route.label);
    if (!hasAuthorizationHeader(request)) return apiError(401, MISSING_AUTHORIZATION_MESSAGE);
    const token = accessTokenOf(request);
    const caller = token === undefined ? undefined : ctx.tokens.authenticate(token);
    if (!caller || (route.needsUser && caller.userId === null)) return apiError(401);
    const origin = requestOrigin(request.headers, ctx.env.origin());
    const scoped: RequestContext = {
      ...ctx,
      origin,
      present: new SoundcloudPresenter(ctx.catalog, ctx.playlists, origin),
    };
    return route.handle(scoped, { request, query: url.searchParams, param: decodeParam(m[1]), caller });
  }
  if (!hasAuthorizationHeader(request)) return apiError(401, MISSING_AUTHORIZATION_MESSAGE);
  return apiError(404);
}
