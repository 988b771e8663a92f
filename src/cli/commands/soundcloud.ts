import type { Command } from 'commander';

// Slot for the `soundcloud` command; it is registered here when its issue lands.
export function registerSoundcloudCommand(_program: Command): void {}
