/**
 * `authorization: Bearer <token>` (header name and scheme in any case). A raw token without the
 * scheme is refused like an unknown one: after the August 2026 switch to personal access tokens the
 * docs only list 401 `invalid_token` (API-NOTES open point 1).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { HcUser } from '../../books/world.ts';

export type AuthResult = { ok: true; user: HcUser; token: string } | { ok: false; description: string };

export function authenticate(
  headers: IncomingHttpHeaders,
  usersByToken: ReadonlyMap<string, HcUser>,
  now: number,
): AuthResult {
  const header = headers.authorization;
  if (!header || header.trim() === '') return { ok: false, description: 'Missing access token' };
  const match = /^bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1])
    return { ok: false, description: 'Malformed Authorization header; expected "Bearer <token>"' };
  const token = match[1];
  const user = usersByToken.get(token);
  if (!user) return { ok: false, description: 'The access token is invalid or has been revoked' };
  if (user.tokenExpiresAt !== undefined && user.tokenExpiresAt !== null && now >= user.tokenExpiresAt)
    return { ok: false, description: 'The access token has expired' };
  return { ok: true, user, token };
}
