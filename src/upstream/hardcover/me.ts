import { z } from 'zod';
import { ShelfsyncError } from '../../core/errors.ts';
import type { HardcoverClient } from './client.ts';
import { ME_QUERY } from './documents.ts';
import { runGraphql } from './graphql.ts';

const meSchema = z.object({
  me: z.array(z.object({ id: z.number().int(), username: z.string().nullable() })),
});

export interface HardcoverMe {
  id: number;
  username: string | null;
}

/** `me` is a list in Hardcover's schema; an empty list means the token belongs to no user. */
export async function fetchMe(client: HardcoverClient): Promise<HardcoverMe> {
  const data = await runGraphql(client, ME_QUERY, {}, meSchema);
  const me = data.me[0];
  if (!me) {
    throw new ShelfsyncError('Hardcover accepted the token but returned no user for it', {
      code: 'auth_failed',
      service: 'hardcover',
    });
  }
  return me;
}
