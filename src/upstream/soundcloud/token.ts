import { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number(),
  refresh_token: z.string().nullable().optional(),
  scope: z.string().optional(),
  token_type: z.string(),
});
export type SoundcloudToken = z.output<typeof tokenSchema>;

export interface SoundcloudApp {
  clientId: string;
  clientSecret: string;
}

function basicAuth(app: SoundcloudApp): Record<string, string> {
  const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
  return { authorization: `Basic ${basic}` };
}

async function tokenRequest(auth: HttpClient, app: SoundcloudApp, form: Record<string, string>) {
  const { data } = await auth.request({
    method: 'POST',
    path: '/oauth/token',
    headers: basicAuth(app),
    body: { form },
    schema: tokenSchema,
    // Codes and refresh tokens are single-use: a repeat after a timeout would burn the grant.
    idempotent: false,
  });
  return data;
}

/** An app token for public data (search); also proves the app's id and secret are right. */
export function requestClientCredentialsToken(
  auth: HttpClient,
  app: SoundcloudApp,
): Promise<SoundcloudToken> {
  return tokenRequest(auth, app, { grant_type: 'client_credentials' });
}

/** Step two of the authorization-code flow with PKCE. */
export function exchangeAuthorizationCode(
  auth: HttpClient,
  app: SoundcloudApp,
  grant: { code: string; redirectUri: string; verifier: string },
): Promise<SoundcloudToken> {
  return tokenRequest(auth, app, {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.verifier,
  });
}

/** Trades a (single-use) refresh token for a new access and refresh token. */
export function refreshAccessToken(
  auth: HttpClient,
  app: SoundcloudApp,
  refreshToken: string,
): Promise<SoundcloudToken> {
  return tokenRequest(auth, app, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** The page the user opens to allow the app: secure.soundcloud.com/authorize with an S256 challenge. */
export function authorizeUrl(
  authUrl: string,
  params: { clientId: string; redirectUri: string; challenge: string; state: string },
): string {
  const url = new URL(`${authUrl}/authorize`);
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('code_challenge', params.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', params.state);
  return url.toString();
}
