import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeFromPaste, pkcePair } from '../../src/sync/playlists/login.ts';
import { authorizeUrl } from '../../src/upstream/soundcloud/token.ts';

describe('SoundCloud login helpers', () => {
  it('makes an RFC 7636 verifier (43 unreserved characters) and its S256 challenge', () => {
    const { verifier, challenge } = pkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(pkcePair().verifier).not.toBe(verifier);
  });

  it('builds the authorize address with PKCE and state', () => {
    const url = new URL(
      authorizeUrl('https://secure.soundcloud.com', {
        clientId: 'cid',
        redirectUri: 'http://127.0.0.1:8976/callback',
        challenge: 'ch',
        state: 'st',
      }),
    );
    expect(url.pathname).toBe('/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:8976/callback',
      response_type: 'code',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
    });
  });

  it('takes a pasted code, or the address the browser ended on when its state is ours', () => {
    expect(codeFromPaste('  abc123 \n', 'st')).toBe('abc123');
    expect(codeFromPaste('http://127.0.0.1:8976/callback?code=xyz&state=st', 'st')).toBe('xyz');
    expect(() => codeFromPaste('http://127.0.0.1:8976/callback?code=xyz&state=other', 'st')).toThrow(
      /another sign-in/,
    );
    expect(() => codeFromPaste('http://127.0.0.1:8976/callback?error=access_denied&state=st', 'st')).toThrow(
      /refused/,
    );
    expect(() => codeFromPaste('http://127.0.0.1:8976/callback?state=st', 'st')).toThrow(/no code/);
  });
});
