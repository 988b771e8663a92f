import type { HttpClient } from '../../core/http/index.ts';
import { type DiscogsRelease, releaseSchema } from './schemas.ts';

/** The full release, tracklist included. A missing release fails with code `not_found`. */
export async function fetchRelease(
  client: HttpClient,
  releaseId: number,
  options: { priority?: number } = {},
): Promise<DiscogsRelease> {
  const { data } = await client.request({
    path: `/releases/${releaseId}`,
    schema: releaseSchema,
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
  });
  return data;
}
