import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import pc from 'picocolors';
import { systemClock } from '../../core/clock.ts';
import {
  type ConfigCheck,
  checkConfig,
  formatProblem,
  locateConfig,
  writeStarterConfig,
} from '../../core/config/index.ts';
import { checkConnections } from '../../sync/connections.ts';
import { runSync } from '../../sync/engine.ts';
import { statusLines, statusSnapshot } from '../commands/status.ts';
import { printLine } from '../output.ts';
import { createCliProgress, progressMode } from '../progress.ts';
import { printReport } from '../report-output.ts';
import { withRuntime } from '../runtime.ts';
import { cacheLines } from '../status-lines.ts';
import { stopOnSignals } from '../stop-signal.ts';

/** The menu's actions. None has sync logic of its own: a sync is `runSync`, as in `shelfsync sync`. */
export interface Session {
  command: Command;
  configPath: string | undefined;
}

export async function readConfig(session: Session): Promise<ConfigCheck | undefined> {
  try {
    const check = await checkConfig({ configPath: session.configPath, env: process.env, cwd: process.cwd() });
    for (const warning of check.warnings) printLine(`${pc.yellow('warning')} ${warning}`);
    if (check.problems.length > 0) {
      printLine(`${pc.red('The config has problems')} (${check.path}):`);
      for (const problem of check.problems) printLine(`  ${formatProblem(problem)}`);
    }
    return check;
  } catch {
    return undefined; // No config file yet: the menu offers to create one.
  }
}

function loaded(check: ConfigCheck) {
  if (!check.config) throw new Error('the config is not usable');
  return { config: check.config, path: check.path, warnings: [] };
}

export async function syncNow(session: Session, check: ConfigCheck, dryRun: boolean): Promise<void> {
  await withRuntime(
    session.command,
    async (runtime) => {
      const progress = createCliProgress(progressMode({}));
      const stop = stopOnSignals();
      try {
        const { report } = await runSync({
          config: runtime.config,
          database: await runtime.database(),
          logger: runtime.logger,
          options: { only: [], dryRun, force: false },
          progress,
          signal: stop.signal,
          trigger: 'interactive',
        });
        progress.stop();
        printReport(report);
      } finally {
        progress.stop();
        stop.dispose();
      }
    },
    loaded(check),
  );
}

export async function showStatus(session: Session, check: ConfigCheck): Promise<void> {
  await withRuntime(
    session.command,
    async (runtime) => {
      for (const line of statusLines(await statusSnapshot(await runtime.database(), 10))) printLine(line);
    },
    loaded(check),
  );
}

export async function showCaches(session: Session, check: ConfigCheck): Promise<void> {
  await withRuntime(
    session.command,
    async (runtime) => {
      const snapshot = await statusSnapshot(await runtime.database(), 10);
      const lastReport = snapshot.runs.find((run) => run.report !== null)?.report ?? null;
      for (const line of cacheLines(snapshot.caches.persistent, lastReport)) printLine(line);
    },
    loaded(check),
  );
}

export async function testConnections(check: ConfigCheck): Promise<void> {
  if (!check.config) return;
  const results = await checkConnections(check.config);
  if (results.length === 0) printLine('No services configured, nothing to connect to.');
  for (const result of results) {
    const mark = result.ok ? pc.green('ok  ') : pc.red('FAIL');
    printLine(`${mark} ${result.service} (${result.subject}): ${result.detail}`);
  }
}

/** The list of `shelfsync books unmatched`, with how to fix one. */
export async function showUnmatched(session: Session, check: ConfigCheck): Promise<void> {
  const { listUnmatched } = await import('../../sync/books/pins.ts');
  await withRuntime(
    session.command,
    async (runtime) => {
      const rows = await listUnmatched(await runtime.database());
      if (rows.length === 0) {
        printLine('Every item with progress is matched (or has not been synced yet).');
        return;
      }
      for (const row of rows) printLine(`${row.item}  ${row.title} (${row.users.join(', ')}): ${row.reason}`);
      printLine();
      printLine('Fix one with: shelfsync books match <abs-item-id> <hardcover-book-id>');
    },
    loaded(check),
  );
}

/** The SoundCloud sign-in of `shelfsync soundcloud login`: open the address, allow, come back here. */
export async function soundcloudLogin(session: Session, check: ConfigCheck): Promise<void> {
  const { login } = await import('../../sync/playlists/login.ts');
  await withRuntime(
    session.command,
    async (runtime) => {
      const signIn = await login({
        config: runtime.config,
        database: await runtime.database(),
        clock: systemClock,
        showUrl: (url) => {
          printLine('Open this address in a browser and allow shelfsync (waiting up to 5 minutes):');
          printLine(url);
        },
      });
      printLine(pc.green(`Signed in to SoundCloud as ${signIn.username ?? 'unknown user'}.`));
    },
    loaded(check),
  );
}

/** Writes the commented starter config when there is none, then opens it in $VISUAL / $EDITOR. */
export async function editConfig(session: Session): Promise<void> {
  const location = locateConfig({ configPath: session.configPath, env: process.env, cwd: process.cwd() });
  const created = await writeStarterConfig(location.path, { force: false }).then(
    () => true,
    () => false,
  );
  if (created) printLine(`Wrote a starter config to ${location.path}; replace its <...> placeholders.`);
  const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
  const result = spawnSync(editor, [location.path], { stdio: 'inherit', shell: false });
  if (result.error) {
    printLine(
      `Could not start the editor "${editor}"; edit ${location.path} yourself, then choose this again.`,
    );
    return;
  }
  const check = await readConfig(session);
  if (check?.config) printLine(pc.green(`config OK: ${check.path}`));
}
