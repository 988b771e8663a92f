import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HttpClient, type Sleep } from '../../core/http/index.ts';
import { USER_AGENT } from '../user-agent.ts';

export interface DiscogsConnection {
  url: string;
  token: string;
}

const WINDOW_MS = 60_000;

/**
 * Discogs allows 60 requests a minute per IP over a moving 60 s window and states its limit in
 * `X-Discogs-Ratelimit`: requests are spaced to stay one under whatever limit it states. Its 429
 * carries no Retry-After, so a 429 is waited out (up to whole windows) instead of failing the run.
 */
export const DISCOGS_LIMITS = {
  maxConcurrent: 2,
  movingWindow: { windowMs: WINDOW_MS, assumedLimit: 60 },
} as const;

export const DISCOGS_RETRY = { rateLimitRetries: 10, rateLimitWindowMs: WINDOW_MS } as const;

export interface DiscogsClientOptions {
  clock?: Clock;
  /** How retry waits happen; tests pass one that records the delays. */
  sleep?: Sleep;
}

export function createDiscogsClient(
  connection: DiscogsConnection,
  { clock, sleep }: DiscogsClientOptions = {},
): HttpClient {
  return createHttpClient({
    service: 'discogs',
    baseUrl: connection.url,
    defaultHeaders: { 'user-agent': USER_AGENT, accept: 'application/vnd.discogs.v2.discogs+json' },
    authHeaders: () => ({ authorization: `Discogs token=${connection.token}` }),
    maxConnections: 2,
    limiter: { ...DISCOGS_LIMITS, movingWindow: { ...DISCOGS_LIMITS.movingWindow } },
    retry: DISCOGS_RETRY,
    ...(clock ? { clock } : {}),
    ...(sleep ? { sleep } : {}),
  });
}
