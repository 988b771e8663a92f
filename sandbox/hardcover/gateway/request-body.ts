import { z } from 'zod';

const graphqlBody = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

export type GraphqlBody = z.infer<typeof graphqlBody>;

export interface GraphqlBodies {
  /** A JSON array of requests (Hasura's batching): the answer is an array too. */
  batch: boolean;
  bodies: GraphqlBody[];
}

/**
 * `{"query", "variables"?, "operationName"?}` as JSON, or a non-empty array of those; undefined
 * when the body is neither.
 */
export function parseGraphqlBodies(body: Buffer): GraphqlBodies | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (Array.isArray(data)) {
    const parsed = z.array(graphqlBody).min(1).safeParse(data);
    return parsed.success ? { batch: true, bodies: parsed.data } : undefined;
  }
  const parsed = graphqlBody.safeParse(data);
  return parsed.success ? { batch: false, bodies: [parsed.data] } : undefined;
}
