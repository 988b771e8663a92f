import type { Command } from 'commander';
import pc from 'picocolors';
import { type Config, type LoadedConfig, loadConfig, secretsOf } from '../core/config/index.ts';
import type { Database } from '../core/db/database.ts';
import { closeLogger, createLogger, type Logger } from '../core/log.ts';

/** What a command that does real work gets: the loaded config, a log file, the database on demand. */
export interface Runtime {
  config: Config;
  configPath: string;
  logger: Logger;
  /** Opens the database the first time it is asked for; closed when the command ends. */
  database(): Promise<Database>;
}

function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`${pc.yellow('warning')} ${warning}\n`);
}

/**
 * Loads the config (unless given), opens the log, runs `work`, and always closes the database and the
 * log again, whatever happens, so the process can exit promptly.
 */
export async function withRuntime<T>(
  command: Command,
  work: (runtime: Runtime) => Promise<T>,
  loaded?: LoadedConfig,
): Promise<T> {
  const { config: configPath } = command.optsWithGlobals<{ config?: string }>();
  const { config, path, warnings } = loaded ?? (await loadConfig({ configPath, env: process.env }));
  if (!loaded) printWarnings(warnings);
  const logger = createLogger({ file: config.log.file, level: config.log.level, secrets: secretsOf(config) });
  let database: Database | undefined;
  const name = command.parent?.parent ? `${command.parent.name()} ${command.name()}` : command.name();
  logger.info({ command: name, config: path }, 'command started');
  try {
    const result = await work({
      config,
      configPath: path,
      logger,
      database: async () => {
        if (!database) {
          // Loaded on demand so that commands which need no database do not load SQLite.
          const { openDatabase } = await import('../core/db/database.ts');
          database = await openDatabase({ path: config.database.path });
        }
        return database;
      },
    });
    logger.info({ command: name }, 'command finished');
    return result;
  } catch (error) {
    logger.error({ command: name, err: error }, 'command failed');
    throw error;
  } finally {
    await database?.close();
    await closeLogger(logger);
  }
}
