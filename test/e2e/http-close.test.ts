import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findShelfsyncError } from '../../src/core/errors.ts';
import { createHttpClient } from '../../src/core/http/index.ts';

const Ok = z.object({ ok: z.boolean() });

interface TestServer {
  origin: string;
  count(): number;
  close(): Promise<void>;
}

type Answer = (res: ServerResponse, index: number, url: string) => boolean;

/** `answer` decides per request (0-based); returning false leaves the request hanging. */
async function startServer(answer: Answer): Promise<TestServer> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res, count++, req.url ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    count: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function ok(res: ServerResponse, headers: Record<string, string> = {}, status = 200): boolean {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ ok: true }));
  return true;
}

/** Polls until `condition` holds, failing after a deadline instead of hanging. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return findShelfsyncError(error)?.code;
}

describe('closing an HTTP client', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serve(answer: Answer): Promise<TestServer> {
    const server = await startServer(answer);
    servers.push(server);
    return server;
  }

  it('rejects a request in flight and every later one as interrupted', async () => {
    const server = await serve(() => false);
    const client = createHttpClient({ service: 'discogs', baseUrl: server.origin, timeoutMs: 60_000 });
    const inFlight = codeOf(client.request({ path: '/slow', schema: Ok }));
    await until(() => server.count() === 1, 'the request to arrive');
    await client.close();
    expect(await inFlight).toBe('interrupted');
    expect(await codeOf(client.request({ path: '/later', schema: Ok }))).toBe('interrupted');
    await expect(client.request({ path: '/later', schema: Ok })).rejects.toMatchObject({
      message: 'The Discogs client was closed before the request finished.',
      service: 'discogs',
    });
    await client.close();
    expect(server.count()).toBe(1);
  });

  it('ends a retry wait at once instead of sleeping through Retry-After', async () => {
    const server = await serve((res) => ok(res, { 'retry-after': '100' }, 429));
    const client = createHttpClient({
      service: 'hardcover',
      baseUrl: server.origin,
      retry: { maxRetryAfterMs: 200_000 },
    });
    const waiting = codeOf(client.request({ path: '/graphql', schema: Ok }));
    // A retry is counted just before its wait begins: from here on the client sleeps for 100 s.
    await until(() => client.stats().retries === 1, 'the retry wait to begin');
    expect(client.stats().requests).toBe(1);
    await client.close();
    // Well under the 100 s asked for (and under the test timeout): a wait that ignored close() fails here.
    const outcome = await Promise.race([
      waiting,
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000).unref()),
    ]);
    expect(outcome).toBe('interrupted');
    expect(server.count()).toBe(1);
  });

  it('rejects requests still queued in the rate limiter', async () => {
    const server = await serve((res) => ok(res));
    const client = createHttpClient({
      service: 'hardcover',
      baseUrl: server.origin,
      limiter: { burst: 1, refillAmount: 1, refillIntervalMs: 3_600_000 },
    });
    await client.request({ path: '/first', schema: Ok });
    const queued = codeOf(client.request({ path: '/second', schema: Ok }));
    await client.close();
    expect(await queued).toBe('interrupted');
    expect(server.count()).toBe(1);
  });

  it('lets the process exit on its own after close(), even with a request hanging', async () => {
    let hanging = 0;
    const server = await serve((res, _index, url) => {
      if (url === '/hang') {
        hanging++;
        return false;
      }
      if (url === '/__hanging') return ok(res, { 'x-hanging': String(hanging) });
      return ok(res);
    });
    const clientModule = new URL('../../src/core/http/index.ts', import.meta.url).href;
    // The child never calls process.exit: it only ends if close() released every socket and timer.
    const script = `
      const { createHttpClient } = await import(${JSON.stringify(clientModule)});
      const origin = ${JSON.stringify(server.origin)};
      const client = createHttpClient({ service: 'discogs', baseUrl: origin, timeoutMs: 600000,
        limiter: { burst: 5, refillAmount: 1, refillIntervalMs: 1000, maxConcurrent: 2 } });
      const schema = { safeParse: (data) => ({ success: true, data }) };
      await client.request({ path: '/first', schema });
      const hanging = client.request({ path: '/hang', schema }).catch((error) => error.code);
      const arrived = async () => (await fetch(origin + '/__hanging')).headers.get('x-hanging') === '1';
      while (!(await arrived())) {}
      await client.close();
      console.log('closed', await hanging);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise<number | null>((resolve) => {
      const deadline = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 15_000);
      child.on('exit', (code) => {
        clearTimeout(deadline);
        resolve(code);
      });
    });
    expect(
      stderr.split('\n').filter((line) => line.trim() && !/ExperimentalWarning|--trace-warnings/.test(line)),
    ).toEqual([]);
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe('closed interrupted');
  });
});
