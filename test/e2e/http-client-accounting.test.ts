import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Clock, ManualClock } from '../../src/core/clock.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../src/core/http/index.ts';

const Me = z.object({ id: z.number() });

/** Answers the n-th request (0-based) with `handle`; counts what arrives. */
async function startServer(handle: (res: ServerResponse, index: number) => void) {
  const urls: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      urls.push(req.url ?? '');
      handle(res, urls.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, id: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id }));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
}

describe('what an HTTP client counts, over loopback', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(
    handle: (res: ServerResponse, index: number) => void,
    options: Partial<HttpClientOptions> & { clock: Clock },
  ) {
    const server = await startServer(handle);
    cleanups.push(server.close);
    const client = createHttpClient({
      service: 'hardcover',
      baseUrl: server.origin,
      retry: { retries: 0, minDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 1000 },
      ...options,
    });
    cleanups.push(() => client.close());
    return { server, client };
  }

  it('counts the time a failed attempt took in its latency', async () => {
    const clock = new ManualClock(Date.UTC(2026, 7, 20, 12, 0, 0));
    const { client } = await setup(
      (res) => {
        clock.advance(30);
        res.socket?.destroy();
      },
      { clock },
    );
    expect(findShelfsyncError(await rejection(client.request({ path: '/me', schema: Me })))?.code).toBe(
      'network',
    );
    expect(client.stats()).toMatchObject({ requests: 1, totalLatencyMs: 30, maxLatencyMs: 30 });
  });

  it('counts the time a request waited for its turn in the limiter', async () => {
    const clock = new ManualClock(Date.UTC(2026, 7, 20, 12, 0, 0));
    // One request at a time: the second waits in the limiter while the first takes 100 ms.
    const { server, client } = await setup(
      (res, index) => {
        if (index === 0) clock.advance(100);
        answer(res, index);
      },
      { clock, limiter: { maxConcurrent: 1 } },
    );
    const results = await Promise.all([
      client.request({ path: '/first', schema: Me }),
      client.request({ path: '/second', schema: Me }),
    ]);
    expect(results.map((result) => result.data.id)).toEqual([0, 1]);
    expect(server.urls).toEqual(['/first', '/second']);
    expect(client.stats()).toMatchObject({ requests: 2, limiterWaitMs: 100, totalLatencyMs: 100 });
  });

  it('sends nothing and asks for no credentials when closed just as the limiter lets a request go', async () => {
    // The client reads the clock when a request joins the limiter's queue and again when the
    // limiter lets it go; closing on that second read lands exactly between the two.
    let reads = 0;
    let closed: Promise<void> | undefined;
    const clock: Clock = {
      now: () => {
        reads += 1;
        if (reads === 2) closed = client.close();
        return 0;
      },
    };
    let credentialsAsked = 0;
    const { server, client } = await setup((res, index) => answer(res, index), {
      clock,
      authHeaders: () => {
        credentialsAsked += 1;
        return { authorization: 'Bearer hc_pat_abc' };
      },
    });
    const error = findShelfsyncError(await rejection(client.request({ path: '/me', schema: Me })));
    await closed;
    expect(error).toMatchObject({
      code: 'interrupted',
      message: 'The Hardcover client was closed before the request finished.',
    });
    expect(credentialsAsked).toBe(0);
    expect(client.stats()).toMatchObject({ requests: 0, errors: {} });
    expect(server.urls).toEqual([]);
  });
});
