import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HttpClient } from '../../core/http/index.ts';
import { USER_AGENT } from '../user-agent.ts';

export interface DiscogsConnection {
  url: string;
  token: string;
}

/** Discogs allows 60 requests a minute per IP over a moving window; we pace at one a second. */
export const DISCOGS_LIMITS = {
  burst: 5,
  refillAmount: 1,
  refillIntervalMs: 1000,
  maxConcurrent: 2,
} as const;

export function createDiscogsClient(connection: DiscogsConnection, clock?: Clock): HttpClient {
  return createHttpClient({
    service: 'discogs',
    baseUrl: connection.url,
    defaultHeaders: { 'user-agent': USER_AGENT, accept: 'application/vnd.discogs.v2.discogs+json' },
    authHeaders: () => ({ authorization: `Discogs token=${connection.token}` }),
    maxConnections: 2,
    limiter: DISCOGS_LIMITS,
    ...(clock ? { clock } : {}),
  });
}
