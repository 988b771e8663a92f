import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HeaderProvider, type HttpClient } from '../../core/http/index.ts';
import { USER_AGENT } from '../user-agent.ts';

/** The sign-in host (secure.soundcloud.com): token requests only. */
export function createSoundcloudAuthClient(authUrl: string, clock?: Clock): HttpClient {
  return createHttpClient({
    service: 'soundcloud',
    baseUrl: authUrl,
    defaultHeaders: { 'user-agent': USER_AGENT, accept: 'application/json; charset=utf-8' },
    maxConnections: 1,
    limiter: { maxConcurrent: 1 },
    ...(clock ? { clock } : {}),
  });
}

/**
 * The API host (api.soundcloud.com). `authHeaders` is asked before every attempt, so a retry after
 * a refresh carries the new token. SoundCloud publishes no request rate for these endpoints; a few
 * requests at a time keeps us polite, and 429s are waited out by the core client.
 */
export function createSoundcloudApiClient(
  url: string,
  authHeaders: HeaderProvider,
  clock?: Clock,
): HttpClient {
  return createHttpClient({
    service: 'soundcloud',
    baseUrl: url,
    defaultHeaders: { 'user-agent': USER_AGENT, accept: 'application/json; charset=utf-8' },
    authHeaders,
    maxConnections: 4,
    limiter: { maxConcurrent: 4 },
    retry: { retries: 6 },
    ...(clock ? { clock } : {}),
  });
}
