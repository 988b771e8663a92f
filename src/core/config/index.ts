export {
  type ConfigCheck,
  checkConfig,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
} from './load.ts';
export { type ConfigLocation, type Env, locateConfig, standardDirs } from './paths.ts';
export { ConfigInvalidError, type ConfigProblem, formatProblem } from './problems.ts';
export {
  type BooksConfig,
  type BookUserConfig,
  buildConfigSchema,
  type Config,
  type LogLevel,
  type MatchStrategy,
  type PlaylistDefinition,
  type PlaylistsConfig,
  type RecordsConfig,
} from './schema.ts';
export { secretsOf } from './secrets-of.ts';
export { starterConfig, writeStarterConfig } from './starter-config.ts';
