/**
 * What the gateway decides before Hasura runs anything: the body's shape, each document's syntax,
 * the per-request top-level limit, the token's scopes, and the cost in units (one per top-level
 * field, summed over a batch). Each request of a batch is held to the limit on its own.
 */
import { type DocumentNode, parse } from 'graphql';
import { type GraphqlBody, parseGraphqlBodies } from './request-body.ts';
import { missingScopes } from './scopes.ts';
import { checkTopLevelLimit, selectOperation, type TopLevel, topLevelFields } from './top-level.ts';

export interface PlannedRequest {
  body: GraphqlBody;
  document: DocumentNode;
  /** Undefined when no single operation can be picked; Hasura then reports it in-band. */
  top: TopLevel | undefined;
}

export type PlanFailure =
  | { kind: 'malformed' }
  | { kind: 'invalid_query'; description: string }
  | { kind: 'limit'; code: string; description: string }
  | { kind: 'scope'; scopes: string[]; fields: string[] };

export type Plan =
  | { ok: true; batch: boolean; requests: PlannedRequest[]; units: number }
  | { ok: false; failure: PlanFailure };

function planOne(body: GraphqlBody, granted: readonly string[]): PlannedRequest | PlanFailure {
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { kind: 'invalid_query', description: error instanceof Error ? error.message : String(error) };
  }
  const operation = selectOperation(document, body.operationName);
  const top = operation ? topLevelFields(document, operation) : undefined;
  if (top) {
    const violation = checkTopLevelLimit(top);
    if (violation) return { kind: 'limit', ...violation };
    const missing = missingScopes(granted, top.fields, top.operation.operation, top.nested);
    if (missing.scopes.length > 0) return { kind: 'scope', ...missing };
  }
  return { body, document, top };
}

export function planRequest(raw: Buffer, granted: readonly string[]): Plan {
  const parsed = parseGraphqlBodies(raw);
  if (!parsed) return { ok: false, failure: { kind: 'malformed' } };
  const requests: PlannedRequest[] = [];
  for (const body of parsed.bodies) {
    const planned = planOne(body, granted);
    if ('kind' in planned) return { ok: false, failure: planned };
    requests.push(planned);
  }
  const units = requests.reduce((sum, r) => sum + Math.max(1, r.top?.fields.length ?? 1), 0);
  return { ok: true, batch: parsed.batch, requests, units };
}
