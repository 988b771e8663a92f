import { z } from 'zod';
import type { Reply } from '../core/reply.ts';
import { html } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import type { JsonValue } from './progress-update.ts';

/**
 * Express' body parsers as Audiobookshelf configures them: `express.json()` (strict: only objects and
 * arrays) and `express.urlencoded()`. A body of any other type leaves `req.body` as `{}`.
 */

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

export const jsonObject = z.record(z.string(), jsonValue);
export type JsonObject = z.infer<typeof jsonObject>;

export type ParsedBody = { ok: true; body: JsonValue } | { ok: false; reply: Reply };

/** Express' final error handler in production for a body that does not parse. */
function badRequest(): Reply {
  return html(
    400,
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Bad Request</pre>\n</body>\n</html>\n',
    { 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff' },
  );
}

export function parseBody(request: StandInRequest): ParsedBody {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const raw = request.body.toString('utf8');
  if (/^application\/json\b/.test(type)) {
    if (raw === '') return { ok: true, body: {} };
    const first = raw.trimStart()[0];
    if (first !== '{' && first !== '[') return { ok: false, reply: badRequest() };
    try {
      const parsed = jsonValue.safeParse(JSON.parse(raw));
      return parsed.success ? { ok: true, body: parsed.data } : { ok: false, reply: badRequest() };
    } catch {
      return { ok: false, reply: badRequest() };
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { ok: true, body: Object.fromEntries(new URLSearchParams(raw)) };
  }
  return { ok: true, body: {} };
}

/** `req.body` as an object; arrays and scalars read as an object without fields. */
export function bodyObject(body: JsonValue): JsonObject {
  const parsed = jsonObject.safeParse(body);
  return parsed.success && !Array.isArray(body) ? parsed.data : {};
}
