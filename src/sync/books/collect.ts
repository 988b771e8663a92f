import type { BookUserConfig } from '../../core/config/index.ts';
import { ShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import { type AbsItemDetails, fetchItems, fetchLibraries } from '../../upstream/audiobookshelf/items.ts';
import { fetchMe, type MediaProgress } from '../../upstream/audiobookshelf/me.ts';
import { type BookProgress, progressFingerprint, readProgress } from './progress.ts';

/**
 * Audiobookshelf side: every progress row from `/api/me` (never from filtered item lists, whose
 * totals the server caches per URL), details only for items not seen before or whose progress
 * changed, then the library filters. Podcasts are left out.
 */

export interface CollectedBook {
  item: AbsItemDetails;
  row: MediaProgress;
  progress: BookProgress;
  fingerprint: string;
}

export interface CollectInput {
  abs: HttpClient;
  user: BookUserConfig;
  /** Item details kept from earlier runs. */
  known: (ids: readonly string[]) => Promise<Map<string, AbsItemDetails>>;
  /** Fingerprints of the rows handled last run (per item). */
  lastFingerprints: ReadonlyMap<string, string | null>;
  force: boolean;
}

export interface Collected {
  books: CollectedBook[];
  /** Details fetched in this run, for the caller to keep. */
  fetched: AbsItemDetails[];
}

export async function collectProgress(input: CollectInput): Promise<Collected> {
  const me = await fetchMe(input.abs);
  const rows = me.mediaProgress.filter(
    (row) => !row.episodeId && (row.mediaItemType === undefined || row.mediaItemType === 'book'),
  );
  const ids = rows.map((row) => row.libraryItemId);
  const known = await input.known(ids);
  const stale = rows.filter((row) => {
    const last = input.lastFingerprints.get(row.libraryItemId);
    return input.force || !known.has(row.libraryItemId) || last !== progressFingerprint(row);
  });
  const fetched =
    stale.length > 0
      ? await fetchItems(
          input.abs,
          stale.map((row) => row.libraryItemId),
        )
      : [];
  for (const item of fetched) known.set(item.id, item);

  const allowed = await libraryFilter(input.abs, input.user);
  const books: CollectedBook[] = [];
  for (const row of rows) {
    const item = known.get(row.libraryItemId);
    if (item?.mediaType !== 'book' || !allowed(item.libraryId)) continue;
    books.push({ item, row, progress: readProgress(row, item), fingerprint: progressFingerprint(row) });
  }
  return { books, fetched };
}

/** Which library ids pass the user's include/exclude lists (by library name); no request without lists. */
async function libraryFilter(abs: HttpClient, user: BookUserConfig): Promise<(libraryId: string) => boolean> {
  const { include, exclude } = user.libraries;
  if (!include && exclude.length === 0) return () => true;
  const libraries = await fetchLibraries(abs);
  const named = (names: readonly string[]) => {
    const wanted = new Set(names.map((name) => name.toLowerCase()));
    return new Set(libraries.filter((l) => wanted.has(l.name.toLowerCase())).map((l) => l.id));
  };
  if (include) {
    const missing = include.filter(
      (name) => !libraries.some((l) => l.name.toLowerCase() === name.toLowerCase()),
    );
    if (missing.length === include.length) {
      throw new ShelfsyncError(
        `None of the libraries in books.users.${user.id}.libraries.include exist in Audiobookshelf (${missing.join(', ')}).`,
        { code: 'config_invalid', service: 'audiobookshelf' },
      );
    }
  }
  const included = include ? named(include) : undefined;
  const excluded = named(exclude);
  return (id) => (included === undefined || included.has(id)) && !excluded.has(id);
}
