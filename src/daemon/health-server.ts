import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ShelfsyncError } from '../core/errors.ts';

export interface HealthSource {
  /** The /healthz body; `status` "failing" answers 503 so a health check can act on it. */
  health(): { status: string } & Record<string, unknown>;
  metrics(): Promise<{ contentType: string; body: string }>;
}

export interface RunningHealthServer {
  url: string;
  close(): Promise<void>;
}

/** GET /healthz and GET /metrics, nothing else; bound to 127.0.0.1 unless configured otherwise. */
export async function startHealthServer(
  source: HealthSource,
  host: string,
  port: number,
): Promise<RunningHealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const health = source.health();
      response
        .writeHead(health.status === 'failing' ? 503 : 200, { 'content-type': 'application/json' })
        .end(JSON.stringify(health));
      return;
    }
    if (path === '/metrics') {
      source.metrics().then(
        ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  server.keepAliveTimeout = 5_000;
  try {
    server.listen(port, host);
    await once(server, 'listening');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'is in use' : 'cannot be used';
    throw new ShelfsyncError(
      `port ${port} on ${host} ${reason}; choose another with daemon.port in the config or --port`,
      { code: 'config_invalid', service: 'shelfsync', cause: error },
    );
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
