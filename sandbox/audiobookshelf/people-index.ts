import type { CatalogItem } from './catalog.ts';

/**
 * The authors and series of one library, as the server keeps them (Author and Series rows are per
 * library). The world carries no timestamps for them, so a row is taken to be created with the first
 * item that names it.
 */

export interface AuthorRow {
  id: string;
  name: string;
  libraryId: string;
  addedAt: number;
  /** The library's items by this author, in library order. */
  items: CatalogItem[];
}

export interface SeriesRow {
  id: string;
  name: string;
  libraryId: string;
  addedAt: number;
  /** The library's items in this series with their sequence, in library order. */
  entries: { entry: CatalogItem; sequence: string | null }[];
}

export interface LibraryPeople {
  /** In creation order, as a query without ORDER BY returns them. */
  authors: AuthorRow[];
  series: SeriesRow[];
}

function creationOrder<T extends { addedAt: number }>(rows: Iterable<T>): T[] {
  return [...rows]
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.addedAt - b.row.addedAt || a.index - b.index)
    .map(({ row }) => row);
}

export function indexPeople(libraryId: string, entries: readonly CatalogItem[]): LibraryPeople {
  const authors = new Map<string, AuthorRow>();
  const series = new Map<string, SeriesRow>();
  for (const entry of entries) {
    const { item } = entry;
    if (item.mediaType !== 'book') continue;
    for (const author of item.authors) {
      const row = authors.get(author.id) ?? {
        id: author.id,
        name: author.name,
        libraryId,
        addedAt: item.addedAt,
        items: [],
      };
      row.addedAt = Math.min(row.addedAt, item.addedAt);
      row.items.push(entry);
      authors.set(author.id, row);
    }
    for (const s of item.series) {
      const row = series.get(s.id) ?? {
        id: s.id,
        name: s.name,
        libraryId,
        addedAt: item.addedAt,
        entries: [],
      };
      row.addedAt = Math.min(row.addedAt, item.addedAt);
      row.entries.push({ entry, sequence: s.sequence });
      series.set(s.id, row);
    }
  }
  return { authors: creationOrder(authors.values()), series: creationOrder(series.values()) };
}
