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

type Envelope<S extends z.ZodType> = z.ZodObject<{
  data: z.ZodOptional<S>;
  errors: z.ZodOptional<typeof errorsSchema>;
}>;

/**
 * One envelope per data schema, built once: zod compiles a parser for each new object schema the
 * first time it parses (about 0.4 ms and a few kB of old-generation garbage a request otherwise).
 */
const envelopes = new WeakMap<z.ZodType, Envelope<z.ZodType>>();

function envelopeOf<S extends z.ZodType>(dataSchema: S): Envelope<S> {
  let envelope = envelopes.get(dataSchema);
  if (!envelope) {
    envelope = z.object({ data: dataSchema.optional(), errors: errorsSchema.optional() });
    envelopes.set(dataSchema, envelope);
  }
  return envelope as Envelope<S>;
}

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
  const envelope = envelopeOf(dataSchema);
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
