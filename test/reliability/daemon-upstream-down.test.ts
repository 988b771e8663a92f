import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { spawnCli, waitFor } from '../helpers/platform.ts';

/** Discogs stopped under a running daemon: runs fail and say so on /healthz; the daemon keeps going. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, books: 5, records: 20, rateScale: 100 });
}, 60_000);
afterAll(async () => {
  await sandbox?.stop();
});

interface Health {
  status: string;
  runs: number;
  lastRun: ({ result: string } & Record<string, unknown>) | null;
}

describe('daemon with an upstream down', { timeout: 180_000 }, () => {
  it('reports the failed runs on /healthz (503, failing) and keeps running until SIGTERM', async () => {
    const discogs = new URL(sandbox.standIns.discogs.origin);
    await sandbox.standIns.discogs.stop();
    const daemon = spawnCli(['start', '--config', sandbox.info.config, '--port', '0', '--json'], {
      HOME: sandbox.info.dir,
      SHELFSYNC_DATABASE_PATH: join(sandbox.info.dir, 'daemon-down.db'),
      SHELFSYNC_SCHEDULE: '*/2 * * * * *',
      SHELFSYNC_HTTP_TIMEOUT_MS: '1000',
      SHELFSYNC_DAEMON_SHUTDOWN_TIMEOUT_SECONDS: '8',
    });
    try {
      const started = await waitFor(
        () => {
          const { stdout } = daemon.output();
          return stdout.includes('\n')
            ? (JSON.parse(stdout.split('\n')[0] ?? '') as { url: string })
            : undefined;
        },
        'the daemon to print its address',
        60_000,
      );
      const twoRuns = await waitFor(
        async () => {
          const response = await fetch(`${started.url}/healthz`);
          const health = (await response.json()) as Health;
          return health.runs >= 2 ? { status: response.status, health } : undefined;
        },
        'two runs on /healthz',
        150_000,
      );
      expect(twoRuns.status).toBe(503);
      expect(twoRuns.health.status).toBe('failing');
      expect(twoRuns.health.lastRun?.result).toMatch(/failed|error/);
      expect(JSON.stringify(twoRuns.health)).toMatch(/discogs|Discogs/);
      expect(JSON.stringify(twoRuns.health)).toContain(discogs.host);
      expect(daemon.child.exitCode).toBeNull();
    } finally {
      daemon.child.kill('SIGTERM');
    }
    const ended = await daemon.done;
    expect(ended.code).toBe(0);
  });
});
