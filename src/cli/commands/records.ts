import type { Command } from 'commander';

// Slot for the `records` command; it is registered here when its issue lands.
export function registerRecordsCommand(_program: Command): void {}
