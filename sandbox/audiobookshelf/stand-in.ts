import type { AudiobookshelfWorld } from '../books/world.ts';
import { Random } from '../core/random.ts';
import { json, type Reply } from '../core/reply.ts';
import type { StandInEnv, StandInService } from '../core/stand-in.ts';
import { ApiCache } from './api-cache.ts';
import { AbsCatalog } from './catalog.ts';
import type { AbsContext } from './context.ts';
import { LoginRateLimit } from './login-limit.ts';
import { sendStatus } from './replies.ts';
import { dispatch } from './routes.ts';
import { AbsState, worldApiKeys } from './state.ts';

/** Express answers a thrown error or a proxy's 5xx as a bare status; a limit refusal has its own JSON. */
function absFaultReply(kind: '429' | '500' | '502' | '503', retryAfterSeconds: number): Reply {
  if (kind === '429') {
    return {
      status: 429,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(retryAfterSeconds),
      },
      body: { error: 'Too many authentication requests' },
    };
  }
  return sendStatus(Number(kind));
}

/**
 * The Audiobookshelf v2.36 stand-in: login and JWT/API-key auth, the signed-in user and their
 * progress (with the real update rules), libraries with their item pages, series, authors and search,
 * items and batch fetch, public covers, users, listening stats and (always empty) playback sessions.
 * The catalog is built once; every started server gets its own users' progress and sessions.
 * `apiKeys` maps each ABS user id to a ready API key (a JWT the sandbox prints).
 */
export function createAudiobookshelfStandIn(world: AudiobookshelfWorld): {
  build: (env: StandInEnv) => StandInService;
  apiKeys: Record<string, string>;
} {
  const catalog = new AbsCatalog(world);
  const apiKeys = Object.fromEntries(worldApiKeys(world).map((key) => [key.userId, key.token]));
  return {
    apiKeys,
    build(env: StandInEnv): StandInService {
      const state = new AbsState(world, catalog);
      const ctx: AbsContext = {
        env,
        catalog,
        state,
        authLimit: new LoginRateLimit(env.clock, env.rateScale),
        random: new Random(world.items.length + 1),
        apiCache: new ApiCache(),
      };
      return {
        name: 'audiobookshelf',
        handle: (request) => dispatch(ctx, request),
        faultReply: absFaultReply,
        extraStats: () => ({
          progressRows: state.users.reduce((sum, user) => sum + user.progress.length, 0),
          refreshSessions: state.refreshSessions.size,
          apiCache: { entries: ctx.apiCache.size, hits: ctx.apiCache.hits },
        }),
        sandboxRoute(request) {
          if (request.url.pathname !== '/__sandbox/clear-api-cache' || request.method !== 'POST')
            return undefined;
          ctx.apiCache.clear();
          return json(200, { ok: true });
        },
      };
    },
  };
}
