import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../../src/core/clock.ts';
import { FaultPlan, type FaultRule, type StandInName } from './faults.ts';
import { json, type Reply } from './reply.ts';
import { type StandInStats, StatsRecorder } from './stats.ts';

export interface StandInRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress: string;
}

/** What a stand-in gets from the machinery when it is built. */
export interface StandInEnv {
  clock: Clock;
  /** Multiplies every rate-limit refill (1 = the vendor's real limits). */
  rateScale: number;
  stats: StatsRecorder;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  origin(): string;
}

export interface StandInService {
  name: StandInName;
  handle(request: StandInRequest): Promise<Reply> | Reply;
  /** The vendor's own body for a 429 or 5xx, so injected faults look real. */
  faultReply?(kind: '429' | '500' | '502' | '503', retryAfterSeconds: number): Reply;
  /** Extra keys for GET /__sandbox/stats (e.g. Hardcover's duplicateOpenReads). */
  extraStats?(): Record<string, unknown>;
  /** Service-specific `/__sandbox/...` routes (e.g. SoundCloud's /__sandbox/truth). */
  sandboxRoute?(request: StandInRequest): Reply | undefined;
}

export interface RunningStandIn {
  name: StandInName;
  origin: string;
  stats(): StandInStats & Record<string, unknown>;
  resetStats(): void;
  /** Replaces the fault rules; their request count starts again from the next request. */
  setFaults(rules: readonly FaultRule[]): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function defaultFaultReply(kind: '429' | '500' | '502' | '503', retryAfterSeconds: number): Reply {
  if (kind === '429')
    return json(429, { message: 'Too Many Requests' }, { 'retry-after': String(retryAfterSeconds) });
  return json(Number(kind), { message: 'Server error' });
}

function withoutRetryAfter(reply: Reply): Reply {
  const headers = Object.fromEntries(
    Object.entries(reply.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'retry-after'),
  );
  return { ...reply, headers };
}

/** Faults that look the same whatever the service: a refused token, a proxy's page, a strange body. */
function cannedFaultReply(fault: FaultRule): Reply | undefined {
  if (fault.kind === '401') return json(401, { message: 'Unauthorized', error: 'invalid or expired token' });
  if (fault.kind === 'html') {
    const status = fault.arg ?? 502;
    const page = `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`;
    return { status, headers: { 'content-type': 'text/html' }, body: page };
  }
  if (fault.kind === 'wrongshape')
    return json(200, { unexpected: [{ shape: true }], data: 'not what you asked for' });
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function encode(reply: Reply): { headers: Record<string, string>; payload: Buffer | undefined } {
  const headers = { ...(reply.headers ?? {}) };
  if (reply.body === undefined) return { headers, payload: undefined };
  if (Buffer.isBuffer(reply.body)) return { headers, payload: reply.body };
  if (typeof reply.body === 'string') return { headers, payload: Buffer.from(reply.body) };
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return { headers, payload: Buffer.from(JSON.stringify(reply.body)) };
}

function send(res: ServerResponse, reply: Reply): void {
  const { headers, payload } = encode(reply);
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export interface StartOptions {
  faults?: readonly FaultRule[];
  seed?: number;
  port?: number;
}

/** Serves one stand-in on 127.0.0.1, with stats, resets and fault injection in front of it. */
export async function startStandIn(
  build: (env: StandInEnv) => StandInService,
  env: Omit<StandInEnv, 'origin' | 'stats'>,
  options: StartOptions = {},
): Promise<RunningStandIn> {
  let origin = '';
  const stats = new StatsRecorder();
  const service = build({ ...env, stats, origin: () => origin });
  let faults = new FaultPlan(options.faults ?? [], service.name, options.seed ?? 0);
  const snapshot = () => ({ ...stats.snapshot(), ...(service.extraStats?.() ?? {}) });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const request: StandInRequest = {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      body: await readBody(req),
      remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
    };

    if (url.pathname.startsWith('/__sandbox/')) {
      if (url.pathname === '/__sandbox/stats' && request.method === 'GET')
        return send(res, json(200, snapshot()));
      if (url.pathname === '/__sandbox/reset-stats' && request.method === 'POST') {
        stats.reset();
        return send(res, json(200, { ok: true }));
      }
      const own = service.sandboxRoute?.(request);
      return send(res, own ?? json(404, { error: 'unknown sandbox route' }));
    }

    stats.request();
    const fault = faults.next();
    if (fault) stats.fault(fault.kind);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (
      fault &&
      (fault.kind === '429' || fault.kind === '500' || fault.kind === '502' || fault.kind === '503')
    ) {
      const reply = (service.faultReply ?? defaultFaultReply)(fault.kind, fault.arg ?? 1);
      const sent = fault.kind === '429' && fault.arg === 0 ? withoutRetryAfter(reply) : reply;
      stats.status(sent.status);
      return send(res, sent);
    }
    const canned = fault ? cannedFaultReply(fault) : undefined;
    if (canned) {
      stats.status(canned.status);
      return send(res, canned);
    }
    if (fault?.kind === 'slow') await delay(fault.arg ?? 2000);

    let reply: Reply;
    try {
      reply = await service.handle(request);
    } catch (error) {
      process.stderr.write(`sandbox ${service.name}: handler failed: ${String(error)}\n`);
      reply = (service.faultReply ?? defaultFaultReply)('500', 0);
    }
    stats.status(reply.status);
    if (fault?.kind === 'truncated' || fault?.kind === 'malformed') {
      const { headers, payload } = encode(reply);
      const body =
        fault.kind === 'truncated'
          ? (payload ?? Buffer.alloc(0)).subarray(0, Math.floor((payload?.length ?? 0) / 2))
          : Buffer.from('<html>Bad Gateway</html');
      return send(res, { status: reply.status, headers, body });
    }
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, json(500, { message: String(error) }));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    name: service.name,
    origin,
    stats: snapshot,
    resetStats: () => stats.reset(),
    setFaults: (rules) => {
      faults = new FaultPlan(rules, service.name, options.seed ?? 0);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
