import type { Command } from 'commander';
import { printLine } from '../output.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run a full sync against local stand-ins of all four services, on a temporary database')
    .action(() => {
      printLine('shelfsync demo');
      printLine(
        'The local stand-ins and the sync bridges are still being built, so there is nothing to sync yet.',
      );
      printLine('What works today: `shelfsync --help`, and the foundation exercised by `npm test`.');
    });
}
