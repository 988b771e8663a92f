import { empty, type Reply } from '../core/reply.ts';
import { requestOrigin } from '../core/request-origin.ts';
import type { StandInEnv, StandInRequest, StandInService } from '../core/stand-in.ts';
import type { DiscogsWorld } from '../records/world.ts';
import { identifyCaller, isAuthenticated } from './auth.ts';
import {
  discogsFaultReply,
  MESSAGES,
  message,
  methodNotAllowed,
  notFound,
  unauthenticated,
} from './errors.ts';
import { withPythonJson } from './python-json.ts';
import { MovingWindowLimiter, rateHeaders } from './rate-limit.ts';
import { matchRoute, type Route } from './router.ts';
import { collectionReadRoutes } from './routes-collection.ts';
import { collectionWriteRoutes } from './routes-collection-writes.ts';
import { databaseRoutes } from './routes-database.ts';
import { entityRoutes } from './routes-entities.ts';
import { marketplaceRoutes } from './routes-marketplace.ts';
import { releaseRatingRoutes } from './routes-release-ratings.ts';
import { userRoutes } from './routes-user.ts';
import { wantlistRoutes } from './routes-wantlist.ts';
import { discogsSandboxRoute } from './sandbox-routes.ts';
import { DiscogsStore } from './store.ts';

/** Requests per minute per source IP (developer docs, Rate Limiting). */
const AUTHENTICATED_PER_MINUTE = 60;
const ANONYMOUS_PER_MINUTE = 25;

/** Adds the rate-limit headers and writes the body as Discogs' backend does (python-json.ts). */
function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  const serialized = withPythonJson(reply);
  return { ...serialized, headers: { ...(serialized.headers ?? {}), ...headers } };
}

/** The Discogs API v2 stand-in (API-NOTES section 3, developer docs, captured fixtures). */
export function createDiscogsStandIn(world: DiscogsWorld): { build: (env: StandInEnv) => StandInService } {
  return {
    build(env: StandInEnv): StandInService {
      const store = new DiscogsStore(world);
      const owner = store.shelf(world.user.username);
      if (!owner) throw new Error('the Discogs world has no owner');
      const limiter = new MovingWindowLimiter(env.clock);
      const routes: Route[] = [
        ...userRoutes(),
        ...collectionReadRoutes(),
        ...collectionWriteRoutes(),
        ...wantlistRoutes(),
        ...databaseRoutes(),
        ...releaseRatingRoutes(),
        ...entityRoutes(),
        ...marketplaceRoutes(),
      ];

      function handle(request: StandInRequest): Reply {
        // FAQ 1: "Why am I getting an empty response from the server? This generally happens when you
        // forget to add a User-Agent header." So a request without one gets an empty 200, no JSON, and
        // never reaches the API (no rate-limit headers, no units).
        const userAgent = request.headers['user-agent'];
        if (typeof userAgent !== 'string' || userAgent.trim() === '') return empty(200);

        const caller = identifyCaller(request, store);
        const perMinute = isAuthenticated(caller) ? AUTHENTICATED_PER_MINUTE : ANONYMOUS_PER_MINUTE;
        const decision = limiter.take(
          request.remoteAddress,
          Math.max(1, Math.round(perMinute * env.rateScale)),
        );
        const headers = rateHeaders(decision);
        if (!decision.allowed) return message(429, MESSAGES.tooManyRequests, headers);

        const match = matchRoute(routes, request.method, request.url.pathname);
        if (!match || 'wrongMethod' in match) {
          env.stats.units(1);
          return withHeaders(match ? methodNotAllowed() : notFound(), headers);
        }
        env.stats.operation(
          `${match.route.method} ${match.route.path}`,
          match.route.method === 'GET' ? 'read' : 'write',
          1,
        );
        if (caller.kind === 'invalid') return withHeaders(unauthenticated(), headers);
        const reply = match.route.handle({
          request,
          params: match.params,
          caller,
          store,
          origin: requestOrigin(request.headers, env.origin()),
          now: () => env.clock.now(),
        });
        return withHeaders(reply, headers);
      }

      return {
        name: 'discogs',
        handle,
        // An injected 429 looks like a real one: the window is full, so the headers say 0 remain.
        faultReply: (kind) => {
          const reply = discogsFaultReply(kind);
          if (kind !== '429') return reply;
          const limit = Math.max(1, Math.round(AUTHENTICATED_PER_MINUTE * env.rateScale));
          return withHeaders(reply, rateHeaders({ allowed: false, limit, used: limit, remaining: 0 }));
        },
        sandboxRoute: (request) => discogsSandboxRoute(request, store, owner, limiter, () => env.clock.now()),
      };
    },
  };
}
