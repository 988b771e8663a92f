import { STATUS_CODES } from 'node:http';
import { html, json, type Reply, text } from '../core/reply.ts';

/**
 * The reply styles of an Express server such as Audiobookshelf:
 * - `res.sendStatus(n)`: the reason phrase as text/plain ("Not Found", "OK");
 * - `res.status(n).send('<text>')`: the text as text/html ("Library item not found");
 * - passport's failure: the reason phrase with no Content-Type at all ("Unauthorized").
 */
export function sendStatus(status: number): Reply {
  return text(status, STATUS_CODES[status] ?? String(status));
}

export function sendText(status: number, message: string): Reply {
  return html(status, message);
}

/** passport ends a failed authentication with `res.end(STATUS_CODES[status])` and no headers. */
export function passportFailure(status: 400 | 401 = 401): Reply {
  return { status, headers: {}, body: STATUS_CODES[status] };
}

export function sendJson(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return json(status, body, headers);
}

/** Express' final handler for a route nobody serves. */
export function cannotRoute(method: string, path: string): Reply {
  const escaped = path.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return html(
    404,
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${escaped}</pre>\n</body>\n</html>\n`,
    { 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff' },
  );
}
