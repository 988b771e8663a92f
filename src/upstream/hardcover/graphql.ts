import { z } from 'zod';
import { ShelfsyncError } from '../../core/errors.ts';
import type { HardcoverClient } from './client.ts';
import type { GraphqlDocument } from './documents.ts';

const errorsSchema = z.array(
  z.object({
    message: z.string(),
    extensions: z.object({ code: z.string().optional() }).loose().optional(),
  }),
);

/**
 * Sends one document. Hasura reports validation and permission failures in-band with HTTP 200, so a
 * body with `errors` is a failure even though the status says success.
 */
export async function runGraphql<S extends z.ZodType>(
  client: HardcoverClient,
  document: GraphqlDocument,
  variables: Record<string, unknown>,
  dataSchema: S,
): Promise<z.output<S>> {
  const envelope = z.object({ data: dataSchema.optional(), errors: errorsSchema.optional() });
  const { data } = await client.http.request({
    method: 'POST',
    path: client.endpointPath,
    body: { json: { query: document.text, variables, operationName: document.name } },
    schema: envelope,
    units: document.topLevelFields,
    idempotent: document.kind === 'query',
  });
  if (data.errors?.length) {
    const first = data.errors[0];
    const code = first?.extensions?.code;
    throw new ShelfsyncError(
      `Hardcover refused the ${document.name} request: ${first?.message ?? 'unknown error'}`,
      {
        code: code === 'access-denied' || code === 'permission-error' ? 'forbidden' : 'bad_request',
        service: 'hardcover',
      },
    );
  }
  if (data.data === undefined) {
    throw new ShelfsyncError(`Hardcover answered the ${document.name} request with no data`, {
      code: 'bad_response',
      service: 'hardcover',
    });
  }
  return data.data as z.output<S>;
}
