import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

export function buildProgram(): Command {
  const program = new Command('shelfsync')
    .description(
      'Keep your media shelves in sync: Audiobookshelf progress to Hardcover, a Discogs collection ' +
        'into a local database, and SoundCloud playlists built from it.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .option(
      '-c, --config <path>',
      'config file (default: $SHELFSYNC_CONFIG, then ~/.config/shelfsync/config.yaml)',
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true })
    // Set before the commands are added so every subcommand inherits it (usage errors exit 2, not 1).
    .exitOverride();
  registerCommands(program);
  return program;
}
