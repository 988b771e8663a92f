import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../src/core/clock.ts';
import { findShelfsyncError, type ShelfsyncError } from '../../src/core/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../src/core/http/index.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers the n-th request (0-based) with `handle`; counts requests and sockets. */
type Handler = (request: Received, response: ServerResponse, index: number) => void;

interface TestServer {
  origin: string;
  requests: Received[];
  sockets: Set<Socket>;
  close(): Promise<void>;
}

async function startServer(handle: Handler): Promise<TestServer> {
  const requests: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    requests.push(received);
    handle(received, res, requests.length - 1);
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    sockets,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const Me = z.object({ id: z.number(), username: z.string() });

describe('createHttpClient over loopback', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const delays: number[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    delays.length = 0;
  });

  async function setup(handle: Handler, options: Partial<HttpClientOptions> = {}) {
    const server = await startServer(handle);
    cleanups.push(server.close);
    const client = createHttpClient({
      service: 'hardcover',
      baseUrl: `${server.origin}/v1`,
      retry: { retries: 3, minDelayMs: 4, maxDelayMs: 20, maxRetryAfterMs: 5000 },
      // Records each retry wait and skips it, so tests stay fast and the waits can be checked.
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...options,
    });
    cleanups.push(() => client.close());
    return { server, client };
  }

  async function failure(promise: Promise<unknown>): Promise<ShelfsyncError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    const found = findShelfsyncError(error);
    if (!found) throw new Error(`expected a ShelfsyncError, got ${String(error)}`);
    return found;
  }

  it('sends headers, query and JSON body, and returns the validated body with status and headers', async () => {
    const { server, client } = await setup(
      (_req, res) => json(res, 200, { id: 7, username: 'adam' }, { link: '<https://x/?page=2>; rel="next"' }),
      {
        defaultHeaders: { 'user-agent': 'shelfsync/0.1 (+test)' },
        authHeaders: async () => ({ authorization: 'Bearer hc_pat_abc' }),
      },
    );
    const result = await client.request({
      method: 'POST',
      path: '/graphql',
      query: { op: 'me' },
      body: { json: { query: '{ me { id username } }' } },
      schema: Me,
    });
    expect(result.data).toEqual({ id: 7, username: 'adam' });
    expect(result.status).toBe(200);
    expect(result.headers.link).toBe('<https://x/?page=2>; rel="next"');
    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/v1/graphql?op=me');
    expect(sent?.headers['user-agent']).toBe('shelfsync/0.1 (+test)');
    expect(sent?.headers.accept).toBe('application/json');
    expect(sent?.headers.authorization).toBe('Bearer hc_pat_abc');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ query: '{ me { id username } }' });
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0, units: 1, errors: {} });
    expect(client.stats().bytesReceived).toBe(Buffer.byteLength('{"id":7,"username":"adam"}'));
  });

  it('asks a 404 exactly once', async () => {
    const { server, client } = await setup((_req, res) => json(res, 404, { message: 'Release not found.' }));
    const error = await failure(client.request({ path: '/releases/1', schema: Me }));
    expect(error).toMatchObject({ code: 'not_found', status: 404, retryable: false, service: 'hardcover' });
    expect(server.requests).toHaveLength(1);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0, errors: { '404': 1 } });
  });

  it.each([400, 401, 403, 409, 422])('asks a %i exactly once', async (status) => {
    const { server, client } = await setup((_req, res) => json(res, status, { error: 'no' }));
    const error = await failure(client.request({ path: '/x', schema: Me }));
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('takes exactly 2 requests for a 503 followed by a 200, with a jittered backoff in between', async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0
        ? json(res, 503, { error: 'Service temporarily unavailable' })
        : json(res, 200, { id: 1, username: 'a' }),
    );
    const result = await client.request({ path: '/me', schema: Me });
    expect(result.data.id).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(2);
    expect(delays[0]).toBeLessThanOrEqual(4);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, errors: { '503': 1 } });
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0
        ? json(res, 429, { error: 'Too Many Requests' }, { 'retry-after': '1' })
        : json(res, 200, { id: 2, username: 'b' }),
    );
    await expect(client.request({ path: '/me', schema: Me })).resolves.toMatchObject({ data: { id: 2 } });
    expect(delays).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('really sleeps through a 1-second Retry-After with the default timer', async () => {
    // When each request arrived, by the server's clock. Only a lower bound is checked: a slow
    // machine makes the gap longer, never shorter.
    const arrivals: number[] = [];
    const server = await startServer((_req, res, index) => {
      arrivals.push(performance.now());
      if (index === 0) json(res, 429, {}, { 'retry-after': '1' });
      else json(res, 200, { id: 3, username: 'c' });
    });
    cleanups.push(server.close);
    const client = createHttpClient({ service: 'discogs', baseUrl: server.origin, retry: { minDelayMs: 1 } });
    cleanups.push(() => client.close());
    await expect(client.request({ path: '/me', schema: Me })).resolves.toMatchObject({ data: { id: 3 } });
    expect(server.requests).toHaveLength(2);
    const [first = 0, second = 0] = arrivals;
    // setTimeout may fire up to a millisecond early by the monotonic clock.
    expect(second - first).toBeGreaterThanOrEqual(998);
  });

  it('fails at once with a retryable rate_limited error when Retry-After is beyond the cap', async () => {
    const { server, client } = await setup((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const error = await failure(client.request({ path: '/me', schema: Me }));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterSeconds: 3600 });
    expect(error.message).toContain('try again in 60 minutes');
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('gives up after the configured retries on a lasting 500', async () => {
    const { server, client } = await setup((_req, res) =>
      json(res, 500, { error: 'An unknown error occurred' }),
    );
    const error = await failure(client.request({ path: '/me', schema: Me }));
    expect(error).toMatchObject({ code: 'server_error', status: 500 });
    expect(server.requests).toHaveLength(4);
    expect(client.stats()).toMatchObject({ requests: 4, retries: 3, errors: { '500': 4 } });
  });

  it('does not send a write again when the connection dies after sending it', async () => {
    const { server, client } = await setup((req, res) => {
      if (req.url.includes('drop')) res.socket?.destroy();
      else json(res, 200, { id: 4, username: 'd' });
    });
    const error = await failure(
      client.request({
        method: 'POST',
        path: '/graphql?drop=1',
        body: { json: { query: 'mutation' } },
        schema: Me,
      }),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(server.requests).toHaveLength(1);
  });

  it('sends a POST marked idempotent again after the connection died', async () => {
    const { server, client } = await setup((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else json(res, 200, { id: 5, username: 'e' });
    });
    const result = await client.request({
      method: 'POST',
      path: '/graphql',
      body: { json: { query: '{ me { id } }' } },
      idempotent: true,
      schema: Me,
    });
    expect(result.data.id).toBe(5);
    expect(server.requests).toHaveLength(2);
  });

  it.each(['PUT', 'DELETE'] as const)(
    'sends a %s again after the connection died, since repeating it changes nothing',
    async (method) => {
      const { server, client } = await setup((_req, res, index) => {
        if (index === 0) res.socket?.destroy();
        else json(res, 200, { id: 10, username: 'j' });
      });
      const result = await client.request({
        method,
        path: '/lists/1',
        body: { json: { name: 'x' } },
        schema: Me,
      });
      expect(result.data.id).toBe(10);
      expect(server.requests.map((r) => r.method)).toEqual([method, method]);
      expect(delays).toHaveLength(1);
    },
  );

  it('does not send a PATCH again after the connection died: it may already have been applied', async () => {
    const { server, client } = await setup((_req, res) => res.socket?.destroy());
    const error = await failure(
      client.request({ method: 'PATCH', path: '/lists/1', body: { json: { add: 1 } }, schema: Me }),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('sends a write again after a 503, which means it was not processed', async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0 ? json(res, 503, {}) : json(res, 200, { id: 6, username: 'f' }),
    );
    await client.request({ method: 'POST', path: '/graphql', body: { json: {} }, schema: Me });
    expect(server.requests).toHaveLength(2);
  });

  it('reports a timeout, and does not repeat a write that timed out', async () => {
    const { server, client } = await setup(() => undefined, { timeoutMs: 100 });
    const error = await failure(
      client.request({ method: 'POST', path: '/graphql', body: { json: {} }, schema: Me }),
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toBe('Hardcover did not answer POST /graphql within 0.1 seconds; try again later.');
    expect(server.requests).toHaveLength(1);
    expect(client.stats().errors).toEqual({ timeout: 1 });
  });

  it('retries a read that timed out', async () => {
    const { server, client } = await setup(
      (_req, res, index) => {
        if (index > 0) json(res, 200, { id: 8, username: 'h' });
      },
      { timeoutMs: 100 },
    );
    await expect(client.request({ path: '/me', schema: Me })).resolves.toMatchObject({ data: { id: 8 } });
    expect(server.requests).toHaveLength(2);
  });

  it('calls a body that fails the schema a bad_response and does not retry it', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, { id: 'not a number' }));
    const error = await failure(client.request({ path: '/me', schema: Me }));
    expect(error).toMatchObject({ code: 'bad_response', retryable: false });
    expect(server.requests).toHaveLength(1);
    expect(client.stats().errors).toEqual({ bad_response: 1 });
  });

  it('returns text and empty answers when asked, with redirects left to the caller', async () => {
    const { client } = await setup((req, res) => {
      if (req.url.endsWith('/ping')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('OK');
      } else {
        res.writeHead(302, { location: 'https://api.soundcloud.com/tracks/1' });
        res.end();
      }
    });
    await expect(client.request({ path: '/ping', expect: 'text' })).resolves.toMatchObject({ data: 'OK' });
    const resolved = await client.request({ path: '/resolve', query: { url: 'x' }, expect: 'none' });
    expect(resolved).toEqual(expect.objectContaining({ status: 302, data: undefined }));
    expect(resolved.headers.location).toBe('https://api.soundcloud.com/tracks/1');
  });

  it('lets the service classify a Hardcover 403 about quota, and does not retry it', async () => {
    const { server, client } = await setup(
      (_req, res) => json(res, 403, { error: 'Daily quota has been reached' }),
      {
        classifyError: ({ status, body }) =>
          status === 403 && JSON.stringify(body).includes('quota') ? { code: 'quota_exhausted' } : undefined,
      },
    );
    const error = await failure(client.request({ path: '/graphql', schema: Me }));
    expect(error.code).toBe('quota_exhausted');
    expect(server.requests).toHaveLength(1);
  });

  it('asks for auth headers before every attempt, so a refreshed token is used on the retry', async () => {
    let calls = 0;
    const { server, client } = await setup(
      (_req, res, index) => (index === 0 ? json(res, 503, {}) : json(res, 200, { id: 9, username: 'i' })),
      { authHeaders: () => ({ authorization: `OAuth token-${++calls}` }) },
    );
    await client.request({ path: '/me', schema: Me });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['OAuth token-1', 'OAuth token-2']);
  });

  it('never puts the token or the query string in the error message', async () => {
    const { client } = await setup((_req, res) => json(res, 401, { error: 'invalid_token' }), {
      authHeaders: () => ({ authorization: 'Bearer hc_pat_SECRET' }),
    });
    const error = await failure(client.request({ path: '/me', query: { token: 'SECRET' }, schema: Me }));
    expect(error.code).toBe('auth_failed');
    expect(error.message).toBe(
      'Hardcover did not accept the credentials (HTTP 401); check the token or log in again.',
    );
    let current: unknown = error;
    while (current instanceof Error) {
      expect(current.message).not.toContain('SECRET');
      current = current.cause;
    }
  });

  it('counts units per attempt, retries included', async () => {
    const { client } = await setup((_req, res, index) =>
      index === 0 ? json(res, 502, {}) : json(res, 200, { id: 1, username: 'a' }),
    );
    await client.request({ method: 'POST', path: '/graphql', idempotent: true, units: 3, schema: Me });
    expect(client.stats()).toMatchObject({ requests: 2, units: 6, retries: 1 });
  });

  it('remembers the daily quota the server reports', async () => {
    const clock = new ManualClock(Date.UTC(2026, 7, 20, 12, 0, 0));
    const { client } = await setup(
      (_req, res) =>
        json(
          res,
          200,
          { id: 1, username: 'a' },
          {
            'ratelimit-policy': '"Free";q=60;w=60;burst=10, "daily";q=5000;w=86400',
            ratelimit: '"Free";r=8;t=42, "daily";r=4231;t=600',
          },
        ),
      { clock },
    );
    expect(client.quota()).toBeUndefined();
    await client.request({ path: '/graphql', schema: Me });
    expect(client.quota()).toEqual({ remaining: 4231, limit: 5000, resetAt: clock.now() + 600_000 });
  });

  it('remembers a daily quota without a reset time as having none', async () => {
    const { client } = await setup((_req, res) =>
      json(
        res,
        200,
        { id: 1, username: 'a' },
        { 'ratelimit-policy': '"daily";q=5000;w=86400', ratelimit: '"daily";r=4231' },
      ),
    );
    await client.request({ path: '/graphql', schema: Me });
    expect(client.quota()).toEqual({ remaining: 4231, limit: 5000, resetAt: undefined });
  });

  // After a refusal the bucket is emptied, so the next request waits for a refill (none comes within
  // the test). A free request (0 units) sent after it shows the client is still working meanwhile.
  it.each([
    ['a 429', (res: ServerResponse) => json(res, 429, {}, { 'retry-after': '1' })],
    [
      'a used-up daily quota',
      (res: ServerResponse) => json(res, 403, { error: 'Daily quota has been reached' }),
    ],
  ])('holds back the next request after %s until the bucket refills', async (_name, refuse) => {
    const { server, client } = await setup(
      (req, res, index) => (index === 0 ? refuse(res) : json(res, 200, { id: index, username: req.url })),
      {
        retry: { retries: 0, minDelayMs: 4, maxDelayMs: 20, maxRetryAfterMs: 5000 },
        limiter: { burst: 2, refillAmount: 1, refillIntervalMs: 3_600_000 },
        classifyError: ({ status, body }) =>
          status === 403 && JSON.stringify(body).includes('quota') ? { code: 'quota_exhausted' } : undefined,
      },
    );
    await failure(client.request({ path: '/refused', schema: Me }));
    const held = failure(client.request({ path: '/held', schema: Me, priority: 9 }));
    await client.request({ path: '/free', schema: Me, priority: 0, units: 0 });
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/refused', '/v1/free']);
    await client.close();
    expect((await held).code).toBe('interrupted');
  });

  it('does not hold back requests after other failures', async () => {
    const { server, client } = await setup(
      (req, res, index) =>
        index === 0 ? json(res, 404, {}) : json(res, 200, { id: index, username: req.url }),
      { limiter: { burst: 2, refillAmount: 1, refillIntervalMs: 3_600_000 } },
    );
    await failure(client.request({ path: '/missing', schema: Me }));
    await client.request({ path: '/next', schema: Me });
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/missing', '/v1/next']);
  });

  it('reuses kept-alive connections for sequential requests instead of opening one each', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, { id: 1, username: 'a' }));
    for (let i = 0; i < 20; i++) await client.request({ path: '/me', schema: Me });
    expect(server.requests).toHaveLength(20);
    // undici alternates between two warm connections; what matters is that it does not open 20.
    expect(server.sockets.size).toBeLessThanOrEqual(2);
  });

  it('opens no more connections than maxConnections, however many requests run at once', async () => {
    const { server, client } = await setup(
      (_req, res) => setTimeout(() => json(res, 200, { id: 1, username: 'a' }), 5),
      {
        maxConnections: 2,
      },
    );
    await Promise.all(Array.from({ length: 8 }, () => client.request({ path: '/me', schema: Me })));
    expect(server.requests).toHaveLength(8);
    expect(server.sockets.size).toBeLessThanOrEqual(2);
  });

  it('measures latency with the injected clock, and counts no limiter wait when there was none', async () => {
    const clock = new ManualClock(Date.UTC(2026, 7, 20, 12, 0, 0));
    const { client } = await setup(
      (_req, res, index) => {
        clock.advance(index === 0 ? 250 : 40);
        json(res, 200, { id: 1, username: 'a' });
      },
      { clock },
    );
    await client.request({ path: '/me', schema: Me });
    await client.request({ path: '/me', schema: Me });
    expect(client.stats()).toMatchObject({
      requests: 2,
      totalLatencyMs: 290,
      maxLatencyMs: 250,
      limiterWaitMs: 0,
    });
  });

  it.each(['ftp://hardcover.app/v1', 'hardcover.app', 'https://user:pw@'])(
    'refuses the base URL %j as not an http(s) address, without repeating it',
    (baseUrl) => {
      let error: unknown;
      try {
        createHttpClient({ service: 'hardcover', baseUrl });
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        code: 'config_invalid',
        service: 'hardcover',
        message: 'The Hardcover URL in the configuration is not an http(s) address.',
      });
    },
  );

  it('refuses to send credentials to another origin', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}));
    const error = await failure(client.request({ path: 'http://localhost:1/steal', schema: Me }));
    expect(error.code).toBe('internal');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a refused connection as a network error, retried for reads', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    const client = createHttpClient({
      service: 'audiobookshelf',
      baseUrl: server.origin,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    cleanups.push(() => client.close());
    const error = await failure(client.request({ path: '/api/me', schema: Me }));
    expect(error).toMatchObject({ code: 'network', service: 'audiobookshelf' });
    expect(error.message).toMatch(
      /^Could not reach Audiobookshelf at 127\.0\.0\.1:\d+: the connection was refused\.$/,
    );
    expect(delays).toHaveLength(2);
    expect(client.stats()).toMatchObject({ requests: 3, errors: { network: 3 } });
  });
});
