import type { Command } from 'commander';

// Slot for the `books` command; it is registered here when its issue lands.
export function registerBooksCommand(_program: Command): void {}
