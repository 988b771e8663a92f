import type { Command } from 'commander';
import pc from 'picocolors';
import { checkConfig, formatProblem } from '../../core/config/index.ts';
import { ExitCode } from '../../core/errors.ts';
import { printLine } from '../output.ts';

export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('work with the config file');
  config
    .command('check')
    .description('check the config file and list every problem at once, each with its key path')
    .action(async (_options: unknown, command: Command) => {
      const { config: configPath } = command.optsWithGlobals<{ config?: string }>();
      const result = await checkConfig({ configPath, env: process.env, cwd: process.cwd() });
      for (const warning of result.warnings) process.stderr.write(`${pc.yellow('warning')} ${warning}\n`);
      if (result.problems.length === 0) {
        printLine(`config OK: ${result.path}`);
        return;
      }
      const count = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
      process.stderr.write(`${pc.red('error')} the config file ${result.path} has ${count}:\n`);
      for (const problem of result.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
      process.exitCode = ExitCode.usage;
    });
}
