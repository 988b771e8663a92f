import { type Service, ShelfsyncError } from '../errors.ts';
import { serviceName } from './service-names.ts';

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;
export type RequestBody = { json: unknown } | { form: Readonly<Record<string, string>> };

/**
 * The path (with query) to send to the pool for `baseUrl`'s origin. `path` is relative to the base
 * URL's path, or an absolute URL on the same origin (a `next_href` from a paged answer). Another
 * origin is refused: our credentials must never travel to a host the user did not configure.
 */
export function requestPath(service: Service, base: URL, path: string, query?: QueryParams): string {
  const url = /^https?:\/\//i.test(path) ? new URL(path) : joinPath(base, path);
  if (url.origin !== base.origin) {
    throw new ShelfsyncError(`Refusing to send a ${serviceName(service)} request to another host.`, {
      code: 'internal',
      service,
    });
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) url.searchParams.append(name, String(item));
  }
  return `${url.pathname}${url.search}`;
}

function joinPath(base: URL, path: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  // Stryker disable next-line StringLiteral: split always yields at least one element; the default only satisfies the type checker
  const [pathname = '', search] = path.split(/\?(.*)/s, 2);
  const url = new URL(base.origin);
  url.pathname = `${prefix}/${pathname.replace(/^\/+/, '')}`;
  if (search) url.search = search;
  return url;
}

/** The request path as messages and logs may show it: no query string, which can carry a token. */
export function pathForMessages(path: string): string {
  // Stryker disable next-line StringLiteral: split always yields at least one element; `?? ''` only satisfies the type checker
  const withoutQuery = path.split('?')[0] ?? '';
  return withoutQuery === '' ? '/' : withoutQuery;
}

export function encodeBody(body: RequestBody | undefined): { payload?: string; contentType?: string } {
  if (body === undefined) return {};
  if ('json' in body) return { payload: JSON.stringify(body.json), contentType: 'application/json' };
  return {
    payload: new URLSearchParams(Object.entries(body.form)).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}
