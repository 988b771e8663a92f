import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { syncReportSchema } from '../../src/sync/report.ts';
import { repoRoot } from '../helpers/cli.ts';
import { runCliAsync, waitFor } from '../helpers/platform.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, books: 8, records: 10, rateScale: 100 });
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

/** Runs `shelfsync interactive` in a pseudo-terminal (util-linux `script`) and types into it. */
function terminal(args: readonly string[], env: Record<string, string>) {
  const command = ['node', 'bin/shelfsync.js', ...args].map((part) => `'${part}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', NO_COLOR: '1', ...env },
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  /** Waits until `text` appears after `from`; returns where it ends. */
  const see = (text: string, from = 0) =>
    waitFor(
      () => {
        const at = screen.indexOf(text, from);
        return at >= 0 ? at + text.length : undefined;
      },
      `"${text}" on the terminal; so far: ${JSON.stringify(screen.slice(-400))}`,
    );
  return { see, type: (keys: string) => child.stdin.write(keys), exited, screen: () => screen };
}

describe('shelfsync interactive', { timeout: 120_000 }, () => {
  it('runs a sync from the menu through the same engine: same report shape, recorded in status', async () => {
    const env = { HOME: sandbox.info.dir, SHELFSYNC_DATABASE_PATH: join(sandbox.info.dir, 'menu.db') };
    const menu = terminal(['interactive', '--config', sandbox.info.config], env);
    const first = await menu.see('? What would you like to do?');
    await menu.see('❯ Sync now', first);
    menu.type('\r');
    const verdict = await waitFor(() => {
      const match = /\r\n(ok|finished with problems|interrupted) in \d/.exec(menu.screen().slice(first));
      return match ? first + match.index + match[0].length : undefined;
    }, 'the report of the sync');
    const again = await menu.see('? What would you like to do?', verdict);
    menu.type('q');
    await menu.see('❯ Quit', again);
    menu.type('\r');
    expect(await menu.exited).toBe(0);

    const status = await runCliAsync(['status', '--config', sandbox.info.config, '--json'], env);
    const runs = (JSON.parse(status.stdout) as { runs: { trigger: string; report: unknown }[] }).runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe('interactive');
    const fromMenu = syncReportSchema.parse(runs[0]?.report);

    const direct = await runCliAsync(['sync', '--config', sandbox.info.config, '--json'], env);
    const fromSync = syncReportSchema.parse(JSON.parse(direct.stdout));
    expect(Object.keys(fromMenu.bridges).sort()).toEqual(Object.keys(fromSync.bridges).sort());
    const core = ['ok', 'durationMs', 'dryRun', 'trigger', 'bridges', 'requests', 'caches'];
    expect(Object.keys(fromMenu)).toEqual(expect.arrayContaining(core));
    expect(Object.keys(fromSync)).toEqual(expect.arrayContaining(core));
    expect(Object.keys(fromMenu.bridges.books?.users ?? {})).toEqual(
      Object.keys(fromSync.bridges.books?.users ?? {}),
    );
  });
});
