import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HttpClient } from '../../core/http/index.ts';
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
