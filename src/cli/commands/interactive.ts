import type { Command } from 'commander';

// Slot for the `interactive` command; it is registered here when its issue lands.
export function registerInteractiveCommand(_program: Command): void {}
