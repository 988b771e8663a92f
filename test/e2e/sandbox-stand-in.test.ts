import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../sandbox/core/faults.ts';
import { json } from '../../sandbox/core/reply.ts';
import { type RunningStandIn, type StandInEnv, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

function echoService(env: StandInEnv) {
  return {
    name: 'discogs' as const,
    handle: (request: { method: string; url: URL }) => {
      env.stats.operation(
        `${request.method} ${request.url.pathname}`,
        request.method === 'GET' ? 'read' : 'write',
        1,
      );
      return json(200, { path: request.url.pathname, items: Array.from({ length: 20 }, (_, i) => i) });
    },
  };
}

describe('stand-in machinery', () => {
  let running: RunningStandIn | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  const start = async (faults = '') => {
    running = await startStandIn(
      echoService,
      { clock: new ManualClock(), rateScale: 1 },
      { faults: parseFaultSpec(faults), seed: 1 },
    );
    return running.origin;
  };

  it('counts requests, operations and statuses, and resets them', async () => {
    const origin = await start();
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await fetch(`${origin}/a`);
    await fetch(`${origin}/b`, { method: 'POST' });
    const stats = await (await fetch(`${origin}/__sandbox/stats`)).json();
    expect(stats).toMatchObject({
      requests: 2,
      units: 2,
      reads: 1,
      writes: 1,
      searches: 0,
      status: { '200': 2 },
      routes: { 'GET /a': 1, 'POST /b': 1 },
    });
    expect((await fetch(`${origin}/__sandbox/reset-stats`, { method: 'POST' })).status).toBe(200);
    const after = await (await fetch(`${origin}/__sandbox/stats`)).json();
    expect(after).toMatchObject({ requests: 0, units: 0, status: {}, routes: {} });
  });

  it('injects a 429 with Retry-After on the nth request', async () => {
    const origin = await start('discogs:429=7#2');
    expect((await fetch(`${origin}/x`)).status).toBe(200);
    const limited = await fetch(`${origin}/x`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(`${origin}/x`)).status).toBe(200);
    expect(running?.stats()).toMatchObject({
      requests: 3,
      status: { '200': 2, '429': 1 },
      faults: { '429': 1 },
    });
  });

  it('injects 5xx, truncated and malformed bodies', async () => {
    const origin = await start('discogs:503#1,discogs:truncated#2,discogs:malformed#3');
    expect((await fetch(`${origin}/x`)).status).toBe(503);
    const truncated = await (await fetch(`${origin}/x`)).text();
    expect(() => JSON.parse(truncated)).toThrow();
    expect(truncated.length).toBeGreaterThan(0);
    const malformed = await (await fetch(`${origin}/x`)).text();
    expect(() => JSON.parse(malformed)).toThrow();
    expect(await (await fetch(`${origin}/x`)).json()).toMatchObject({ path: '/x' });
  });

  it('drops the connection for a reset fault', async () => {
    const origin = await start('discogs:reset#1');
    await expect(fetch(`${origin}/x`)).rejects.toThrow();
    expect((await fetch(`${origin}/x`)).status).toBe(200);
    expect(running?.stats().faults).toEqual({ reset: 1 });
  });

  it('answers unknown sandbox routes with 404 and does not count them', async () => {
    const origin = await start();
    expect((await fetch(`${origin}/__sandbox/nope`)).status).toBe(404);
    expect(running?.stats().requests).toBe(0);
  });
});
