import type { Command } from 'commander';

// Slot for `records query`, `records list` and `records export` (the query language); records.ts calls it.
export function registerRecordsQueryCommands(_records: Command): void {}
