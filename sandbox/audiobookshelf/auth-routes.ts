import type { Reply } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import { cookieRefreshToken, issueAccessToken, issueRefreshToken, refreshCookie } from './auth.ts';
import type { AbsContext } from './context.ts';
import { verifyJwt } from './jwt.ts';
import type { JsonValue } from './progress-update.ts';
import { passportFailure, sendJson, sendStatus } from './replies.ts';
import { bodyObject } from './request-body.ts';
import { loginPayload, SERVER_VERSION } from './user-json.ts';

/** Routes outside `/api`: login, token refresh, logout, status, ping, healthcheck. */

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...(reply.headers ?? {}), ...headers } };
}

/** `POST /login`: passport-local behind the auth rate limiter. */
export function login(ctx: AbsContext, request: StandInRequest, rawBody: JsonValue): Reply {
  const limit = ctx.authLimit.hit(request.remoteAddress);
  if (!limit.allowed) return sendJson(429, { error: 'Too many authentication requests' }, limit.headers);
  const body = bodyObject(rawBody);
  const username = body.username;
  const password = body.password;
  if (!username || !password) return withHeaders(passportFailure(400), limit.headers);
  const record = ctx.state.userByName(String(username));
  if (!record?.user.isActive || record.user.password !== String(password)) {
    return withHeaders(passportFailure(401), limit.headers);
  }
  // No lastSeen here: the real server sets it only when a socket connection authenticates.
  const returnTokens = request.headers['x-return-tokens'] === 'true';
  const accessToken = issueAccessToken(ctx, record);
  const refreshToken = issueRefreshToken(ctx, record);
  const payload = loginPayload(ctx.state, ctx.catalog, record);
  payload.user.refreshToken = returnTokens ? refreshToken : null;
  payload.user.accessToken = accessToken;
  const headers: Record<string, string> = { ...limit.headers };
  if (!returnTokens) headers['set-cookie'] = refreshCookie(ctx, refreshToken);
  return sendJson(200, payload, headers);
}

/** `POST /auth/refresh`: rotates the refresh token (cookie, or `x-refresh-token` for apps). */
export function refresh(ctx: AbsContext, request: StandInRequest): Reply {
  const limit = ctx.authLimit.hit(request.remoteAddress);
  if (!limit.allowed) return sendJson(429, { error: 'Too many authentication requests' }, limit.headers);
  const fail = (error: string) => sendJson(401, { error }, limit.headers);
  const header = request.headers['x-refresh-token'];
  const fromHeader = typeof header === 'string' && header !== '';
  const token = fromHeader ? header : cookieRefreshToken(request);
  if (!token) return fail('No refresh token provided');
  const now = ctx.env.clock.now();
  const checked = verifyJwt(token, ctx.state.tokenSecret, now);
  if (!checked.ok) {
    ctx.state.refreshSessions.delete(token);
    return fail(checked.reason === 'expired' ? 'Refresh token expired' : 'Invalid refresh token');
  }
  if (checked.payload.type !== 'refresh') return fail('Invalid token type');
  const session = ctx.state.refreshSessions.get(token);
  if (!session) return fail('Invalid refresh token');
  if (session.expiresAt < now) {
    ctx.state.refreshSessions.delete(token);
    return fail('Refresh token expired');
  }
  const record = ctx.state.userById(checked.payload.userId);
  if (!record?.user.isActive) return fail('User not found or inactive');
  ctx.state.refreshSessions.delete(token);
  const refreshToken = issueRefreshToken(ctx, record);
  const payload = loginPayload(ctx.state, ctx.catalog, record);
  payload.user.accessToken = issueAccessToken(ctx, record);
  payload.user.refreshToken = fromHeader ? refreshToken : null;
  return sendJson(200, payload, { ...limit.headers, 'set-cookie': refreshCookie(ctx, refreshToken) });
}

/** `POST /logout`: forgets the refresh token's session. */
export function logout(ctx: AbsContext, request: StandInRequest): Reply {
  const header = request.headers['x-refresh-token'];
  const token = cookieRefreshToken(request) ?? (typeof header === 'string' ? header : undefined);
  if (token) ctx.state.refreshSessions.delete(token);
  return sendJson(
    200,
    { redirect_url: null },
    { 'set-cookie': 'refresh_token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT' },
  );
}

export function status(): Reply {
  return sendJson(200, {
    app: 'audiobookshelf',
    serverVersion: SERVER_VERSION,
    isInit: true,
    language: 'en-us',
    authMethods: ['local'],
    authFormData: { authLoginCustomMessage: '' },
  });
}

export function ping(): Reply {
  return sendJson(200, { success: true });
}

export function healthcheck(): Reply {
  return sendStatus(200);
}
