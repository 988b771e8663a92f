import type { Command } from 'commander';

// Slot for the `playlist` command; it is registered here when its issue lands.
export function registerPlaylistCommand(_program: Command): void {}
