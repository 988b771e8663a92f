import type { Migration } from 'kysely/migration';
import * as foundation from './001-foundation.ts';
import * as books from './002-books.ts';
import * as records from './003-records.ts';
import * as playlists from './004-playlists.ts';
import * as platform from './005-platform.ts';

/**
 * Every migration, listed in code rather than found by scanning a folder, so the same list works
 * from the sources and from a built package. Names sort in the order they must run; never rename
 * or edit one that has shipped: add a new file instead.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '001-foundation': foundation,
  '002-books': books,
  '003-records': records,
  '004-playlists': playlists,
  '005-platform': platform,
};
