import { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';

const identitySchema = z.object({ id: z.number().int(), username: z.string(), resource_url: z.string() });
export type DiscogsIdentity = z.output<typeof identitySchema>;

/** Whose token this is. */
export async function fetchIdentity(client: HttpClient): Promise<DiscogsIdentity> {
  const { data } = await client.request({ path: '/oauth/identity', schema: identitySchema });
  return data;
}
