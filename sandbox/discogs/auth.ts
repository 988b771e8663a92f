import type { StandInRequest } from '../core/stand-in.ts';
import type { DiscogsUser } from '../records/world.ts';
import type { DiscogsStore } from './store.ts';

/**
 * Who is asking. Discogs Auth sends a personal token or an app's key/secret, in the `Authorization:
 * Discogs ...` header or as query parameters. Key/secret raises the rate tier but identifies no user.
 * Credentials that do not check out (or OAuth 1.0a signatures, which the sandbox does not issue) are
 * `invalid`, answered with 401.
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: DiscogsUser }
  | { kind: 'app' }
  | { kind: 'invalid' };

function headerParams(header: string): Map<string, string> | undefined {
  const match = /^Discogs\s+(.+)$/i.exec(header.trim());
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const part of (match[1] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0)
      params.set(
        part.slice(0, eq).trim().toLowerCase(),
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return params;
}

export function identifyCaller(request: StandInRequest, store: DiscogsStore): Caller {
  const header = request.headers.authorization;
  const query = request.url.searchParams;
  let params: Map<string, string> | undefined;
  if (typeof header === 'string' && header.trim() !== '') {
    params = headerParams(header);
    if (!params) return { kind: 'invalid' };
  } else if (query.has('token') || query.has('key')) {
    params = new Map([...query].filter(([key]) => key === 'token' || key === 'key' || key === 'secret'));
  }
  if (!params) return { kind: 'anonymous' };
  const token = params.get('token');
  if (token !== undefined) {
    const user = store.userByToken(token);
    return user ? { kind: 'user', user } : { kind: 'invalid' };
  }
  const key = params.get('key');
  const secret = params.get('secret');
  if (key !== undefined && secret !== undefined && store.consumer(key, secret)) return { kind: 'app' };
  return { kind: 'invalid' };
}

export function isAuthenticated(caller: Caller): boolean {
  return caller.kind === 'user' || caller.kind === 'app';
}
