import { describe, expect, it } from 'vitest';
import type { SoundcloudApp } from '../../sandbox/records/world.ts';
import { handleAuthorize, redirectUriAllowed } from '../../sandbox/soundcloud/authorize.ts';
import { s256, TokenStore } from '../../sandbox/soundcloud/token-store.ts';
import { ManualClock } from '../../src/core/clock.ts';

const desktopApp: SoundcloudApp = { clientId: 'id', clientSecret: 'secret', accountUserId: 7 };
const webApp: SoundcloudApp = {
  ...desktopApp,
  redirectUris: ['https://shelf.example/callback', 'http://127.0.0.1:8976/callback'],
};

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('SoundCloud stand-in redirect URI rules', () => {
  it('lets a desktop app (no registered URIs) use any http loopback URI', () => {
    expect(redirectUriAllowed(desktopApp, 'http://127.0.0.1:53682/callback')).toBe(true);
    expect(redirectUriAllowed(desktopApp, 'http://localhost:8976/')).toBe(true);
    expect(redirectUriAllowed(desktopApp, 'http://[::1]:8976/cb')).toBe(true);
    expect(redirectUriAllowed(desktopApp, 'https://127.0.0.1:8976/cb')).toBe(false);
    expect(redirectUriAllowed(desktopApp, 'http://192.168.1.5:8976/cb')).toBe(false);
    expect(redirectUriAllowed(desktopApp, 'http://127.0.0.1:8976/cb#frag')).toBe(false);
    expect(redirectUriAllowed(desktopApp, 'not a url')).toBe(false);
  });

  it('matches registered URIs exactly, loopback ones on any port', () => {
    expect(redirectUriAllowed(webApp, 'https://shelf.example/callback')).toBe(true);
    expect(redirectUriAllowed(webApp, 'https://shelf.example/callback/other')).toBe(false);
    expect(redirectUriAllowed(webApp, 'http://127.0.0.1:40000/callback')).toBe(true);
    expect(redirectUriAllowed(webApp, 'http://127.0.0.1:40000/elsewhere')).toBe(false);
    expect(redirectUriAllowed(webApp, 'http://localhost:8976/callback')).toBe(false);
  });
});

describe('SoundCloud stand-in token store', () => {
  const setup = (ttlSeconds = 3600) => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    return { clock, tokens: new TokenStore(clock, ttlSeconds) };
  };
  const codeFor = (tokens: TokenStore, challenge = RFC_CHALLENGE) =>
    tokens.issueCode({ clientId: 'id', userId: 7, redirectUri: 'http://127.0.0.1:1/cb', challenge });
  const redeem = (tokens: TokenStore, code: string, verifier = RFC_VERIFIER) =>
    tokens.redeemCode({ code, clientId: 'id', redirectUri: 'http://127.0.0.1:1/cb', verifier });

  it('computes S256 as RFC 7636 does', () => {
    expect(s256(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('redeems a code with the right verifier, client and redirect URI only', () => {
    const { tokens } = setup();
    expect(redeem(tokens, codeFor(tokens), `${RFC_VERIFIER}x`)).toBeUndefined();
    const other = codeFor(tokens);
    expect(
      tokens.redeemCode({
        code: other,
        clientId: 'other',
        redirectUri: 'http://127.0.0.1:1/cb',
        verifier: RFC_VERIFIER,
      }),
    ).toBeUndefined();
    const issued = redeem(tokens, codeFor(tokens));
    expect(issued).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: '' });
    expect(tokens.authenticate(issued?.access_token ?? '')).toMatchObject({ userId: 7, clientId: 'id' });
  });

  it('refuses verifiers outside the RFC 7636 alphabet or length even when they hash right', () => {
    const { tokens } = setup();
    const short = 'abc';
    expect(redeem(tokens, codeFor(tokens, s256(short)), short)).toBeUndefined();
  });

  it('expires access tokens exactly at their lifetime', () => {
    const { clock, tokens } = setup(10);
    const issued = tokens.issueForClient('id');
    clock.advance(9_999);
    expect(tokens.authenticate(issued.access_token)).toMatchObject({ userId: null });
    clock.advance(1);
    expect(tokens.authenticate(issued.access_token)).toBeUndefined();
  });

  it('rotates refresh tokens once and keeps the user', () => {
    const { tokens } = setup();
    const first = redeem(tokens, codeFor(tokens));
    const second = tokens.rotate(first?.refresh_token ?? '', 'id');
    expect(second).toBeDefined();
    expect(tokens.rotate(first?.refresh_token ?? '', 'id')).toBeUndefined();
    expect(tokens.rotate(second?.refresh_token ?? '', 'someone-else')).toBeUndefined();
    expect(tokens.authenticate(second?.access_token ?? '')).toMatchObject({ userId: 7 });
  });

  it('revokes every token of a code family when the code is replayed', () => {
    const { tokens } = setup();
    const code = codeFor(tokens);
    const first = redeem(tokens, code);
    const rotated = tokens.rotate(first?.refresh_token ?? '', 'id');
    expect(redeem(tokens, code)).toBeUndefined();
    expect(tokens.authenticate(first?.access_token ?? '')).toBeUndefined();
    expect(tokens.authenticate(rotated?.access_token ?? '')).toBeUndefined();
    expect(tokens.rotate(rotated?.refresh_token ?? '', 'id')).toBeUndefined();
  });
});

describe('SoundCloud stand-in authorize endpoint', () => {
  const { tokens } = { tokens: new TokenStore(new ManualClock(), 3600) };
  const query = (params: Record<string, string>) => new URLSearchParams(params);
  const valid = {
    client_id: 'id',
    redirect_uri: 'http://127.0.0.1:8976/callback?keep=1',
    response_type: 'code',
    code_challenge: RFC_CHALLENGE,
    code_challenge_method: 'S256',
  };

  it('keeps the redirect URI query and adds the code, without state when none was sent', () => {
    const reply = handleAuthorize(query(valid), desktopApp, tokens);
    const location = new URL(reply.headers?.location ?? '');
    expect(reply.status).toBe(302);
    expect(location.searchParams.get('keep')).toBe('1');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.has('state')).toBe(false);
  });

  it('never redirects without a client_id', () => {
    const { client_id: _, ...rest } = valid;
    const reply = handleAuthorize(query(rest), desktopApp, tokens);
    expect(reply.status).toBe(400);
    expect(reply.headers?.location).toBeUndefined();
  });
});
