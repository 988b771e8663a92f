import type { Reply } from '../core/reply.ts';
import type { CatalogItem } from './catalog.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { episodeExpanded, itemExpanded, itemOld } from './item-json.ts';
import { isLibraryRequest, resolveLibrary } from './library-access.ts';
import { authorJson, seriesJson } from './people-json.ts';
import { sendJson, sendText } from './replies.ts';

/**
 * `GET /api/libraries/:id/search?q=&limit=12` (libraryItemsBookFilters / libraryItemsPodcastFilters
 * .search): every group is capped at `limit`; text matches are case-insensitive substring matches.
 */

type Json = Record<string, unknown>;

function matcher(query: string): (text: string | null | undefined) => boolean {
  const wanted = query.toLowerCase();
  return (text) => typeof text === 'string' && text.toLowerCase().includes(wanted);
}

/** `SELECT value, count(*) ... GROUP BY value` over a JSON array column of the library's items. */
function countValues(
  entries: readonly CatalogItem[],
  pick: (entry: CatalogItem) => readonly string[],
  matches: (text: string) => boolean,
): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const value of pick(entry)) if (matches(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, count]) => ({ name, count }));
}

/** The tag and genre groups: most used first. */
function byUse(values: { name: string; count: number }[], limit: number): Json[] {
  return [...values]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map(({ name, count }) => ({ name, numItems: count }));
}

function bookSearch(ctx: AbsContext, call: ApiCall, libraryId: string, query: string, limit: number): Json {
  const matches = matcher(query);
  const all = ctx.catalog.itemsIn(libraryId);
  const canSee = (entry: CatalogItem) => ctx.state.canAccessItem(call.user, entry);
  const book = all
    .filter((entry) => canSee(entry))
    .filter(
      ({ item }) => matches(item.title) || matches(item.subtitle) || matches(item.asin) || matches(item.isbn),
    )
    .slice(0, limit)
    .map((entry) => ({ libraryItem: itemExpanded(entry) }));
  const narrators = countValues(all, (e) => e.item.narrators, matches)
    .slice(0, limit)
    .map(({ name, count }) => ({ name, numBooks: count }));
  const people = ctx.catalog.people(libraryId);
  const series = people.series
    .filter((row) => matches(row.name))
    .slice(0, limit)
    .map((row) => {
      const books = row.entries
        .filter(({ entry }) => canSee(entry))
        .map(({ entry }) => {
          // The series search loads each book without its authors or series.
          const json = itemOld(entry);
          const media = json.media as { metadata: Json };
          media.metadata.authors = [];
          media.metadata.series = [];
          return json;
        });
      return { series: seriesJson(row), books };
    })
    .filter((match) => match.books.length > 0);
  const authors = people.authors
    .filter((row) => matches(row.name))
    .slice(0, limit)
    .map((row) => authorJson(row, row.items.length));
  return {
    book,
    narrators,
    tags: byUse(
      countValues(all, (e) => e.item.tags, matches),
      limit,
    ),
    genres: byUse(
      countValues(all, (e) => e.item.genres, matches),
      limit,
    ),
    series,
    authors,
  };
}

function podcastSearch(
  ctx: AbsContext,
  call: ApiCall,
  libraryId: string,
  query: string,
  limit: number,
): Json {
  const matches = matcher(query);
  const all = ctx.catalog.itemsIn(libraryId);
  const visible = all.filter((entry) => ctx.state.canAccessItem(call.user, entry));
  const withoutEpisodes = (entry: CatalogItem) => {
    const json = itemExpanded(entry);
    (json.media as Json).episodes = [];
    return json;
  };
  const podcast = visible
    .filter(({ item }) => matches(item.title) || matches(item.authors[0]?.name))
    .slice(0, limit)
    .map((entry) => ({ libraryItem: withoutEpisodes(entry) }));
  const episodes: Json[] = [];
  for (const entry of visible) {
    entry.item.episodes.forEach((episode, index) => {
      if (!matches(episode.title)) return;
      episodes.push({
        libraryItem: { ...withoutEpisodes(entry), recentEpisode: episodeExpanded(entry, episode, index) },
      });
    });
  }
  return {
    podcast,
    tags: byUse(
      countValues(all, (e) => e.item.tags, matches),
      limit,
    ),
    genres: byUse(
      countValues(all, (e) => e.item.genres, matches),
      limit,
    ),
    episodes: episodes.slice(0, limit),
  };
}

export function searchLibrary(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const q = call.query.get('q');
  if (!q) return sendText(400, 'Invalid request. Query param "q" must be a string');
  const limit = resolved.limit || 12;
  const query = q.trim();
  const { library } = resolved;
  const result =
    library.mediaType === 'podcast'
      ? podcastSearch(ctx, call, library.id, query, limit)
      : bookSearch(ctx, call, library.id, query, limit);
  return sendJson(200, result);
}
