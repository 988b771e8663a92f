import type { Command } from 'commander';
import { registerBooksCommand } from './books.ts';
import { registerCacheCommand } from './cache.ts';
import { registerConfigCommand } from './config.ts';
import { registerDemoCommand } from './demo.ts';
import { registerInitCommand } from './init.ts';
import { registerInteractiveCommand } from './interactive.ts';
import { registerPlaylistCommand } from './playlist.ts';
import { registerRecordsCommand } from './records.ts';
import { registerSandboxCommand } from './sandbox.ts';
import { registerSoundcloudCommand } from './soundcloud.ts';
import { registerStartCommand } from './start.ts';
import { registerStatusCommand } from './status.ts';
import { registerSyncCommand } from './sync.ts';

/** Every command module adds itself here; program.ts stays free of command details. */
export function registerCommands(program: Command): void {
  registerBooksCommand(program);
  registerCacheCommand(program);
  registerDemoCommand(program);
  registerInitCommand(program);
  registerInteractiveCommand(program);
  registerConfigCommand(program);
  registerPlaylistCommand(program);
  registerRecordsCommand(program);
  registerSandboxCommand(program);
  registerSoundcloudCommand(program);
  registerStartCommand(program);
  registerStatusCommand(program);
  registerSyncCommand(program);
}
