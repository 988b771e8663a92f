import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { reportLines } from '../report-output.ts';
import { withRuntime } from '../runtime.ts';
import { stopOnSignals } from '../stop-signal.ts';

interface StartFlags {
  port?: number;
  host?: string;
  json?: boolean;
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'run as a service: sync now, then on the cron `schedule` in `timezone`; /healthz and /metrics on 127.0.0.1',
    )
    .option(
      '--port <port>',
      'port for /healthz and /metrics (default: daemon.port; 0 picks a free one)',
      integerOption('--port', 0, 65535),
    )
    .option('--host <address>', 'address to listen on (default: daemon.host, 127.0.0.1)')
    .option('--json', 'print the startup line and each run as one JSON object per line')
    .action(async (flags: StartFlags, command: Command) => {
      process.exitCode = await withRuntime(command, async (runtime) => {
        const { config, logger } = runtime;
        const database = await runtime.database();
        // Loaded here, not at start-up: prom-client and croner are only needed by this command.
        const { Daemon } = await import('../../daemon/daemon.ts');
        const daemon = new Daemon({
          config,
          database,
          logger,
          host: flags.host ?? config.daemon.host,
          port: flags.port ?? config.daemon.port,
          shutdownTimeoutMs: config.daemon.shutdown_timeout_seconds * 1000,
          onRunEnd: (result, report, error) => {
            if (flags.json)
              printJson({ event: 'run', result, ...(error ? { error } : {}), report: report ?? null });
            else {
              printLine(`${new Date().toISOString()} run ${result}${error ? `: ${error}` : ''}`);
              if (report) for (const line of reportLines(report, { details: false })) printLine(`  ${line}`);
            }
          },
          onOverlap: () => {
            if (flags.json) printJson({ event: 'overlap' });
            else printLine(`${new Date().toISOString()} the previous run is still going; skipped this one`);
          },
        });
        const stopped = new Promise<void>((resolve) => {
          const stop = stopOnSignals((name) => {
            logger.info({ signal: name }, 'stopping');
            if (!flags.json) printLine(`${name}: letting the run in flight finish its writes, then stopping`);
            // Bounded: whatever still holds the process after the shutdown timeout is not worth waiting for.
            const limit = setTimeout(
              () => {
                process.stderr.write('warning: forced exit, something still held the process open\n');
                process.exit(0);
              },
              config.daemon.shutdown_timeout_seconds * 1000 + 5000,
            );
            limit.unref();
            void daemon.stop().then(() => {
              stop.dispose();
              resolve();
            });
          });
        });
        const url = await daemon.start();
        const next = daemon.nextRun()?.toISOString() ?? null;
        if (flags.json) {
          printJson({
            event: 'started',
            url,
            pid: process.pid,
            schedule: config.schedule,
            timezone: config.timezone,
            nextRun: next,
          });
        } else {
          printLine(
            `shelfsync daemon (pid ${process.pid}): health ${url}/healthz, metrics ${url}/metrics; ` +
              `schedule "${config.schedule}" in ${config.timezone}, next run ${next ?? 'never'}`,
          );
        }
        await stopped;
        return 0;
      });
    });
}
