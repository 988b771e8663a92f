import type { DiscogsCollectionItem, DiscogsRelease } from '../records/world.ts';
import { artistsSort } from './bodies.ts';

/** The documented `sort` keys of collection listings. */
export const SORT_KEYS = ['label', 'artist', 'title', 'catno', 'format', 'rating', 'added', 'year'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function parseSort(url: URL): { key: SortKey; descending: boolean } {
  const requested = url.searchParams.get('sort') ?? '';
  // The docs name no default order; the stand-in lists items in the order they were added.
  const key = (SORT_KEYS as readonly string[]).includes(requested) ? (requested as SortKey) : 'added';
  return { key, descending: url.searchParams.get('sort_order') === 'desc' };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortValue(
  item: DiscogsCollectionItem,
  release: DiscogsRelease | undefined,
  key: SortKey,
): string | number {
  switch (key) {
    case 'label':
      return release?.labels[0]?.name ?? '';
    case 'artist':
      return release ? artistsSort(release.artists) : '';
    case 'title':
      return release?.title ?? '';
    case 'catno':
      return release?.labels[0]?.catno ?? '';
    case 'format':
      return release?.formats[0]?.name ?? '';
    case 'rating':
      return item.rating;
    case 'added':
      return Date.parse(item.dateAdded);
    case 'year':
      return release?.year ?? 0;
  }
}

/** Sorted copy; ties fall back to the instance id so pages never overlap or skip. */
export function sortItems(
  items: readonly DiscogsCollectionItem[],
  releases: ReadonlyMap<number, DiscogsRelease>,
  key: SortKey,
  descending: boolean,
): DiscogsCollectionItem[] {
  const keyed = items.map((item) => ({ item, value: sortValue(item, releases.get(item.releaseId), key) }));
  const direction = descending ? -1 : 1;
  keyed.sort((a, b) => {
    const primary =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return primary !== 0 ? primary * direction : (a.item.instanceId - b.item.instanceId) * direction;
  });
  return keyed.map((entry) => entry.item);
}
