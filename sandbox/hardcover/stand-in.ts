/**
 * The Hardcover stand-in: `POST /v1/graphql` behind a gateway that behaves like Hardcover's
 * (Bearer token, per-request field limits, token bucket and daily quota with their headers), then
 * graphql-js executing our schema subset over an in-memory store with Hasura's semantics.
 */
import type { HardcoverWorld, HcUser } from '../books/world.ts';
import { json, type Reply } from '../core/reply.ts';
import type { StandInEnv, StandInRequest, StandInService } from '../core/stand-in.ts';
import { authenticate } from './gateway/auth.ts';
import { type PlanFailure, planRequest } from './gateway/plan.ts';
import { type QuotaPolicy, TokenQuota } from './gateway/quota.ts';
import {
  insufficientScope,
  invalidQuery,
  invalidToken,
  malformedBody,
  notFound,
  serverError,
  tooManyRequests,
  topLevelLimitExceeded,
} from './gateway/replies.ts';
import { type ExecutionContext, rowModels, visibleTo } from './graphql/context.ts';
import { runOperation } from './graphql/run.ts';
import { DEFAULT_LIBRARY_BEHAVIOUR, Library, type LibraryBehaviour } from './library/library.ts';
import { HardcoverStore } from './library/store.ts';
import { searchCorpora } from './search/indexes.ts';

export interface HardcoverLimits {
  /** Token-bucket size (Free plan: 10). */
  burst?: number;
  /** Refill per minute before the rate scale (60). */
  perMinute?: number;
  /** Units per UTC day before the rate scale (5,000). */
  daily?: number;
  /** Units per UTC day, exactly: overrides `daily` and ignores the rate scale. */
  dailyQuota?: number;
}

export type HardcoverStandInOptions = HardcoverLimits & Partial<LibraryBehaviour>;

export const GRAPHQL_PATH = '/v1/graphql';

function failureReply(failure: PlanFailure, headers: Record<string, string>): Reply {
  switch (failure.kind) {
    case 'malformed':
      return malformedBody(headers);
    case 'invalid_query':
      return invalidQuery(failure.description, headers);
    case 'limit':
      return topLevelLimitExceeded(failure.code, failure.description, headers);
    case 'scope':
      return insufficientScope(failure.scopes, failure.fields, headers);
  }
}

export function createHardcoverStandIn(
  world: HardcoverWorld,
  options: HardcoverStandInOptions = {},
): { build: (env: StandInEnv) => StandInService } {
  const behaviour: LibraryBehaviour = {
    statusOpensRead: options.statusOpensRead ?? DEFAULT_LIBRARY_BEHAVIOUR.statusOpensRead,
    readUpdate: options.readUpdate ?? DEFAULT_LIBRARY_BEHAVIOUR.readUpdate,
  };
  const build = (env: StandInEnv): StandInService => {
    const store = new HardcoverStore(world);
    const library = new Library(store, env.clock, behaviour);
    const usersByToken = new Map<string, HcUser>(world.users.map((u) => [u.token, u]));
    const policy: QuotaPolicy = {
      plan: 'Free',
      burst: options.burst ?? 10,
      perMinute: (options.perMinute ?? 60) * env.rateScale,
      daily: options.dailyQuota ?? Math.max(1, Math.round((options.daily ?? 5000) * env.rateScale)),
    };
    const quotas = new Map<string, TokenQuota>();
    let lastToken: string | undefined;
    const quotaFor = (token: string) => {
      let quota = quotas.get(token);
      if (!quota) {
        quota = new TokenQuota(policy, env.clock);
        quotas.set(token, quota);
      }
      return quota;
    };
    const searchCorpus = searchCorpora(store.tables);

    function handleGraphql(request: StandInRequest): Reply {
      const auth = authenticate(request.headers, usersByToken, env.clock.now());
      // No rate-limit headers here: without a valid token there is no bucket to describe.
      if (!auth.ok) return invalidToken(auth.description);
      lastToken = auth.token;
      const quota = quotaFor(auth.token);

      const plan = planRequest(request.body, auth.user.scopes ?? ['all']);
      if (!plan.ok) return failureReply(plan.failure, quota.headers());
      const { units } = plan;
      const charged = quota.charge(units);
      if (!charged.ok) {
        const message =
          charged.limit === 'daily'
            ? 'Daily request limit reached, try again after midnight UTC'
            : `Rate limit exceeded, retry in ${charged.retryAfterSeconds} seconds`;
        return tooManyRequests(message, charged.retryAfterSeconds, quota.headers());
      }
      for (const { top } of plan.requests) {
        if (!top) {
          env.stats.units(1);
          continue;
        }
        const kind = top.operation.operation === 'mutation' ? 'write' : undefined;
        for (const field of top.fields)
          env.stats.operation(field, kind ?? (field === 'search' ? 'search' : 'read'), 1);
      }

      const context: ExecutionContext = {
        userId: auth.user.id,
        store,
        library,
        searchCorpus,
        model: rowModels(store, auth.user.id),
        visible: (table, row) => visibleTo(store, auth.user.id, table, row),
      };
      const answers = plan.requests.map(({ body, document }) =>
        runOperation(document, body.variables, body.operationName, context),
      );
      return json(200, plan.batch ? answers : answers[0], quota.headers());
    }

    /** Headers for a reply made without a request in hand: the last caller's standing. */
    const standingHeaders = (exhaustedFor?: number) =>
      (lastToken ? quotaFor(lastToken) : new TokenQuota(policy, env.clock)).headers(exhaustedFor);

    return {
      name: 'hardcover',
      handle(request) {
        if (request.url.pathname !== GRAPHQL_PATH || request.method !== 'POST') return notFound();
        return handleGraphql(request);
      },
      faultReply(kind, retryAfterSeconds) {
        if (kind === '429')
          return tooManyRequests(
            `Rate limit exceeded, retry in ${retryAfterSeconds} seconds`,
            retryAfterSeconds,
            standingHeaders(retryAfterSeconds),
          );
        return serverError(kind, standingHeaders());
      },
      sandboxRoute(request) {
        // A new UTC day for every token: daily quota and burst bucket start full again.
        if (request.url.pathname === '/__sandbox/reset-quota' && request.method === 'POST') {
          quotas.clear();
          return json(200, { ok: true });
        }
        return undefined;
      },
      extraStats: () => ({
        duplicateOpenReads: store.duplicateOpenReads(),
        duplicateUserBooks: store.duplicateUserBooks(),
        duplicateReads: store.duplicateReads(),
        dailyQuota: policy.daily,
        dailyRemaining: Object.fromEntries(
          [...quotas].map(([token, quota]) => [String(usersByToken.get(token)?.id), quota.dailyRemaining()]),
        ),
      }),
    };
  };
  return { build };
}
