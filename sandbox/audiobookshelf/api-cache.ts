/**
 * Audiobookshelf's ApiCacheManager: every GET whose path (inside the /api router, case-sensitively)
 * starts with `/libraries` is answered from an LRU keyed by the caller's username and the URL exactly
 * as sent (path and query string). The cached value is whatever body the route handed to `res.send`,
 * error text included, and a hit is sent with a bare `res.send(body)`: status 200 and, the body being
 * a string, `text/html`. So a second identical request after a progress change gets the first answer:
 * on a running v2.36 server the same `filter=progress.in-progress` URL gave total 6 before and after a
 * change that put a 7th item in progress, while the URL with one more parameter gave 7.
 *
 * What clears it: the server clears the whole cache from its database hooks (create, update, destroy).
 * A media-progress write was observed not to, so this stand-in keeps the cache across every progress
 * route. The writes that do clear it are, most plausibly, library item adds, updates and removals (a
 * scan, a metadata edit); this stand-in has no route for those, so `POST /__sandbox/clear-api-cache`
 * plays that part. Logins, refreshes and API-key changes leave it alone here, which errs on the side of
 * showing a client the stale list.
 */
import { LRUCache } from 'lru-cache';
import type { Reply } from '../core/reply.ts';
import { html } from '../core/reply.ts';

const CACHED_PATH = /^\/libraries/;

export class ApiCache {
  // The server's own options: at most 1,000 bodies and 10 MB of them (by string length), no TTL
  // (only `/libraries/:id/personalized`, which this stand-in does not serve, gets 30 minutes).
  private readonly bodies = new LRUCache<string, string>({
    max: 1000,
    maxSize: 10_000_000,
    sizeCalculation: (body) => Math.max(1, body.length),
  });
  hits = 0;

  /** The cache key, or undefined when the request bypasses the cache. */
  key(method: string, apiPath: string, search: string, username: string): string | undefined {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (!CACHED_PATH.test(apiPath)) return undefined;
    return JSON.stringify({ user: username, url: `${apiPath}${search}` });
  }

  /** A hit as the server sends it: 200 and the stored text as HTML, whatever the first answer was. */
  get(key: string): Reply | undefined {
    const body = this.bodies.get(key);
    if (body === undefined) return undefined;
    this.hits += 1;
    return html(200, body);
  }

  remember(key: string, reply: Reply): void {
    const { body } = reply;
    if (body === undefined) return;
    const text =
      typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString() : JSON.stringify(body);
    this.bodies.set(key, text);
  }

  clear(): void {
    this.bodies.clear();
  }

  get size(): number {
    return this.bodies.size;
  }
}
