import { nameToLastFirst, titlePrefixAtEnd } from './names.ts';
import type { AuthorRow, SeriesRow } from './people-index.ts';

/** Author.toOldJSONExpanded and Series.toOldJSON for the rows of a library's people index. */

/** Author.toOldJSON: the author without a book count. */
export function authorOldJson(row: AuthorRow): Record<string, unknown> {
  return {
    id: row.id,
    asin: null,
    name: row.name,
    description: null,
    imagePath: null,
    libraryId: row.libraryId,
    addedAt: row.addedAt,
    updatedAt: row.addedAt,
  };
}

export function authorJson(row: AuthorRow, numBooks: number): Record<string, unknown> {
  return { ...authorOldJson(row), numBooks };
}

/** The author list adds the stored `lastFirst` column. */
export function authorListJson(row: AuthorRow, numBooks: number): Record<string, unknown> {
  return { ...authorJson(row, numBooks), lastFirst: nameToLastFirst(row.name) };
}

export function seriesJson(row: SeriesRow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    nameIgnorePrefix: titlePrefixAtEnd(row.name),
    description: null,
    addedAt: row.addedAt,
    updatedAt: row.addedAt,
    libraryId: row.libraryId,
  };
}
