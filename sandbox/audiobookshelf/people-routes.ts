import type { Reply } from '../core/reply.ts';
import type { CatalogItem } from './catalog.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { itemMinified } from './item-json.ts';
import { isLibraryRequest, resolveLibrary } from './library-access.ts';
import { castFloat } from './library-query.ts';
import { titlePrefixAtEnd } from './names.ts';
import type { AuthorRow, SeriesRow } from './people-index.ts';
import { authorOldJson, seriesJson } from './people-json.ts';
import { sendJson, sendStatus } from './replies.ts';
import type { UserRecord } from './state.ts';

/**
 * One series or one author by id: `GET /api/series/:id` (SeriesController) and `GET /api/authors/:id`
 * (AuthorController). Their books come from the library-items query, which applies the user's
 * explicit-content permission but not their library access (and restricts by tags only when some are
 * selected, which no user here has).
 */

type Json = Record<string, unknown>;

const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

function listable(user: UserRecord, entry: CatalogItem): boolean {
  const canExplicit = user.permissions.accessExplicitContent && user.user.isActive;
  return !entry.item.explicit || canExplicit;
}

function findSeries(ctx: AbsContext, id: string): SeriesRow | undefined {
  for (const library of ctx.catalog.libraries) {
    const row = ctx.catalog.people(library.id).series.find((series) => series.id === id);
    if (row) return row;
  }
  return undefined;
}

function findAuthor(ctx: AbsContext, id: string): AuthorRow | undefined {
  for (const library of ctx.catalog.libraries) {
    const row = ctx.catalog.people(library.id).authors.find((author) => author.id === id);
    if (row) return row;
  }
  return undefined;
}

function includeList(call: ApiCall): string[] {
  return (call.query.get('include') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The series' books the user may list: by sequence, unnumbered last. */
function seriesBooks(row: SeriesRow, user: UserRecord): CatalogItem[] {
  return row.entries
    .filter(({ entry }) => listable(user, entry))
    .map(({ entry, sequence }, index) => ({ entry, index, key: castFloat(sequence) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null)
        return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      return a.key - b.key || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** Series.toOldJSON with `progress` (the books and the finished ones) and `rssFeed` on request. */
function seriesWithIncludes(row: SeriesRow, books: CatalogItem[], user: UserRecord, include: string[]): Json {
  const json = seriesJson(row);
  if (include.includes('progress')) {
    const finished = books.filter(
      (entry) => user.progress.find((p) => p.mediaItemId === entry.item.mediaId)?.isFinished,
    );
    json.progress = {
      libraryItemIds: books.map((entry) => entry.item.id),
      libraryItemIdsFinished: finished.map((entry) => entry.item.id),
      isFinished: finished.length >= books.length,
    };
  }
  if (include.includes('rssfeed')) json.rssFeed = null;
  return json;
}

/** `GET /api/series/:id[?include=progress,rssfeed]`: 404 when unknown or none of its books is listable. */
export function getSeries(ctx: AbsContext, call: ApiCall): Reply {
  const row = findSeries(ctx, call.params[0] ?? '');
  if (!row) return sendStatus(404);
  const books = seriesBooks(row, call.user);
  if (books.length === 0) return sendStatus(404);
  return sendJson(200, seriesWithIncludes(row, books, call.user, includeList(call)));
}

/**
 * `GET /api/libraries/:id/series/:seriesId` (deprecated): the same after the library checks, for any
 * series id, with the include list lower-cased, and 200 even when no book is listable.
 */
export function getLibrarySeriesById(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const row = findSeries(ctx, call.params[1] ?? '');
  if (!row) return sendStatus(404);
  const include = includeList(call).map((v) => v.toLowerCase());
  return sendJson(200, seriesWithIncludes(row, seriesBooks(row, call.user), call.user, include));
}

/**
 * `GET /api/authors/:id[?include=items[,series]]`: `items` adds the author's books, newest first,
 * minified; with `series` too, their series each with its books in sequence order.
 */
export function getAuthor(ctx: AbsContext, call: ApiCall): Reply {
  const row = findAuthor(ctx, call.params[0] ?? '');
  if (!row) return sendStatus(404);
  const include = (call.query.get('include') ?? '').split(',');
  const json = authorOldJson(row);
  if (!include.includes('items')) return sendJson(200, json);
  const items = row.items
    .filter((entry) => listable(call.user, entry))
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.item.addedAt - a.entry.item.addedAt || a.index - b.index)
    .map(({ entry }) => entry);
  if (include.includes('series')) {
    const seriesMap = new Map<string, { id: string; name: string; items: Json[] }>();
    for (const entry of items) {
      for (const series of entry.item.series) {
        const withSeries = itemMinified(entry);
        const media = withSeries.media as { metadata: Json };
        media.metadata.series = {
          id: series.id,
          name: series.name,
          nameIgnorePrefix: titlePrefixAtEnd(series.name),
          sequence: series.sequence,
        };
        const group = seriesMap.get(series.id) ?? { id: series.id, name: series.name, items: [] };
        group.items.push(withSeries);
        seriesMap.set(series.id, group);
      }
    }
    const sequenceOf = (item: Json) =>
      String(((item.media as { metadata: Json }).metadata.series as { sequence: string | null }).sequence);
    json.series = [...seriesMap.values()].map((group) => ({
      ...group,
      items: group.items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => naturalOrder(sequenceOf(a.item), sequenceOf(b.item)) || a.index - b.index)
        .map(({ item }) => item),
    }));
  }
  json.libraryItems = items.map(itemMinified);
  return sendJson(200, json);
}
