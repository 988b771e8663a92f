import type { Command } from 'commander';
import pc from 'picocolors';
import { type Config, type ConfigProblem, checkConfig, formatProblem } from '../../core/config/index.ts';
import { ExitCode } from '../../core/errors.ts';
import { parseQuery, QueryError } from '../../query/index.ts';
import { checkConnections } from '../../sync/connections.ts';
import { printLine } from '../output.ts';
import { type Runtime, withRuntime } from '../runtime.ts';

export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('work with the config file');
  config
    .command('check')
    .description('check the config file and list every problem at once, each with its key path')
    .option('--connections', 'also sign in to every configured service once and report what it says')
    .action(async (options: { connections?: boolean }, command: Command) => {
      const { config: configPath } = command.optsWithGlobals<{ config?: string }>();
      const checked = await checkConfig({ configPath, env: process.env, cwd: process.cwd() });
      // The schema cannot parse queries (core knows nothing of the query language), so they are checked here.
      const result = {
        ...checked,
        problems: [...checked.problems, ...playlistQueryProblems(checked.config)],
      };
      for (const warning of result.warnings) process.stderr.write(`${pc.yellow('warning')} ${warning}\n`);
      if (result.problems.length === 0 && result.config) {
        printLine(`config OK: ${result.path}`);
        if (options.connections) {
          const loaded = { config: result.config, path: result.path, warnings: result.warnings };
          process.exitCode = await withRuntime(command, (runtime) => reportConnections(runtime), loaded);
        }
        return;
      }
      const count = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
      process.stderr.write(`${pc.red('error')} the config file ${result.path} has ${count}:\n`);
      for (const problem of result.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
      process.exitCode = ExitCode.usage;
    });
}

function playlistQueryProblems(config: Config | undefined): ConfigProblem[] {
  return (config?.playlists?.definitions ?? []).flatMap((definition, index) => {
    try {
      parseQuery(definition.query);
      return [];
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      const message = `is not a valid collection query: ${error.reason} (column ${error.column})`;
      return [{ path: `playlists.definitions[${index}].query`, message }];
    }
  });
}

async function reportConnections({ config, logger }: Runtime): Promise<number> {
  const results = await checkConnections(config);
  for (const result of results) logger.info(result, 'connection check');
  if (results.length === 0) printLine('no services configured, nothing to connect to');
  for (const result of results) {
    const mark = result.ok ? pc.green('ok  ') : pc.red('FAIL');
    printLine(`${mark} ${result.service} (${result.subject}): ${result.detail}`);
  }
  return results.every((result) => result.ok) ? ExitCode.ok : ExitCode.upstream;
}
