import { shelfsyncVersion } from '../core/version.ts';

/** Discogs requires a User-Agent that names the application; Hardcover asks for one. */
export const USER_AGENT = `shelfsync/${shelfsyncVersion()} (+https://github.com/shelfsync/shelfsync)`;
