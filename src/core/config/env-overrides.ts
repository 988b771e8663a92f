import { z } from 'zod';
import type { Env } from './paths.ts';
import {
  arrayElement,
  formatPath,
  isPlainObject,
  isSecretSchema,
  objectShape,
  unwrapSchema,
} from './schema-walk.ts';

/**
 * `SHELFSYNC_<SECTION>_<KEY>` variables. Names come from walking the schema's object keys, and a
 * variable is matched against that list as a whole, because keys contain `_` themselves
 * (`SHELFSYNC_BOOKS_AUTO_ADD_MIN_PROGRESS`). Entries of lists of objects (books.users,
 * playlists.definitions) have no names; lists of plain values take comma-separated items.
 */
export type LeafKind = 'string' | 'number' | 'boolean' | 'list';

export interface EnvSetting {
  name: string;
  path: string[];
  kind: LeafKind;
  itemKind?: LeafKind;
}

/** Variables that are not settings but are still ours. */
// SHELFSYNC_HTTP_TIMEOUT_MS is read by core/http itself (every client's per-attempt timeout).
const NOT_SETTINGS = new Set(['SHELFSYNC_CONFIG', 'SHELFSYNC_DEBUG', 'SHELFSYNC_HTTP_TIMEOUT_MS']);

function leafKind(schema: z.ZodType): LeafKind {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodArray) return 'list';
  return 'string';
}

export function envSettings(schema: z.ZodType): EnvSetting[] {
  const settings: EnvSetting[] = [];
  const walk = (current: z.ZodType, path: string[]) => {
    const shape = objectShape(current);
    if (!shape) {
      const kind = leafKind(current);
      const element = arrayElement(current);
      // A list of objects cannot be written as one variable.
      if (element && objectShape(element)) return;
      const setting: EnvSetting = { name: envName(path), path, kind };
      if (element) setting.itemKind = leafKind(element);
      settings.push(setting);
      return;
    }
    for (const [key, child] of Object.entries(shape)) {
      walk(child, [...path, key]);
      if (isSecretSchema(child)) {
        const filePath = [...path, `${key}_file`];
        settings.push({ name: envName(filePath), path: filePath, kind: 'string' });
      }
    }
  };
  walk(schema, []);
  return settings;
}

function envName(path: readonly string[]): string {
  return `SHELFSYNC_${path.join('_').toUpperCase()}`;
}

/** Turns the text of a variable into the type the schema wants; leaves it as text when it does not fit. */
// Stryker disable next-line StringLiteral: an item kind of '' matches no branch and stays text, as 'string' does
export function coerceEnvValue(raw: string, kind: LeafKind, itemKind: LeafKind = 'string'): unknown {
  const value = raw.trim();
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (kind === 'boolean') {
    const lower = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    return value;
  }
  if (kind === 'list') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => coerceEnvValue(item, itemKind));
  }
  return raw;
}

export interface EnvOverrideResult {
  /** Config path (formatted) → the variable that set it. */
  sources: Map<string, string>;
  warnings: string[];
}

/**
 * Writes the overrides into the raw (parsed YAML) config in place. Setting a secret clears its
 * `_file` twin at the same place, and the other way round, so the variable wins over the file.
 * Empty variables count as not set.
 */
export function applyEnvOverrides(
  raw: Record<string, unknown>,
  env: Env,
  schema: z.ZodType,
): EnvOverrideResult {
  const settings = new Map(envSettings(schema).map((setting) => [setting.name, setting]));
  const sources = new Map<string, string>();
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    const value = env[name];
    if (!name.startsWith('SHELFSYNC_') || NOT_SETTINGS.has(name) || value === undefined || value === '')
      continue;
    const setting = settings.get(name);
    if (!setting) {
      warnings.push(
        `${name} is not a shelfsync setting and is ignored (lists such as books.users cannot be set from the environment)`,
      );
      continue;
    }
    const parent = ensureParent(raw, setting.path);
    const key = setting.path[setting.path.length - 1] as string;
    parent[key] = coerceEnvValue(value, setting.kind, setting.itemKind);
    const twin = key.endsWith('_file') ? key.slice(0, -'_file'.length) : `${key}_file`;
    const twinPath = [...setting.path.slice(0, -1), twin];
    // When both twins come from the environment, keep both: the secret check reports the clash.
    if (settings.has(envName(twinPath)) && !sources.has(formatPath(twinPath))) delete parent[twin];
    sources.set(formatPath(setting.path), name);
  }
  return { sources, warnings };
}

function ensureParent(raw: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let current = raw;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (isPlainObject(next)) {
      current = next;
    } else {
      const created: Record<string, unknown> = {};
      current[key] = created;
      current = created;
    }
  }
  return current;
}
