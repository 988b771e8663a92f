import { Command } from 'commander';
import { shelfsyncVersion } from '../core/version.ts';
import { registerCommands } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command('shelfsync')
    .description(
      'Keep your media shelves in sync: Audiobookshelf progress to Hardcover, a Discogs collection ' +
        'into a local database, and SoundCloud playlists built from it.',
    )
    .version(shelfsyncVersion(), '-V, --version', 'print the version')
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
