import { dirname } from 'node:path';
import { readConfigFile } from './config-file.ts';
import { applyEnvOverrides } from './env-overrides.ts';
import { problemsFromIssues } from './issues.ts';
import { type Env, locateConfig, standardDirs } from './paths.ts';
import { ConfigInvalidError, type ConfigProblem } from './problems.ts';
import { buildConfigSchema, type Config, type ConfigSchema } from './schema.ts';
import { isSecretSchema, type PathSegment, visitObjects } from './schema-walk.ts';
import { resolveSecretFiles } from './secret-files.ts';

export interface LoadConfigOptions {
  /** `--config PATH`; relative to `cwd`. */
  configPath?: string | undefined;
  /** Where `$SHELFSYNC_*`, `$HOME` and `$XDG_*` come from; defaults to the process environment. */
  env?: Env;
  cwd?: string;
}

export interface LoadedConfig {
  config: Config;
  /** The absolute path of the config file that was read. */
  path: string;
  /** Things worth telling the user that do not stop shelfsync (a pasted "Bearer ", loose file modes). */
  warnings: string[];
}

export interface ConfigCheck {
  path: string;
  /** Every problem found; empty when the config is usable. */
  problems: ConfigProblem[];
  warnings: string[];
  /** The loaded config, when there are no problems. */
  config: Config | undefined;
}

/**
 * Reads, overrides from the environment, resolves `_file` secrets and validates the config, collecting
 * every problem. A missing file throws `config_missing`; everything else is returned.
 */
export async function checkConfig(options: LoadConfigOptions = {}): Promise<ConfigCheck> {
  const env = options.env ?? process.env;
  const location = locateConfig({ configPath: options.configPath, env, cwd: options.cwd ?? process.cwd() });
  const read = await readConfigFile(location);
  if ('problems' in read)
    return { path: location.path, problems: read.problems, warnings: [], config: undefined };

  const { file } = read;
  const dirs = standardDirs(env);
  const baseDir = dirname(location.path);
  const schema = buildConfigSchema({
    baseDir,
    home: dirs.home,
    dataHome: dirs.dataHome,
    stateHome: dirs.stateHome,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const raw = file.raw;
  dropEmptyValues(raw, schema);
  const warnings = [...read.warnings];
  if (holdsInlineSecret(raw, schema) && (file.mode & 0o077) !== 0) {
    warnings.push(
      `${location.path} holds secrets and can be read by other users; restrict it with \`chmod 600 ${location.path}\``,
    );
  }
  const overrides = applyEnvOverrides(raw, env, schema);
  warnings.push(...overrides.warnings);
  const secrets = await resolveSecretFiles(raw, schema, { baseDir, home: dirs.home });
  warnings.push(...secrets.warnings);

  const parsed = schema.safeParse(raw, { reportInput: true });
  const schemaProblems = parsed.success
    ? []
    : problemsFromIssues(parsed.error.issues, schema).filter((problem) => !secrets.failed.has(problem.path));
  const problems = [...secrets.problems, ...schemaProblems].map((problem) => {
    const envVar = envSourceOf(problem.path, overrides.sources);
    if (envVar) return { ...problem, envVar };
    return { ...problem, line: file.lineOf(parsePath(problem.path)) };
  });
  // In file order, so the list reads top to bottom next to the file; the rest keeps its order.
  problems.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  const config = parsed.success && problems.length === 0 ? parsed.data : undefined;
  if (config && !config.books && !config.records && !config.playlists) {
    warnings.push(
      'no books, records or playlists section is configured, so `shelfsync sync` has nothing to do',
    );
  }
  return { path: location.path, problems, warnings, config };
}

/** Like checkConfig, but throws `config_invalid` listing every problem. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const check = await checkConfig(options);
  if (!check.config) throw new ConfigInvalidError(check.path, check.problems);
  return { config: check.config, path: check.path, warnings: check.warnings };
}

/** `key:` with nothing after it means "not set" (the starter config comments values out that way). */
function dropEmptyValues(raw: Record<string, unknown>, schema: ConfigSchema): void {
  visitObjects(schema, raw, (shape, holder) => {
    for (const key of Object.keys(shape)) {
      if (holder[key] === null) delete holder[key];
    }
  });
}

function holdsInlineSecret(raw: Record<string, unknown>, schema: ConfigSchema): boolean {
  let found = false;
  visitObjects(schema, raw, (shape, holder) => {
    for (const [key, child] of Object.entries(shape)) {
      if (typeof holder[key] === 'string' && isSecretSchema(child)) found = true;
    }
  });
  return found;
}

function envSourceOf(path: string, sources: ReadonlyMap<string, string>): string | undefined {
  for (const [settingPath, name] of sources) {
    // Variables set single values and lists of them, never mappings, so nothing sits below them but items.
    if (path === settingPath || path.startsWith(`${settingPath}[`)) return name;
  }
  return undefined;
}

/** Inverse of formatPath: `books.users[0].id` → ['books', 'users', 0, 'id']. */
export function parsePath(path: string): PathSegment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => match[1] ?? Number(match[2]));
}
