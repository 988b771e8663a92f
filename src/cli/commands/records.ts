import type { Command } from 'commander';
import { registerRecordsQueryCommands } from './records-query.ts';

// The `records` command group; sync, enrich and stats join it when the records bridge lands.
export function registerRecordsCommand(program: Command): void {
  const records = program
    .command('records')
    .description('the Discogs collection in the local database: query, list and export it');
  registerRecordsQueryCommands(records);
}
