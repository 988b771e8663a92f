import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  appToken,
  authorize,
  loginAsOwner,
  pkcePair,
  REDIRECT_URI,
  type StartedSoundcloud,
  startSoundcloud,
  type Tokens,
  tokenRequest,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { APP } from '../fixtures/soundcloud/world.ts';

describe('SoundCloud stand-in: OAuth 2.1', () => {
  let sc: StartedSoundcloud;
  afterEach(async () => {
    await sc?.server.stop();
  });

  const validAuthorize = (challenge: string, extra: Record<string, string | undefined> = {}) =>
    authorize(sc.origin, {
      client_id: APP.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st-1',
      ...extra,
    });

  const exchange = (code: string, verifier: string, redirectUri = REDIRECT_URI) =>
    tokenRequest(sc.origin, {
      grant_type: 'authorization_code',
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });

  const codeFrom = (response: Response) =>
    new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';

  it('runs the PKCE flow: approve at once, exchange the code, call /me with OAuth or Bearer', async () => {
    sc = await startSoundcloud();
    const { verifier, challenge } = pkcePair();
    const redirect = await validAuthorize(challenge);
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('st-1');

    const response = await exchange(codeFrom(redirect), verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Tokens;
    expect(tokens).toMatchObject({ expires_in: 3599, scope: '', token_type: 'bearer' });
    expect(tokens.refresh_token).not.toBe(tokens.access_token);

    for (const scheme of ['OAuth', 'Bearer']) {
      const me = await api(sc.origin, tokens.access_token, '/me', { scheme });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ urn: 'soundcloud:users:1001', username: 'shelf.owner' });
    }
  });

  it('refuses a wrong verifier, a missing verifier and a different redirect_uri', async () => {
    sc = await startSoundcloud();
    const { challenge } = pkcePair();
    const wrong = await exchange(codeFrom(await validAuthorize(challenge)), pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 400, message: 'invalid_grant', error: 'invalid_grant' });

    const missing = await exchange(codeFrom(await validAuthorize(challenge)), '');
    expect(missing.status).toBe(400);

    const { verifier, challenge: other } = pkcePair();
    const elsewhere = await exchange(
      codeFrom(await validAuthorize(other)),
      verifier,
      'http://127.0.0.1:9999/cb',
    );
    expect(elsewhere.status).toBe(400);
  });

  it('accepts a code once; a replay fails and revokes the tokens of the first exchange', async () => {
    sc = await startSoundcloud();
    const { verifier, challenge } = pkcePair();
    const code = codeFrom(await validAuthorize(challenge));
    const first = (await (await exchange(code, verifier)).json()) as Tokens;
    expect((await api(sc.origin, first.access_token, '/me')).status).toBe(200);

    const replay = await exchange(code, verifier);
    expect(replay.status).toBe(400);
    expect((await api(sc.origin, first.access_token, '/me')).status).toBe(401);
  });

  it('lets a code expire after ten minutes', async () => {
    sc = await startSoundcloud();
    const { verifier, challenge } = pkcePair();
    const code = codeFrom(await validAuthorize(challenge));
    sc.clock.advance(10 * 60 * 1000 + 1);
    expect((await exchange(code, verifier)).status).toBe(400);
  });

  it('answers bad authorize requests as OAuth 2.1 says: error page or error redirect', async () => {
    sc = await startSoundcloud();
    const { challenge } = pkcePair();

    const unknownClient = await validAuthorize(challenge, { client_id: 'nope' });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get('location')).toBeNull();
    expect(unknownClient.headers.get('content-type')).toContain('text/html');

    const foreignRedirect = await validAuthorize(challenge, { redirect_uri: 'https://evil.example/cb' });
    expect(foreignRedirect.status).toBe(400);
    expect(foreignRedirect.headers.get('location')).toBeNull();

    const cases: [Record<string, string | undefined>, string][] = [
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge_method: undefined }, 'invalid_request'],
      [{ code_challenge: 'short' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
    ];
    for (const [extra, error] of cases) {
      const response = await validAuthorize(challenge, extra);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('st-1');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('accepts a loopback redirect URI on any port', async () => {
    sc = await startSoundcloud();
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://localhost:41234/cb';
    const redirect = await validAuthorize(challenge, { redirect_uri: redirectUri });
    expect(redirect.status).toBe(302);
    expect((await exchange(codeFrom(redirect), verifier, redirectUri)).status).toBe(200);
  });

  it('rotates refresh tokens: each is single-use and a reused one is refused', async () => {
    sc = await startSoundcloud();
    const first = await loginAsOwner(sc.origin);
    const refresh = (token: string) =>
      tokenRequest(sc.origin, {
        grant_type: 'refresh_token',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
        refresh_token: token,
      });

    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    const rotated = (await second.json()) as Tokens;
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expect((await api(sc.origin, rotated.access_token, '/me')).status).toBe(200);

    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ code: 400, message: 'invalid_grant' });

    const viaBasic = await tokenRequest(
      sc.origin,
      { grant_type: 'refresh_token', refresh_token: rotated.refresh_token },
      { basic: { id: APP.clientId, secret: APP.clientSecret } },
    );
    expect(viaBasic.status).toBe(200);
  });

  it('expires access tokens on the clock: 200 before, 401 with the Error body after', async () => {
    sc = await startSoundcloud({ ttlSeconds: 60 });
    const tokens = await loginAsOwner(sc.origin);
    expect(tokens.expires_in).toBe(59);
    sc.clock.advance(59_000);
    expect((await api(sc.origin, tokens.access_token, '/me')).status).toBe(200);
    sc.clock.advance(1_000);
    const expired = await api(sc.origin, tokens.access_token, '/me');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 401, status: '401 - Unauthorized', error: null });
  });

  it('refuses requests without a token and tokens it never issued', async () => {
    sc = await startSoundcloud();
    expect((await api(sc.origin, undefined, '/tracks?q=so')).status).toBe(401);
    expect((await api(sc.origin, 'made-up', '/tracks?q=so')).status).toBe(401);
    const legacyQueryToken = await fetch(new URL('/me?oauth_token=made-up', sc.origin));
    expect(legacyQueryToken.status).toBe(401);
  });

  it('issues client_credentials tokens for public data only', async () => {
    sc = await startSoundcloud();
    const app = await appToken(sc.origin);
    expect(app.refresh_token).toBeTruthy();
    expect((await api(sc.origin, app.access_token, '/tracks?q=so%20what')).status).toBe(200);
    expect((await api(sc.origin, app.access_token, '/me')).status).toBe(401);
    const create = await api(sc.origin, app.access_token, '/playlists', {
      method: 'POST',
      json: { playlist: { title: 'x' } },
    });
    expect(create.status).toBe(401);
  });

  it('limits client_credentials issuance to 30 per hour per IP, with the 429 body', async () => {
    sc = await startSoundcloud();
    for (let i = 0; i < 30; i++) await appToken(sc.origin);
    const limited = await tokenRequest(
      sc.origin,
      { grant_type: 'client_credentials' },
      { basic: { id: APP.clientId, secret: APP.clientSecret } },
    );
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 429, error: 'rate_limit_exceeded' });
    // Refreshing is not an issuance and stays possible.
    const login = await loginAsOwner(sc.origin);
    expect(login.access_token).toBeTruthy();
    sc.clock.advance(2 * 60_000);
    expect((await appToken(sc.origin)).access_token).toBeTruthy();
  });

  it('answers client and grant errors with the documented codes', async () => {
    sc = await startSoundcloud();
    const badSecret = await tokenRequest(sc.origin, {
      grant_type: 'client_credentials',
      client_id: APP.clientId,
      client_secret: 'wrong',
    });
    expect(badSecret.status).toBe(401);
    expect(badSecret.headers.get('www-authenticate')).toBe('Basic');
    expect(await badSecret.json()).toMatchObject({ code: 401, message: 'invalid_client' });

    const password = await tokenRequest(sc.origin, {
      grant_type: 'password',
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
    });
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({
      message: 'unsupported_grant',
      error: 'unsupported_grant_type',
    });

    const asJson = await fetch(new URL('/oauth/token', sc.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(asJson.status).toBe(400);
  });

  it('signs out: the token stops working at once', async () => {
    sc = await startSoundcloud();
    const tokens = await loginAsOwner(sc.origin);
    expect((await api(sc.origin, tokens.access_token, '/sign-out', { method: 'POST' })).status).toBe(200);
    expect((await api(sc.origin, tokens.access_token, '/me')).status).toBe(401);
  });
});
