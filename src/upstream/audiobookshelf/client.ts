import type { Clock } from '../../core/clock.ts';
import { createHttpClient, type HttpClient } from '../../core/http/index.ts';
import { USER_AGENT } from '../user-agent.ts';

export interface AudiobookshelfConnection {
  url: string;
  token: string;
}

/** A self-hosted server with no API rate limit: bounded only by a few concurrent requests. */
export function createAudiobookshelfClient(connection: AudiobookshelfConnection, clock?: Clock): HttpClient {
  return createHttpClient({
    service: 'audiobookshelf',
    baseUrl: connection.url,
    defaultHeaders: { 'user-agent': USER_AGENT },
    authHeaders: () => ({ authorization: `Bearer ${connection.token}` }),
    maxConnections: 4,
    limiter: { maxConcurrent: 4 },
    ...(clock ? { clock } : {}),
  });
}
