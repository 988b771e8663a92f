import type { Reply } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import { authenticate } from './auth.ts';
import { healthcheck, login, logout, ping, refresh, status } from './auth-routes.ts';
import { getLibraryAuthors, getLibrarySeries } from './browse-routes.ts';
import { type AbsContext, type ApiCall, isAdminOrUp } from './context.ts';
import { authorImage, itemCover } from './cover-route.ts';
import { batchGetItems, getItem } from './item-routes.ts';
import {
  getLibraries,
  getLibrary,
  getLibraryFilterData,
  getLibraryItems,
  getLibraryStats,
} from './library-routes.ts';
import {
  batchUpdateProgress,
  deleteProgress,
  getAllProgress,
  getMe,
  getProgress,
  itemListeningSessions,
  itemsInProgress,
  listeningSessions,
  patchProgress,
  removeFromContinueListening,
} from './me-routes.ts';
import { getAuthor, getLibrarySeriesById, getSeries } from './people-routes.ts';
import { cannotRoute, passportFailure, sendStatus } from './replies.ts';
import { parseBody } from './request-body.ts';
import { searchLibrary } from './search-route.ts';
import { allSessions, myListeningStats, userListeningStats } from './session-routes.ts';
import { authorize, getUser, getUserListeningSessions, getUsers } from './user-routes.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface ApiRoute {
  method: Method;
  /** Matched against the path after `/api`, case-insensitively as Express does. */
  path: RegExp;
  /** The stats label, e.g. "PATCH /api/me/progress/:id". */
  label: string;
  adminOnly?: boolean;
  handle(ctx: AbsContext, call: ApiCall): Reply;
}

const SEG = '([^/]+)';
const OPT = '(?:/([^/]+))?';

function route(
  method: Method,
  path: string,
  label: string,
  handle: ApiRoute['handle'],
  adminOnly = false,
): ApiRoute {
  return { method, path: new RegExp(`^${path}/?$`, 'i'), label, handle, adminOnly };
}

/** In Express' registration order: the first match wins (batch/update before :libraryItemId). */
const API_ROUTES: readonly ApiRoute[] = [
  route('GET', '/me', 'GET /api/me', getMe),
  route('GET', '/me/progress', 'GET /api/me/progress', getAllProgress),
  route('GET', '/me/listening-sessions', 'GET /api/me/listening-sessions', listeningSessions),
  route('GET', '/me/listening-stats', 'GET /api/me/listening-stats', myListeningStats),
  route(
    'GET',
    `/me/item/listening-sessions/${SEG}${OPT}`,
    'GET /api/me/item/listening-sessions/:libraryItemId',
    itemListeningSessions,
  ),
  route(
    'GET',
    `/me/progress/${SEG}/remove-from-continue-listening`,
    'GET /api/me/progress/:id/remove-from-continue-listening',
    removeFromContinueListening,
  ),
  route('GET', `/me/progress/${SEG}`, 'GET /api/me/progress/:id', getProgress),
  route('GET', `/me/progress/${SEG}/${SEG}`, 'GET /api/me/progress/:id/:episodeId', getProgress),
  route('PATCH', '/me/progress/batch/update', 'PATCH /api/me/progress/batch/update', batchUpdateProgress),
  route('PATCH', `/me/progress/${SEG}`, 'PATCH /api/me/progress/:id', patchProgress),
  route('PATCH', `/me/progress/${SEG}/${SEG}`, 'PATCH /api/me/progress/:id/:episodeId', patchProgress),
  route('DELETE', `/me/progress/${SEG}`, 'DELETE /api/me/progress/:id', deleteProgress),
  route('GET', '/me/items-in-progress', 'GET /api/me/items-in-progress', itemsInProgress),
  route('GET', '/libraries', 'GET /api/libraries', getLibraries),
  route('GET', `/libraries/${SEG}`, 'GET /api/libraries/:id', getLibrary),
  route('GET', `/libraries/${SEG}/items`, 'GET /api/libraries/:id/items', getLibraryItems),
  route('GET', `/libraries/${SEG}/series`, 'GET /api/libraries/:id/series', getLibrarySeries),
  route(
    'GET',
    `/libraries/${SEG}/series/${SEG}`,
    'GET /api/libraries/:id/series/:seriesId',
    getLibrarySeriesById,
  ),
  route('GET', `/libraries/${SEG}/filterdata`, 'GET /api/libraries/:id/filterdata', getLibraryFilterData),
  route('GET', `/libraries/${SEG}/search`, 'GET /api/libraries/:id/search', searchLibrary),
  route('GET', `/libraries/${SEG}/stats`, 'GET /api/libraries/:id/stats', getLibraryStats),
  route('GET', `/libraries/${SEG}/authors`, 'GET /api/libraries/:id/authors', getLibraryAuthors),
  route('POST', '/items/batch/get', 'POST /api/items/batch/get', batchGetItems),
  route('GET', `/items/${SEG}`, 'GET /api/items/:id', getItem),
  route('GET', `/items/${SEG}/cover`, 'GET /api/items/:id/cover', (ctx, call) =>
    itemCover(ctx, call.params[0] ?? '', call.query),
  ),
  route('GET', `/authors/${SEG}`, 'GET /api/authors/:id', getAuthor),
  route('GET', `/authors/${SEG}/image`, 'GET /api/authors/:id/image', authorImage),
  route('GET', `/series/${SEG}`, 'GET /api/series/:id', getSeries),
  route('GET', '/users', 'GET /api/users', getUsers, true),
  route('GET', `/users/${SEG}`, 'GET /api/users/:id', getUser),
  route(
    'GET',
    `/users/${SEG}/listening-sessions`,
    'GET /api/users/:id/listening-sessions',
    getUserListeningSessions,
  ),
  route('GET', `/users/${SEG}/listening-stats`, 'GET /api/users/:id/listening-stats', userListeningStats),
  route('GET', '/sessions', 'GET /api/sessions', allSessions),
  route('POST', '/authorize', 'POST /api/authorize', authorize),
];

