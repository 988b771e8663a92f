import { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';

const tokenSchema = z.object({
  access_token: z.string(),
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

/** An app token for public data (search); also proves the app's id and secret are right. */
export async function requestClientCredentialsToken(
  auth: HttpClient,
  app: SoundcloudApp,
): Promise<SoundcloudToken> {
  const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
  const { data } = await auth.request({
    method: 'POST',
    path: '/oauth/token',
    headers: { authorization: `Basic ${basic}` },
    body: { form: { grant_type: 'client_credentials' } },
    schema: tokenSchema,
    idempotent: false,
  });
  return data;
}
