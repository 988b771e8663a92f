import type { Reply } from '../core/reply.ts';
import type { CatalogItem } from './catalog.ts';
import { type AbsContext, type ApiCall, isAdminOrUp } from './context.ts';
import { itemMinified } from './item-json.ts';
import { isLibraryRequest, resolveLibrary } from './library-access.ts';
import { compareNoCase, nameToLastFirst } from './names.ts';
import type { AuthorRow, SeriesRow } from './people-index.ts';
import { authorListJson, seriesJson } from './people-json.ts';
import { sendJson } from './replies.ts';

/** LibraryController's series and author lists: `GET /api/libraries/:id/series` and `/authors`. */

function includeList(query: URLSearchParams): string[] {
  return (query.get('include') ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}

/** The books a series lists: sorted by sequence (numeric-aware), books without one last. */
function sortedBySequence(entries: SeriesRow['entries']): SeriesRow['entries'] {
  return [...entries].sort((a, b) => {
    if (!a.sequence) return 1;
    if (!b.sequence) return -1;
    return a.sequence.localeCompare(b.sequence, undefined, { numeric: true, sensitivity: 'base' });
  });
}

type SeriesKey = (row: SeriesRow) => number | string;

function seriesSortKey(sortBy: string | null): SeriesKey | undefined {
  const items = (row: SeriesRow) => row.entries.map(({ entry }) => entry.item);
  switch (sortBy) {
    case 'name':
      return (row) => row.name;
    case 'numBooks':
      return (row) => row.entries.length;
    case 'addedAt':
      return (row) => row.addedAt;
    case 'totalDuration':
      return (row) => items(row).reduce((sum, item) => sum + item.duration, 0);
    case 'lastBookAdded':
      return (row) => Math.max(...items(row).map((item) => item.addedAt));
    case 'lastBookUpdated':
      return (row) => Math.max(...items(row).map((item) => item.updatedAt));
    default:
      return undefined;
  }
}

function sortRows<T>(rows: T[], key: ((row: T) => number | string) | undefined, desc: boolean): T[] {
  if (!key) return rows;
  const dir = desc ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, k: key(row) }))
    .sort((a, b) => {
      const c = typeof a.k === 'string' ? compareNoCase(a.k, String(b.k)) : a.k - Number(b.k);
      return c * dir || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** `limit` 0 or absent lists everything from the offset on. */
function pageOf<T>(rows: readonly T[], limit: number, page: number): T[] {
  const offset = page * limit;
  return rows.slice(offset, limit ? offset + limit : undefined);
}

/** `GET /api/libraries/:id/series`: series with at least one book the user may see, each with its books. */
export function getLibrarySeries(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const q = call.query;
  const include = includeList(q);
  const limit = resolved.limit ?? 0;
  const page = resolved.page ?? 0;
  const sortBy = q.get('sort');
  const sortDesc = q.get('desc') === '1';
  const visible = ctx.catalog
    .people(resolved.library.id)
    .series.map((row) => ({
      ...row,
      entries: row.entries.filter(({ entry }) => ctx.state.canAccessItem(call.user, entry)),
    }))
    .filter((row) => row.entries.length > 0);
  const sorted =
    sortBy === 'random' ? ctx.random.shuffle(visible) : sortRows(visible, seriesSortKey(sortBy), sortDesc);
  const results = pageOf(sorted, limit, page).map((row) => {
    const json = seriesJson(row);
    if (sortBy === 'totalDuration') {
      const total = row.entries.reduce((sum, { entry }) => sum + entry.item.duration, 0);
      if (total) json.totalDuration = total;
    }
    if (include.includes('rssfeed')) json.rssFeed = null;
    json.books = sortedBySequence(row.entries).map(({ entry }) => itemMinified(entry));
    return json;
  });
  return sendJson(200, {
    results,
    total: sorted.length,
    limit,
    page,
    sortBy: sortBy ?? undefined,
    sortDesc,
    filterBy: q.get('filter') ?? undefined,
    minified: q.get('minified') === '1',
    include: include.join(','),
  });
}

function authorSortKey(sortBy: string | null): ((row: AuthorRow) => number | string) | undefined {
  switch (sortBy) {
    case 'name':
      return (row) => row.name;
    case 'lastFirst':
      return (row) => nameToLastFirst(row.name);
    case 'addedAt':
    case 'updatedAt':
      return (row) => row.addedAt;
    default:
      return undefined;
  }
}

/**
 * `GET /api/libraries/:id/authors`: `{authors}` unless both a non-zero `limit` and a `page` are sent,
 * then a page envelope. Admins also see authors none of whose books they may open.
 */
export function getLibraryAuthors(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const q = call.query;
  const paginated = Boolean(resolved.limit) && resolved.page !== undefined;
  const limit = paginated ? (resolved.limit ?? 0) : 0;
  const page = paginated ? (resolved.page ?? 0) : 0;
  const sortBy = q.get('sort');
  const sortDesc = q.get('desc') === '1';
  const canSee = (entry: CatalogItem) => ctx.state.canAccessItem(call.user, entry);
  const rows = ctx.catalog
    .people(resolved.library.id)
    .authors.map((row) => ({ row, numBooks: row.items.filter(canSee).length }))
    .filter(({ numBooks }) => numBooks > 0 || isAdminOrUp(call.user));
  let sorted: typeof rows;
  if (sortBy === 'numBooks') {
    const dir = sortDesc ? -1 : 1;
    sorted = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.numBooks - b.r.numBooks) * dir || a.i - b.i)
      .map(({ r }) => r);
  } else {
    const key = authorSortKey(sortBy);
    sorted = sortRows(rows, key ? ({ row }) => key(row) : undefined, sortDesc);
  }
  const shown = paginated ? pageOf(sorted, limit, page) : sorted;
  const results = shown.map(({ row, numBooks }) => authorListJson(row, numBooks));
  if (!paginated) return sendJson(200, { authors: results });
  return sendJson(200, {
    results,
    total: rows.length,
    limit,
    page,
    sortBy: sortBy ?? undefined,
    sortDesc,
    filterBy: q.get('filter') ?? undefined,
    minified: q.get('minified') === '1',
    include: q.get('include') ?? undefined,
  });
}