function decodeParam(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function record(ctx: AbsContext, method: string, label: string): void {
  ctx.env.stats.operation(label, method === 'GET' || method === 'HEAD' ? 'read' : 'write', 0);
}

function dispatchApi(ctx: AbsContext, request: StandInRequest, path: string, body: ApiCall['body']): Reply {
  const method = request.method.toUpperCase();
  const sub = path.slice('/api'.length) || '/';
  // Auth.authNotNeeded: covers and author images are public (GET only, exact path).
  const cover = method === 'GET' ? /^\/items\/([^/]+)\/cover$/.exec(sub) : null;
  if (cover) {
    record(ctx, method, 'GET /api/items/:id/cover');
    return itemCover(ctx, decodeParam(cover[1]) ?? '', request.url.searchParams);
  }
  if (method === 'GET' && /^\/authors\/[^/]+\/image$/.test(sub)) {
    record(ctx, method, 'GET /api/authors/:id/image');
    return authorImage();
  }
  // The /api router sits behind authentication: even an unknown /api path answers 401 first.
  const auth = authenticate(ctx, request);
  if (!auth) return passportFailure(401);
  for (const apiRoute of API_ROUTES) {
    if (apiRoute.method !== method && !(method === 'HEAD' && apiRoute.method === 'GET')) continue;
    const m = apiRoute.path.exec(sub);
    if (!m) continue;
    record(ctx, method, apiRoute.label);
    const cacheKey = ctx.apiCache.key(method, sub, request.url.search, auth.user.user.username);
    const cached = cacheKey === undefined ? undefined : ctx.apiCache.get(cacheKey);
    if (cached) return cached;
    const reply = answer(ctx, apiRoute, {
      request,
      query: request.url.searchParams,
      params: m.slice(1).map(decodeParam),
      user: auth.user,
      oldToken: auth.oldToken,
      body,
    });
    if (cacheKey !== undefined) ctx.apiCache.remember(cacheKey, reply);
    return reply;
  }
  return cannotRoute(request.method, path);
}

function answer(ctx: AbsContext, apiRoute: ApiRoute, call: ApiCall): Reply {
  if (apiRoute.adminOnly && !isAdminOrUp(call.user)) return sendStatus(403);
  return apiRoute.handle(ctx, call);
}

export function dispatch(ctx: AbsContext, request: StandInRequest): Reply {
  const path = request.url.pathname;
  const method = request.method.toUpperCase();
  // Express parses bodies before any router, so a malformed JSON body fails even unauthenticated.
  const parsed = parseBody(request);
  if (!parsed.ok) return parsed.reply;
  if (/^\/api(?:\/|$)/i.test(path)) return dispatchApi(ctx, request, path, parsed.body);

  const publicPath = path.length > 1 ? path.replace(/\/+$/, '').toLowerCase() : path;
  const is = (m: Method, p: string) => method === m && publicPath === p;
  if (is('POST', '/login')) {
    record(ctx, method, 'POST /login');
    return login(ctx, request, parsed.body);
  }
  if (is('POST', '/auth/refresh')) {
    record(ctx, method, 'POST /auth/refresh');
    return refresh(ctx, request);
  }
  if (is('POST', '/logout')) {
    record(ctx, method, 'POST /logout');
    return logout(ctx, request);
  }
  if (is('GET', '/status')) {
    record(ctx, method, 'GET /status');
    return status();
  }
  if (is('GET', '/ping')) {
    record(ctx, method, 'GET /ping');
    return ping();
  }
  if (is('GET', '/healthcheck')) {
    record(ctx, method, 'GET /healthcheck');
    return healthcheck();
  }
  return cannotRoute(request.method, path);
}
