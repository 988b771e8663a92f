/** The gateway's own JSON bodies (Hardcover API docs, "API Response Codes"). */
import { json, type Reply } from '../../core/reply.ts';

export function invalidToken(description: string): Reply {
  return json(401, { error: 'invalid_token', error_description: description });
}

export function malformedBody(headers: Record<string, string>): Reply {
  return json(400, { error: 'Malformed request body' }, headers);
}

export function invalidQuery(description: string, headers: Record<string, string>): Reply {
  return json(400, { error: 'invalid_query', error_description: description }, headers);
}

export function insufficientScope(
  scopes: readonly string[],
  fields: readonly string[],
  headers: Record<string, string>,
): Reply {
  return json(
    403,
    {
      error: 'insufficient_scope',
      error_description: `This token is missing the scope needed for ${fields.join(', ')}`,
      scope: scopes.join(' '),
    },
    headers,
  );
}

/**
 * Over the per-request limit of top-level fields. Unlike the other 403s this one is an `errors`
 * array; the message names the general code and `extensions.code` the specific one.
 */
export function topLevelLimitExceeded(
  code: string,
  description: string,
  headers: Record<string, string>,
): Reply {
  return json(
    403,
    { errors: [{ message: `top_level_limit_exceeded: ${description}`, extensions: { code } }] },
    headers,
  );
}

/**
 * 429 for the burst bucket and for the exhausted daily quota alike, as the docs say. (The docs'
 * own explorer also treats a 403 mentioning "quota has been reached" as rate limiting; we send 429.)
 */
export function tooManyRequests(
  message: string,
  retryAfterSeconds: number,
  headers: Record<string, string>,
): Reply {
  return json(
    429,
    { error: 'Too Many Requests', message },
    { ...headers, 'retry-after': String(retryAfterSeconds) },
  );
}

const SERVER_ERRORS: Record<'500' | '502' | '503', string> = {
  '500': 'An unknown error occurred',
  // Not in the docs; a gateway in front of Hasura answers this when the upstream fails.
  '502': 'Bad Gateway',
  '503': 'Service temporarily unavailable',
};

export function serverError(kind: '500' | '502' | '503', headers: Record<string, string>): Reply {
  return json(Number(kind), { error: SERVER_ERRORS[kind] }, headers);
}

export function notFound(): Reply {
  return json(404, { error: 'Not found' });
}
