import type { Command } from 'commander';
import { registerCacheCommand } from './cache.ts';
import { registerConfigCommand } from './config.ts';
import { registerDemoCommand } from './demo.ts';
import { registerInitCommand } from './init.ts';
import { registerSandboxCommand } from './sandbox.ts';

/** Every command module adds itself here; program.ts stays free of command details. */
export function registerCommands(program: Command): void {
  registerCacheCommand(program);
  registerDemoCommand(program);
  registerInitCommand(program);
  registerConfigCommand(program);
  registerSandboxCommand(program);
}
