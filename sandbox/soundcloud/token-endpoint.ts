import type { Clock } from '../../src/core/clock.ts';
import { json, type Reply } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import { TokenBucket } from '../core/token-bucket.ts';
import type { SoundcloudApp } from '../records/world.ts';
import { tokenError } from './api-errors.ts';
import type { TokenResponse, TokenStore } from './token-store.ts';

/**
 * Client-credentials token issuance is the one limit SoundCloud documents for this API: 50 tokens
 * per 12 hours per app and 30 per hour per IP. Modelled as token buckets (refill scaled by
 * `rateScale`); refresh_token exchanges are not counted, as the docs advise refreshing instead.
 */
export class ClientCredentialsLimits {
  private readonly clock: Clock;
  private readonly rateScale: number;
  private readonly perApp = new Map<string, TokenBucket>();
  private readonly perIp = new Map<string, TokenBucket>();

  constructor(clock: Clock, rateScale: number) {
    this.clock = clock;
    this.rateScale = rateScale;
  }

  private bucket(map: Map<string, TokenBucket>, key: string, capacity: number, seconds: number): TokenBucket {
    let bucket = map.get(key);
    if (!bucket) {
      bucket = new TokenBucket(capacity, (capacity / seconds) * this.rateScale, this.clock);
      map.set(key, bucket);
    }
    return bucket;
  }

  /** Takes one issuance from both limits, or none when either is spent. */
  take(clientId: string, ip: string): boolean {
    const app = this.bucket(this.perApp, clientId, 50, 12 * 3600);
    const address = this.bucket(this.perIp, ip, 30, 3600);
    if (app.remaining() < 1 || address.remaining() < 1) return false;
    return app.take() && address.take();
  }
}

interface ClientAuth {
  clientId: string;
  clientSecret: string;
}

function decodePart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** HTTP Basic (RFC 6749 §2.3.1) or client_id/client_secret in the form body. */
function clientAuth(request: StandInRequest, form: URLSearchParams): ClientAuth | 'mismatch' | undefined {
  const header = String(request.headers.authorization ?? '');
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const auth = {
      clientId: decodePart(decoded.slice(0, colon)),
      clientSecret: decodePart(decoded.slice(colon + 1)),
    };
    const bodyId = form.get('client_id');
    if (bodyId && bodyId !== auth.clientId) return 'mismatch';
    return auth;
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (!clientId || !clientSecret) return undefined;
  return { clientId, clientSecret };
}

function tokenReply(body: TokenResponse): Reply {
  return json(200, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
}

/** POST /oauth/token on secure.soundcloud.com. */
export function handleTokenRequest(
  request: StandInRequest,
  app: SoundcloudApp,
  tokens: TokenStore,
  limits: ClientCredentialsLimits,
): Reply {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.includes('application/x-www-form-urlencoded')) return tokenError(400, 'invalid_request');
  const form = new URLSearchParams(request.body.toString('utf8'));

  const auth = clientAuth(request, form);
  if (auth === 'mismatch') return tokenError(400, 'invalid_request');
  if (!auth || auth.clientId !== app.clientId || auth.clientSecret !== app.clientSecret) {
    return tokenError(401, 'invalid_client');
  }

  const grantType = form.get('grant_type');
  if (!grantType) return tokenError(400, 'invalid_request');
  if (grantType === 'authorization_code') {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    const verifier = form.get('code_verifier');
    if (!code || !redirectUri) return tokenError(400, 'invalid_request');
    // A missing verifier fails the PKCE check like a wrong one (RFC 7636 §4.6: invalid_grant).
    const issued = tokens.redeemCode({
      code,
      clientId: auth.clientId,
      redirectUri,
      verifier: verifier ?? '',
    });
    return issued ? tokenReply(issued) : tokenError(400, 'invalid_grant');
  }
  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token');
    if (!refreshToken) return tokenError(400, 'invalid_request');
    const issued = tokens.rotate(refreshToken, auth.clientId);
    return issued ? tokenReply(issued) : tokenError(400, 'invalid_grant');
  }
  if (grantType === 'client_credentials') {
    if (!limits.take(auth.clientId, request.remoteAddress)) return tokenError(429, 'rate_limit_exceeded');
    return tokenReply(tokens.issueForClient(auth.clientId));
  }
  return tokenError(400, 'unsupported_grant_type');
}
