import type { Command } from 'commander';

// Slot for the `start` command; it is registered here when its issue lands.
export function registerStartCommand(_program: Command): void {}
