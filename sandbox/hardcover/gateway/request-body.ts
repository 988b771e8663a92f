import { z } from 'zod';

const graphqlBody = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

export type GraphqlBody = z.infer<typeof graphqlBody>;

/** `{"query", "variables"?, "operationName"?}` as JSON, or undefined when it is not that. */
export function parseGraphqlBody(body: Buffer): GraphqlBody | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = graphqlBody.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
