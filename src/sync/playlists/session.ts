import type { Clock } from '../../core/clock.ts';
import { findShelfsyncError, ShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import {
  refreshAccessToken,
  type SoundcloudApp,
  type SoundcloudToken,
} from '../../upstream/soundcloud/token.ts';
import type { SignIn, TokenVault } from './token-vault.ts';

/** Refresh this long before expiry at most; short-lived tokens refresh at 80% of their life. */
const MAX_REFRESH_MARGIN_MS = 60_000;

export function signInFromToken(
  token: SoundcloudToken,
  now: number,
  previous?: Pick<SignIn, 'refreshToken' | 'userUrn' | 'username'>,
): SignIn {
  return {
    accessToken: token.access_token,
    // A refresh answer without a new refresh token leaves the old one valid.
    refreshToken: token.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: now + Math.max(1, token.expires_in) * 1000,
    issuedAt: now,
    scope: token.scope ?? '',
    userUrn: previous?.userUrn ?? null,
    username: previous?.username ?? null,
  };
}

function notSignedIn(): ShelfsyncError {
  return new ShelfsyncError('not signed in to SoundCloud; run `shelfsync soundcloud login` first', {
    code: 'auth_failed',
    service: 'soundcloud',
  });
}

export interface SessionDeps {
  vault: TokenVault;
  auth: HttpClient;
  app: SoundcloudApp;
  clock: Clock;
}

/**
 * The signed-in user's tokens during a run: hands out a valid access token before every request,
 * refreshes shortly before expiry and after a 401, and lets only one refresh run at a time (refresh
 * tokens are single-use: two parallel refreshes would burn the grant).
 */
export class SoundcloudSession {
  private current: SignIn;
  private refreshing: Promise<void> | undefined;
  private generation = 0;
  /** Refreshes done in this run, for the report. */
  refreshes = 0;

  private readonly deps: SessionDeps;

  constructor(signIn: SignIn, deps: SessionDeps) {
    this.current = signIn;
    this.deps = deps;
  }

  static async open(deps: SessionDeps): Promise<SoundcloudSession> {
    const signIn = await deps.vault.load();
    if (!signIn) throw notSignedIn();
    return new SoundcloudSession(signIn, deps);
  }

  get signIn(): Readonly<SignIn> {
    return this.current;
  }

  /** For the API client: asked before every attempt. */
  readonly authHeaders = async (): Promise<Record<string, string>> => {
    if (this.expiresSoon()) await this.refresh(this.generation);
    return { authorization: `OAuth ${this.current.accessToken}` };
  };

  /** Runs `request`; after a 401 refreshes once (unless someone already did) and tries again. */
  async call<T>(request: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      return await request();
    } catch (error) {
      if (findShelfsyncError(error)?.status !== 401) throw error;
      await this.refresh(generation);
      return request();
    }
  }

  private expiresSoon(): boolean {
    const lifetime = this.current.expiresAt - this.current.issuedAt;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, Math.max(0, lifetime) * 0.2);
    return this.deps.clock.now() >= this.current.expiresAt - margin;
  }

  /** Refreshes unless the token seen by the caller (`seen`) was already replaced. */
  refresh(seen: number): Promise<void> {
    if (seen !== this.generation) return Promise.resolve();
    this.refreshing ??= this.rotate().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rotate(): Promise<void> {
    const old = this.current;
    if (!old.refreshToken) {
      throw new ShelfsyncError(
        'the SoundCloud sign-in has expired and cannot be renewed; run `shelfsync soundcloud login` again',
        { code: 'auth_failed', service: 'soundcloud' },
      );
    }
    let token: SoundcloudToken;
    try {
      token = await refreshAccessToken(this.deps.auth, this.deps.app, old.refreshToken);
    } catch (error) {
      const known = findShelfsyncError(error);
      if (known?.status === 400 || known?.status === 401) {
        throw new ShelfsyncError(
          'SoundCloud no longer accepts the stored sign-in; run `shelfsync soundcloud login` again',
          { code: 'auth_failed', service: 'soundcloud', cause: error },
        );
      }
      throw error;
    }
    const next = signInFromToken(token, this.deps.clock.now(), old);
    // Saved before it is used: a crash now still leaves the new (unused) refresh token on disk.
    await this.deps.vault.save(next);
    this.current = next;
    this.generation += 1;
    this.refreshes += 1;
  }
}
