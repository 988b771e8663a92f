/**
 * The Hardcover stand-in: `POST /v1/graphql` behind a gateway that behaves like Hardcover's
 * (Bearer token, per-request field limits, token bucket and daily quota with their headers), then
 * graphql-js executing our schema subset over an in-memory store with Hasura's semantics.
 */
import { parse } from 'graphql';
import type { HardcoverWorld, HcUser } from '../books/world.ts';
import { json, type Reply } from '../core/reply.ts';
import type { StandInEnv, StandInRequest, StandInService } from '../core/stand-in.ts';
import { authenticate } from './gateway/auth.ts';
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
import { parseGraphqlBody } from './gateway/request-body.ts';
import { missingScopes } from './gateway/scopes.ts';
import { checkTopLevelLimit, selectOperation, topLevelFields } from './gateway/top-level.ts';
import { type ExecutionContext, rowModels, visibleTo } from './graphql/context.ts';
import { runOperation } from './graphql/run.ts';
import { Library } from './library/library.ts';
import { HardcoverStore } from './library/store.ts';
import { authorDocuments, bookDocuments, type SearchDocument } from './search/book-documents.ts';

export interface HardcoverLimits {
  /** Token-bucket size (Free plan: 10). */
  burst?: number;
  /** Refill per minute before the rate scale (60). */
  perMinute?: number;
  /** Units per UTC day before the rate scale (5,000). */
  daily?: number;
}

export const GRAPHQL_PATH = '/v1/graphql';

export function createHardcoverStandIn(
  world: HardcoverWorld,
  options: HardcoverLimits = {},
): { build: (env: StandInEnv) => StandInService } {
  const build = (env: StandInEnv): StandInService => {
    const store = new HardcoverStore(world);
    const library = new Library(store, env.clock);
    const usersByToken = new Map<string, HcUser>(world.users.map((u) => [u.token, u]));
    const policy: QuotaPolicy = {
      plan: 'Free',
      burst: options.burst ?? 10,
      perMinute: (options.perMinute ?? 60) * env.rateScale,
      daily: Math.max(1, Math.round((options.daily ?? 5000) * env.rateScale)),
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
    const searchCache = new Map<string, SearchDocument[]>();
    const searchDocuments = (type: string): SearchDocument[] => {
      let documents = searchCache.get(type);
      if (!documents) {
        documents =
          type === 'book'
            ? bookDocuments(store.tables)
            : type === 'author'
              ? authorDocuments(store.tables)
              : [];
        searchCache.set(type, documents);
      }
      return documents;
    };

    function handleGraphql(request: StandInRequest): Reply {
      const auth = authenticate(request.headers, usersByToken, env.clock.now());
      // No rate-limit headers here: without a valid token there is no bucket to describe.
      if (!auth.ok) return invalidToken(auth.description);
      lastToken = auth.token;
      const quota = quotaFor(auth.token);

      const body = parseGraphqlBody(request.body);
      if (!body) return malformedBody(quota.headers());
      let document: ReturnType<typeof parse>;
      try {
        document = parse(body.query);
      } catch (error) {
        return invalidQuery(error instanceof Error ? error.message : String(error), quota.headers());
      }
      const operation = selectOperation(document, body.operationName);
      const top = operation ? topLevelFields(document, operation) : undefined;
      if (top) {
        const violation = checkTopLevelLimit(top);
        if (violation) return topLevelLimitExceeded(violation.code, violation.description, quota.headers());
        const missing = missingScopes(auth.user.scopes ?? ['all'], top.fields, top.operation.operation);
        if (missing.scopes.length > 0)
          return insufficientScope(missing.scopes, missing.fields, quota.headers());
      }

      const units = Math.max(1, top?.fields.length ?? 1);
      const charged = quota.charge(units);
      if (!charged.ok) {
        const message =
          charged.limit === 'daily'
            ? 'Daily request limit reached, try again after midnight UTC'
            : `Rate limit exceeded, retry in ${charged.retryAfterSeconds} seconds`;
        return tooManyRequests(message, charged.retryAfterSeconds, quota.headers());
      }
      if (top) {
        const kind = top.operation.operation === 'mutation' ? 'write' : undefined;
        for (const field of top.fields)
          env.stats.operation(field, kind ?? (field === 'search' ? 'search' : 'read'), 1);
      } else {
        env.stats.units(units);
      }

      const context: ExecutionContext = {
        userId: auth.user.id,
        store,
        library,
        searchDocuments,
        model: rowModels(store, auth.user.id),
        visible: (table, row) => visibleTo(store, auth.user.id, table, row),
      };
      return json(200, runOperation(document, body.variables, body.operationName, context), quota.headers());
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
      extraStats: () => ({ duplicateOpenReads: store.duplicateOpenReads() }),
    };
  };
  return { build };
}
