import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../sandbox/core/faults.ts';
import { json } from '../../sandbox/core/reply.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { systemClock } from '../../src/core/clock.ts';

let standIn: RunningStandIn | undefined;
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

async function serve(spec: string): Promise<string> {
  standIn = await startStandIn(
    () => ({ name: 'discogs', handle: () => json(200, { ok: true }) }),
    { clock: systemClock, rateScale: 1 },
    { faults: parseFaultSpec(spec), seed: 1 },
  );
  return standIn.origin;
}

describe('stand-in faults added for the fault matrix', () => {
  it('401: the token refused, as JSON', async () => {
    const origin = await serve('discogs:401#1');
    const first = await fetch(`${origin}/x`);
    expect(first.status).toBe(401);
    expect(await first.json()).toMatchObject({ message: 'Unauthorized' });
    expect((await fetch(`${origin}/x`)).status).toBe(200);
    expect(standIn?.stats()).toMatchObject({ faults: { '401': 1 } });
  });

  it('html: a proxy page with the status asked for (502 by default)', async () => {
    const origin = await serve('discogs:html#1,discogs:html=200#2');
    const proxy = await fetch(`${origin}/x`);
    expect(proxy.status).toBe(502);
    expect(proxy.headers.get('content-type')).toBe('text/html');
    expect(await proxy.text()).toMatch(/^<!DOCTYPE html>/);
    const portal = await fetch(`${origin}/x`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('<html>');
  });

  it('wrongshape: 200 with well-formed JSON of another shape', async () => {
    const origin = await serve('discogs:wrongshape#1');
    const response = await fetch(`${origin}/x`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unexpected: [{ shape: true }], data: 'not what you asked for' });
  });

  it('429=0 sends no Retry-After; 429=3 sends 3', async () => {
    const origin = await serve('discogs:429=0#1,discogs:429=3#2');
    const bare = await fetch(`${origin}/x`);
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    const timed = await fetch(`${origin}/x`);
    expect(timed.status).toBe(429);
    expect(timed.headers.get('retry-after')).toBe('3');
  });
});
