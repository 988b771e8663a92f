import type { Reply } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import type { Caller } from './auth.ts';
import type { DiscogsStore } from './store.ts';

export interface RouteContext {
  request: StandInRequest;
  params: Record<string, string>;
  caller: Caller;
  store: DiscogsStore;
  origin: string;
  now(): number;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Also the stats label's path part, e.g. "/users/:username/collection/folders". */
  path: string;
  pattern: RegExp;
  keys: string[];
  handle(ctx: RouteContext): Reply;
}

export function route(method: Route['method'], path: string, handle: Route['handle']): Route {
  const keys: string[] = [];
  const source = path.replace(/:([a-z_]+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, path, pattern: new RegExp(`^${source}$`), keys, handle };
}

export type Match = { route: Route; params: Record<string, string> } | { wrongMethod: true } | undefined;

export function matchRoute(routes: readonly Route[], method: string, pathname: string): Match {
  let pathMatched = false;
  for (const candidate of routes) {
    const m = candidate.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    candidate.keys.forEach((key, i) => {
      params[key] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route: candidate, params };
  }
  return pathMatched ? { wrongMethod: true } : undefined;
}

/** A numeric path parameter, or undefined when it is not a plain non-negative integer. */
export function idParam(ctx: RouteContext, key: string): number | undefined {
  const value = ctx.params[key] ?? '';
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
