import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../src/core/clock.ts';

/** Who an API request acts for: a user (authorization_code tokens) or only the app (client_credentials). */
export interface Caller {
  clientId: string;
  userId: number | null;
  token: string;
}

/** The token response of secure.soundcloud.com/oauth/token (the spec's ExpiringToken example). */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  scope: string;
  refresh_token: string;
  token_type: 'bearer';
}

interface Grant {
  clientId: string;
  userId: number | null;
  /** The authorization code a token descends from, so a replayed code can revoke its tokens. */
  family: string | null;
}

interface AccessGrant extends Grant {
  expiresAt: number;
}

interface AuthorizationCode {
  clientId: string;
  userId: number;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
  used: boolean;
}

/** RFC 6749 §4.1.2 recommends at most ten minutes for an authorization code. */
const CODE_TTL_MS = 10 * 60 * 1000;
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Authorization codes, access tokens and single-use refresh tokens, timed by the stand-in's clock. */
export class TokenStore {
  private readonly clock: Clock;
  private readonly accessTtlSeconds: number;
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, Grant>();
  private issued = 0;

  constructor(clock: Clock, accessTtlSeconds: number) {
    this.clock = clock;
    this.accessTtlSeconds = accessTtlSeconds;
  }

  get accessTokensIssued(): number {
    return this.issued;
  }

  issueCode(input: { clientId: string; userId: number; redirectUri: string; challenge: string }): string {
    const code = secret(24);
    this.codes.set(code, { ...input, expiresAt: this.clock.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Exchanges a code once; a second exchange fails and revokes what the first one issued. */
  redeemCode(input: {
    code: string;
    clientId: string;
    redirectUri: string;
    verifier: string;
  }): TokenResponse | undefined {
    const code = this.codes.get(input.code);
    if (!code || code.clientId !== input.clientId) return undefined;
    if (code.used) {
      this.revokeFamily(input.code);
      return undefined;
    }
    code.used = true;
    if (code.expiresAt <= this.clock.now()) return undefined;
    if (code.redirectUri !== input.redirectUri) return undefined;
    if (!VERIFIER.test(input.verifier) || s256(input.verifier) !== code.challenge) return undefined;
    return this.issue({ clientId: code.clientId, userId: code.userId, family: input.code });
  }

  /** Refresh tokens are single-use: the old one is gone once the new pair is issued. */
  rotate(refreshToken: string, clientId: string): TokenResponse | undefined {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.clientId !== clientId) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(grant);
  }

  issueForClient(clientId: string): TokenResponse {
    return this.issue({ clientId, userId: null, family: null });
  }

  authenticate(token: string): Caller | undefined {
    const grant = this.access.get(token);
    if (!grant) return undefined;
    if (grant.expiresAt <= this.clock.now()) {
      this.access.delete(token);
      return undefined;
    }
    return { clientId: grant.clientId, userId: grant.userId, token };
  }

  /** POST /sign-out: the access token stops working at once. */
  revokeAccessToken(token: string): void {
    this.access.delete(token);
  }

  private issue(grant: Grant): TokenResponse {
    const accessToken = secret(24);
    const refreshToken = secret(24);
    const { clientId, userId, family } = grant;
    this.access.set(accessToken, {
      clientId,
      userId,
      family,
      expiresAt: this.clock.now() + this.accessTtlSeconds * 1000,
    });
    this.refresh.set(refreshToken, { clientId, userId, family });
    this.issued += 1;
    return {
      access_token: accessToken,
      // SoundCloud reports one second less than the lifetime (3599 for an hour).
      expires_in: Math.max(1, this.accessTtlSeconds - 1),
      scope: '',
      refresh_token: refreshToken,
      token_type: 'bearer',
    };
  }

  private revokeFamily(family: string): void {
    for (const [token, grant] of this.access) if (grant.family === family) this.access.delete(token);
    for (const [token, grant] of this.refresh) if (grant.family === family) this.refresh.delete(token);
  }
}
