import type { Command } from 'commander';
import { locateConfig, writeStarterConfig } from '../../core/config/index.ts';
import { printLine } from '../output.ts';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a commented starter config file (readable only by you)')
    .option(
      '--path <file>',
      'where to write it (default: --config, $SHELFSYNC_CONFIG, then ~/.config/shelfsync/config.yaml)',
    )
    .option('--force', 'overwrite the file if it exists')
    .action(async (options: { path?: string; force?: boolean }, command: Command) => {
      const { config } = command.optsWithGlobals<{ config?: string }>();
      const location = locateConfig({
        configPath: options.path ?? config,
        env: process.env,
        cwd: process.cwd(),
      });
      await writeStarterConfig(location.path, { force: options.force === true });
      const checkCommand =
        location.source === 'default'
          ? 'shelfsync config check'
          : `shelfsync config check --config ${location.path}`;
      printLine(`Wrote a starter config to ${location.path}`);
      printLine(`Next: replace its <...> placeholders with your own values, then run \`${checkCommand}\`.`);
    });
}
