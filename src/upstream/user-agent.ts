import { readFileSync } from 'node:fs';

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const value = (manifest as { version?: unknown }).version;
  return typeof value === 'string' ? value : '0.0.0';
}

/** Discogs requires a User-Agent that names the application; Hardcover asks for one. */
export const USER_AGENT = `shelfsync/${version()} (+https://github.com/shelfsync/shelfsync)`;
