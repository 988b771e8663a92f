import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HttpClient } from '../../core/http/index.ts';
import { USER_AGENT } from '../user-agent.ts';

export interface HardcoverConnection {
  /** The GraphQL endpoint, e.g. https://api.hardcover.app/v1/graphql. */
  url: string;
  token: string;
  /** The plan's refill per minute and bucket size, when not Hardcover's free-plan 60 and 10. */
  perMinute?: number;
  burst?: number;
}

/**
 * The limiter for a bucket refilled at `perMinute`: a unit at a time, or every 10 ms the units those
 * 10 ms earn (never more than the bucket holds) when that is more than one.
 */
export function limiterFor(connection: HardcoverConnection) {
  const perMinute = connection.perMinute ?? 60;
  const burst = connection.burst ?? HARDCOVER_LIMITS.burst;
  if (perMinute === 60 && burst === HARDCOVER_LIMITS.burst) return HARDCOVER_LIMITS;
  const refillIntervalMs = Math.max(MIN_REFILL_MS, Math.ceil(60_000 / perMinute));
  return {
    burst,
    refillAmount: Math.min(burst, Math.max(1, Math.floor((perMinute * refillIntervalMs) / 60_000))),
    refillIntervalMs,
    maxConcurrent: HARDCOVER_LIMITS.maxConcurrent,
  };
}

const MIN_REFILL_MS = 10;

/**
 * Hardcover's documented limits: a bucket of 10 units refilled at 60 a minute, 5,000 a day; every
 * top-level field is one unit. The bucket here refills a unit a second so we never earn a 429.
 */
export const HARDCOVER_LIMITS = {
  burst: 10,
  refillAmount: 1,
  refillIntervalMs: 1000,
  maxConcurrent: 2,
} as const;

/** The HTTP client plus the endpoint's path, which every request posts to. */
export interface HardcoverClient {
  http: HttpClient;
  endpointPath: string;
}

export function createHardcoverClient(connection: HardcoverConnection, clock?: Clock): HardcoverClient {
  const endpoint = new URL(connection.url);
  const http = createHttpClient({
    service: 'hardcover',
    baseUrl: endpoint.origin,
    defaultHeaders: { 'user-agent': USER_AGENT },
    authHeaders: () => ({ authorization: `Bearer ${connection.token}` }),
    maxConnections: 2,
    limiter: limiterFor(connection),
    // A used-up daily quota may come back as 403 with "quota" in the body (API-NOTES 1.4).
    classifyError: ({ status, body }) =>
      status === 403 &&
      JSON.stringify(body ?? '')
        .toLowerCase()
        .includes('quota')
        ? { code: 'quota_exhausted', retryable: false }
        : undefined,
    ...(clock ? { clock } : {}),
  });
  return { http, endpointPath: endpoint.pathname };
}
