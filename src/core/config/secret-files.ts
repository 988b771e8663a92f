import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { resolveUserPath } from './paths.ts';
import type { ConfigProblem } from './problems.ts';
import { descriptionOf, formatPath, isSecretSchema, type PathSegment, visitObjects } from './schema-walk.ts';

export interface SecretResolution {
  problems: ConfigProblem[];
  warnings: string[];
  /** Secrets whose `_file` failed; the schema's "missing" report for them would only repeat it. */
  failed: Set<string>;
}

/**
 * Replaces every `<secret>_file: PATH` in the raw config with `<secret>: <file content, trimmed>`, then
 * strips a pasted `Bearer ` prefix from every secret. Runs before the schema check, so the schema
 * only ever sees plain secret values.
 */
export async function resolveSecretFiles(
  raw: Record<string, unknown>,
  schema: z.ZodType,
  paths: { baseDir: string; home: string },
): Promise<SecretResolution> {
  const result: SecretResolution = { problems: [], warnings: [], failed: new Set() };
  const fileReads: {
    holder: Record<string, unknown>;
    key: string;
    filePath: string;
    secretPath: string;
    file: string;
  }[] = [];
  const secretSlots: { holder: Record<string, unknown>; key: string; path: PathSegment[] }[] = [];

  visitObjects(schema, raw, (shape, holder, path) => {
    for (const [key, child] of Object.entries(shape)) {
      if (!isSecretSchema(child)) continue;
      secretSlots.push({ holder, key, path: [...path, key] });
      const fileKey = `${key}_file`;
      if (!(fileKey in holder)) continue;
      const filePath = formatPath([...path, fileKey]);
      const fileValue = holder[fileKey];
      delete holder[fileKey];
      if (key in holder) {
        result.problems.push({ path: filePath, message: `give either ${key} or ${fileKey}, not both` });
        continue;
      }
      const secretPath = formatPath([...path, key]);
      if (typeof fileValue !== 'string' || fileValue.trim() === '') {
        result.problems.push({
          path: filePath,
          message: `expected the path of a file holding ${describe(child)}`,
        });
        result.failed.add(secretPath);
        continue;
      }
      const file = resolveUserPath(fileValue.trim(), paths.baseDir, paths.home);
      fileReads.push({ holder, key, filePath, secretPath, file });
    }
  });

  await Promise.all(
    fileReads.map(async ({ holder, key, filePath, secretPath, file }) => {
      const outcome = await readSecretFile(file);
      if ('problem' in outcome) {
        result.problems.push({ path: filePath, message: outcome.problem });
        result.failed.add(secretPath);
        return;
      }
      holder[key] = outcome.value;
      if (outcome.sharedWithOthers) {
        result.warnings.push(
          `${filePath}: ${file} can be read by other users of this machine; restrict it with \`chmod 600 ${file}\``,
        );
      }
    }),
  );

  for (const { holder, key, path } of secretSlots) {
    const value = holder[key];
    if (typeof value !== 'string') continue;
    const bare = value.replace(/^bearer\s+/i, '');
    if (bare !== value) {
      holder[key] = bare;
      result.warnings.push(
        `${formatPath(path)}: removed a leading "Bearer " from the value; give the bare token (shelfsync adds "Bearer" itself)`,
      );
    }
  }
  return result;
}

function describe(schema: z.ZodType): string {
  return descriptionOf(schema) ?? 'the secret';
}

type SecretFileOutcome = { value: string; sharedWithOthers: boolean } | { problem: string };

async function readSecretFile(file: string): Promise<SecretFileOutcome> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { problem: `${file} is a folder, not a file` };
    const value = (await readFile(file, 'utf8')).trim();
    if (value === '') return { problem: `${file} is empty` };
    return { value, sharedWithOthers: (info.mode & 0o044) !== 0 };
  } catch (error) {
    return { problem: `cannot read ${file} (${fileErrorReason(error)})` };
  }
}

export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}
