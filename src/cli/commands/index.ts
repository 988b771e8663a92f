import type { Command } from 'commander';
import { registerDemoCommand } from './demo.ts';

/** Every command module adds itself here; program.ts stays free of command details. */
export function registerCommands(program: Command): void {
  registerDemoCommand(program);
}
