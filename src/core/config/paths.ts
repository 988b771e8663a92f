import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** The folders shelfsync uses by default, following the XDG base directory convention. */
export interface StandardDirs {
  home: string;
  configHome: string;
  dataHome: string;
  stateHome: string;
}

export function standardDirs(env: Env): StandardDirs {
  const home = env.HOME || homedir();
  // The XDG spec says relative values are invalid and must be ignored.
  const xdg = (name: string, fallback: string) => {
    const value = env[name];
    return value && isAbsolute(value) ? value : join(home, fallback);
  };
  return {
    home,
    configHome: xdg('XDG_CONFIG_HOME', '.config'),
    dataHome: xdg('XDG_DATA_HOME', '.local/share'),
    stateHome: xdg('XDG_STATE_HOME', '.local/state'),
  };
}

/** Expands a leading `~` and resolves a relative path against `baseDir`. */
export function resolveUserPath(path: string, baseDir: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return resolve(baseDir, path);
}

export type ConfigPathSource = 'option' | 'env' | 'default';

export interface ConfigLocation {
  path: string;
  source: ConfigPathSource;
}

/** `--config PATH`, else `$SHELFSYNC_CONFIG`, else `$XDG_CONFIG_HOME/shelfsync/config.yaml`. */
export function locateConfig(options: {
  configPath?: string | undefined;
  env: Env;
  cwd: string;
}): ConfigLocation {
  const dirs = standardDirs(options.env);
  if (options.configPath) {
    return { path: resolveUserPath(options.configPath, options.cwd, dirs.home), source: 'option' };
  }
  const fromEnv = options.env.SHELFSYNC_CONFIG;
  if (fromEnv) return { path: resolveUserPath(fromEnv, options.cwd, dirs.home), source: 'env' };
  return { path: join(dirs.configHome, 'shelfsync', 'config.yaml'), source: 'default' };
}

/** One sentence naming every place that was looked at, for a config file that is not there. */
export function describeMissingConfig(location: ConfigLocation): string {
  const init = `run \`shelfsync init\` to write a starter config there, or pass --config PATH`;
  if (location.source === 'option') {
    return `no config file at ${location.path} (given with --config); check the path, or run \`shelfsync init --path ${location.path}\` to write a starter config there.`;
  }
  if (location.source === 'env') {
    return `no config file at ${location.path} (named by $SHELFSYNC_CONFIG, used because --config was not given); check the path, or ${init}.`;
  }
  return `no config file found: --config was not given, $SHELFSYNC_CONFIG is not set, and ${location.path} does not exist; ${init}.`;
}
