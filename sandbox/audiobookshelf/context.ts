import type { Random } from '../core/random.ts';
import type { StandInEnv, StandInRequest } from '../core/stand-in.ts';
import type { ApiCache } from './api-cache.ts';
import type { AbsCatalog } from './catalog.ts';
import type { LoginRateLimit } from './login-limit.ts';
import type { JsonValue } from './progress-update.ts';
import type { AbsState, UserRecord } from './state.ts';

/** Everything an Audiobookshelf route handler may use. */
export interface AbsContext {
  env: StandInEnv;
  catalog: AbsCatalog;
  state: AbsState;
  authLimit: LoginRateLimit;
  /** For `sort=random`. */
  random: Random;
  /** The server's response cache for GET /api/libraries*. */
  apiCache: ApiCache;
}

/** One authenticated `/api` call. */
export interface ApiCall {
  request: StandInRequest;
  query: URLSearchParams;
  /** Path parameters, percent-decoded; a missing optional one is undefined. */
  params: (string | undefined)[];
  user: UserRecord;
  /** The request used a legacy token without expiry (reported as `isOldToken` by /api/me). */
  oldToken: boolean;
  /** `req.body` after Express' parsers (`{}` when there was none). */
  body: JsonValue;
}

export function isAdminOrUp(user: UserRecord): boolean {
  return user.user.type === 'root' || user.user.type === 'admin';
}
