import type { Command } from 'commander';

// Slot for the `status` command; it is registered here when its issue lands.
export function registerStatusCommand(_program: Command): void {}
