import type { Reply } from '../core/reply.ts';

/**
 * JSON as Discogs' Python backend writes it: `json.dumps` defaults, i.e. `", "` and `": "` separators
 * and every non-ASCII character escaped as `\uXXXX` (the captured fixtures are byte-for-byte like
 * this). Clients depend on it: disconnect reads error messages with the pattern `^{"message": "(.+)"}`.
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return asciiString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${asciiString(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return 'null';
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The reply with an object body turned into Discogs-style JSON text (strings and Buffers pass). */
export function withPythonJson(reply: Reply): Reply {
  const { body } = reply;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return reply;
  return {
    ...reply,
    headers: { 'content-type': 'application/json', ...(reply.headers ?? {}) },
    body: pythonJson(body),
  };
}
