import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import pc from 'picocolors';
import { systemClock } from '../../core/clock.ts';
import { type Config, loadConfig } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import { runSync } from '../../sync/engine.ts';
import type { SyncReport } from '../../sync/report.ts';
import { printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { createCliProgress, progressMode } from '../progress.ts';
import { printReport } from '../report-output.ts';
import { withRuntime } from '../runtime.ts';
import { stopOnSignals } from '../stop-signal.ts';

/** Bridges whose report says they are still a placeholder. */
function pendingBridges(report: SyncReport): string[] {
  return Object.entries(report.bridges)
    .filter(([, part]) => typeof part === 'object' && part !== null && 'pending' in part)
    .map(([name]) => name);
}

/**
 * `soundcloud login` against the stand-in, whose authorize page approves at once: the browser's part
 * is one GET that follows the redirect back to the loopback listener.
 */
async function signInToStandIn(config: Config, database: Database): Promise<void> {
  const { login } = await import('../../sync/playlists/login.ts');
  const signIn = await login({
    config,
    database,
    clock: systemClock,
    port: 0,
    timeoutMs: 30_000,
    showUrl: (url) => {
      fetch(url).catch(() => {});
    },
  });
  printLine(
    `Signed in to the SoundCloud stand-in as ${signIn.username ?? 'unknown user'} (OAuth 2.1 with PKCE).`,
  );
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'start local stand-ins of all four services and run a full sync against them, on a temporary database',
    )
    .option('--seed <n>', 'seed for the generated data', integerOption('--seed', 0), 1)
    .option('--books <n>', 'books in the generated library', integerOption('--books', 1, 2000), 40)
    .option('--records <n>', 'records in the generated collection', integerOption('--records', 1, 2000), 120)
    .action(async (flags: { seed: number; books: number; records: number }, command: Command) => {
      const { startSandbox } = await import('../../../sandbox/sandbox.ts');
      // Generous limits: the demo shows behaviour, not how long real quotas take.
      const sandbox = await startSandbox({
        seed: flags.seed,
        books: flags.books,
        records: flags.records,
        rateScale: 60,
      });
      try {
        printLine(pc.bold('shelfsync demo'));
        printLine(
          `Local stand-ins of Audiobookshelf, Hardcover, Discogs and SoundCloud with generated data ` +
            `(seed ${flags.seed}: ${flags.books} books, ${flags.records} records), a temporary database in ${sandbox.info.dir}.`,
        );
        printLine('Running `shelfsync sync` (every bridge, the one sync path) against them:');
        printLine();
        // A throwaway key seals the SoundCloud sign-in in the temporary database.
        const env = { SHELFSYNC_SECRET_KEY: randomBytes(32).toString('hex') };
        const loaded = await loadConfig({ configPath: sandbox.info.config, env, cwd: sandbox.info.dir });
        process.exitCode = await withRuntime(
          command,
          async (runtime) => {
            const progress = createCliProgress(progressMode({}));
            const stop = stopOnSignals();
            try {
              if (runtime.config.playlists) await signInToStandIn(runtime.config, await runtime.database());
              const { report, exitCode } = await runSync({
                config: runtime.config,
                database: await runtime.database(),
                logger: runtime.logger,
                options: { only: [], dryRun: false, force: false },
                progress,
                signal: stop.signal,
                trigger: 'demo',
              });
              progress.stop();
              printReport(report);
              const pending = pendingBridges(report);
              if (pending.length > 0) {
                printLine();
                printLine(
                  pc.yellow(`Not built yet: ${pending.join(', ')}.`) +
                    ' The demo shows their results once they land; everything else above is real.',
                );
              }
              return exitCode;
            } finally {
              progress.stop();
              stop.dispose();
            }
          },
          loaded,
        );
      } finally {
        await sandbox.stop();
        printLine(`Stopped the stand-ins and removed ${sandbox.info.dir}.`);
      }
    });
}
