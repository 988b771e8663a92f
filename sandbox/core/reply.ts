/** What a stand-in handler answers; the server turns it into bytes. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else is sent as JSON. `undefined` sends no body. */
  body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}

/** Express' `res.send('<text>')`: text/html, as Audiobookshelf's error strings are sent. */
export function html(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: text };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

export function redirect(status: 301 | 302 | 303 | 307, location: string): Reply {
  return { status, headers: { location } };
}
