import type { StandInRequest } from '../core/stand-in.ts';
import type { AbsContext } from './context.ts';
import { decodeJwtPayload, signJwt, verifyJwt } from './jwt.ts';
import type { UserRecord } from './state.ts';

/** Access tokens from /login live one hour (ACCESS_TOKEN_EXPIRY), refresh tokens 30 days. */
export const ACCESS_TOKEN_SECONDS = 60 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

/**
 * passport-jwt's extractors in ABS' order: `Authorization: Bearer <jwt>` (scheme in any case), then
 * `?token=<jwt>`.
 */
export function requestToken(request: StandInRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const m = /^(\S+)\s+(\S+)$/.exec(header.trim());
    if (m && m[1]?.toLowerCase() === 'bearer') return m[2];
  }
  const query = request.url.searchParams.get('token');
  return query === null ? undefined : query;
}

export interface Authenticated {
  user: UserRecord;
  oldToken: boolean;
}

/**
 * TokenManager.jwtAuthCheck: an API key must exist, be active and unexpired (an expired one is
 * deactivated on first use); other tokens must name an active user; refresh tokens are refused.
 */
export function authenticate(ctx: AbsContext, request: StandInRequest): Authenticated | undefined {
  const token = requestToken(request);
  if (!token) return undefined;
  const now = ctx.env.clock.now();
  const checked = verifyJwt(token, ctx.state.tokenSecret, now);
  if (!checked.ok) {
    if (checked.reason === 'expired') expireApiKey(ctx, token);
    return undefined;
  }
  const claims = checked.payload;
  if (claims.type === 'api') {
    const key = claims.keyId ? ctx.state.apiKeys.get(claims.keyId) : undefined;
    if (!key?.isActive) return undefined;
    if (key.expiresAt !== null && key.expiresAt < now / 1000) {
      key.isActive = false;
      return undefined;
    }
    const user = ctx.state.userById(key.userId);
    return user?.user.isActive ? { user, oldToken: false } : undefined;
  }
  if (claims.type === 'refresh') return undefined;
  const user = ctx.state.userById(claims.userId);
  if (!user?.user.isActive) return undefined;
  return { user, oldToken: claims.exp === undefined };
}

/** jsonwebtoken refuses an expired API key before ABS sees it; the key record still turns inactive. */
function expireApiKey(ctx: AbsContext, token: string): void {
  const claims = decodeJwtPayload(token);
  const key = claims?.keyId ? ctx.state.apiKeys.get(claims.keyId) : undefined;
  if (key) key.isActive = false;
}

export function issueAccessToken(ctx: AbsContext, record: UserRecord): string {
  const iat = Math.floor(ctx.env.clock.now() / 1000);
  return signJwt(
    {
      userId: record.user.id,
      username: record.user.username,
      jti: ctx.state.newId(),
      type: 'access',
      iat,
      exp: iat + ACCESS_TOKEN_SECONDS,
    },
    ctx.state.tokenSecret,
  );
}

/** A refresh token and the login session that makes it valid. */
export function issueRefreshToken(ctx: AbsContext, record: UserRecord): string {
  const now = ctx.env.clock.now();
  const iat = Math.floor(now / 1000);
  const token = signJwt(
    {
      userId: record.user.id,
      username: record.user.username,
      jti: ctx.state.newId(),
      type: 'refresh',
      iat,
      exp: iat + REFRESH_TOKEN_SECONDS,
    },
    ctx.state.tokenSecret,
  );
  ctx.state.refreshSessions.set(token, {
    userId: record.user.id,
    expiresAt: now + REFRESH_TOKEN_SECONDS * 1000,
  });
  return token;
}

export function refreshCookie(ctx: AbsContext, token: string): string {
  const expires = new Date(ctx.env.clock.now() + REFRESH_TOKEN_SECONDS * 1000).toUTCString();
  return `refresh_token=${token}; Max-Age=${REFRESH_TOKEN_SECONDS}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax`;
}

/** The `refresh_token` cookie, if the request carries one. */
export function cookieRefreshToken(request: StandInRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'refresh_token') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
