import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * shelfsync's own version from its package.json, found by walking up from this file: the source
 * checkout (src/core) and the packed build (dist/src/core) sit at different depths.
 */
export function shelfsyncVersion(): string {
  cached ??= versionAbove(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

/** The version in shelfsync's package.json in `start` or up to five folders above it; 0.0.0 if none. */
export function versionAbove(start: string): string {
  let dir = start;
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      // Stryker disable next-line StringLiteral: with an empty encoding readFileSync returns a Buffer, which JSON.parse reads as UTF-8 too
      const manifest: unknown = JSON.parse(readFileSync(candidate, 'utf8'));
      const { name, version } = manifest as { name?: unknown; version?: unknown };
      if (name === 'shelfsync' && typeof version === 'string') return version;
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
