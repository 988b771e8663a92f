/** Starts the Discogs stand-in on loopback for the sandbox-discogs-* e2e tests. */
import { request as httpRequest } from 'node:http';
import { parseFaultSpec } from '../../sandbox/core/faults.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { createDiscogsStandIn } from '../../sandbox/discogs/stand-in.ts';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import type { RecordWorld } from '../../sandbox/records/world.ts';
import { ManualClock } from '../../src/core/clock.ts';

export const USER_AGENT = 'ShelfsyncTests/1.0 +https://example.invalid/shelfsync';

export interface DiscogsHarness {
  origin: string;
  world: RecordWorld;
  clock: ManualClock;
  running: RunningStandIn;
  username: string;
  token: string;
  /** GET (or another method) with a User-Agent and, unless `token: null`, the owner's token. */
  call(
    path: string,
    options?: { token?: string | null; method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  stop(): Promise<void>;
}

export async function startDiscogs(
  options: { seed?: number; records?: number; rateScale?: number; faults?: string } = {},
): Promise<DiscogsHarness> {
  const world = generateRecordWorld({ seed: options.seed ?? 5, records: options.records ?? 120 });
  const clock = new ManualClock();
  const running = await startStandIn(
    createDiscogsStandIn(world.discogs).build,
    { clock, rateScale: options.rateScale ?? 100 },
    { faults: parseFaultSpec(options.faults ?? ''), seed: 1 },
  );
  const token = world.discogs.user.token;
  return {
    origin: running.origin,
    world,
    clock,
    running,
    username: world.discogs.user.username,
    token,
    call(path, callOptions = {}) {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...(callOptions.headers ?? {}) };
      const useToken = callOptions.token === undefined ? token : callOptions.token;
      if (useToken !== null) headers.authorization = `Discogs token=${useToken}`;
      if (callOptions.body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${running.origin}${path}`, {
        method: callOptions.method ?? 'GET',
        headers,
        ...(callOptions.body !== undefined ? { body: JSON.stringify(callOptions.body) } : {}),
      });
    },
    stop: () => running.stop(),
  };
}

/** A request with no User-Agent header at all (fetch always adds one, node:http does not). */
export function requestWithoutUserAgent(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
