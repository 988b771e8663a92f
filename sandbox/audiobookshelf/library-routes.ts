import type { AbsLibrary } from '../books/world.ts';
import type { Reply } from '../core/reply.ts';
import type { CatalogItem } from './catalog.ts';
import type { AbsContext, ApiCall } from './context.ts';
import { libraryFolderId } from './item-files.ts';
import { itemMinified } from './item-json.ts';
import { isLibraryRequest, resolveLibrary } from './library-access.ts';
import { libraryFilterData, libraryStats, libraryStatsDetail } from './library-include.ts';
import {
  matchesFilter,
  type ParsedFilter,
  parseFilter,
  type QueryContext,
  sortItems,
} from './library-query.ts';
import { titleIgnorePrefix } from './names.ts';
import { sendJson } from './replies.ts';
import type { ProgressRow, UserRecord } from './state.ts';
import { SERVER_VERSION } from './user-json.ts';

/** LibraryController: the library list, one library, and a library's items page. */

function librarySettings(library: AbsLibrary): Record<string, unknown> {
  if (library.mediaType === 'podcast') {
    return {
      coverAspectRatio: 1,
      disableWatcher: false,
      autoScanCronExpression: null,
      podcastSearchRegion: 'us',
      markAsFinishedPercentComplete: null,
      markAsFinishedTimeRemaining: 10,
    };
  }
  return {
    coverAspectRatio: 1,
    disableWatcher: false,
    autoScanCronExpression: null,
    skipMatchingMediaWithAsin: false,
    skipMatchingMediaWithIsbn: false,
    audiobooksOnly: false,
    epubsAllowScriptedContent: false,
    hideSingleBookSeries: false,
    onlyShowLaterBooksInContinueSeries: false,
    metadataPrecedence: ['folderStructure', 'audioMetatags', 'nfoFile', 'txtFiles', 'opfFile', 'absMetadata'],
    markAsFinishedPercentComplete: null,
    markAsFinishedTimeRemaining: 10,
  };
}

/** Library.toOldJSON. */
export function libraryJson(library: AbsLibrary): Record<string, unknown> {
  return {
    id: library.id,
    name: library.name,
    folders: [
      {
        id: libraryFolderId(library),
        fullPath: library.folderPath,
        libraryId: library.id,
        addedAt: library.createdAt,
      },
    ],
    displayOrder: library.displayOrder,
    icon: library.icon,
    mediaType: library.mediaType,
    provider: library.mediaType === 'podcast' ? 'itunes' : 'audible',
    settings: librarySettings(library),
    lastScan: library.createdAt + 60_000,
    lastScanVersion: SERVER_VERSION,
    createdAt: library.createdAt,
    lastUpdate: library.createdAt + 60_000,
  };
}

/** `req.query.include` split on commas, untrimmed, as findAll and findOne read it. */
function includes(call: ApiCall, option: string): boolean {
  return (call.query.get('include') ?? '').split(',').includes(option);
}

/**
 * `GET /api/libraries[?include=stats]`: only the libraries in the user's accessible list, when there
 * is one; `stats` adds each library's totals.
 */
export function getLibraries(ctx: AbsContext, call: ApiCall): Reply {
  const accessible = call.user.user.librariesAccessible;
  const libraries = accessible.length
    ? ctx.catalog.libraries.filter((l) => accessible.includes(l.id))
    : ctx.catalog.libraries;
  const withStats = includes(call, 'stats');
  return sendJson(200, {
    libraries: libraries.map((library) =>
      withStats
        ? { ...libraryJson(library), stats: libraryStats(ctx.catalog, library) }
        : libraryJson(library),
    ),
  });
}

/** `GET /api/libraries/:id[?include=filterdata]`: the library, or it wrapped with its filter data. */
export function getLibrary(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const { library } = resolved;
  if (!includes(call, 'filterdata')) return sendJson(200, libraryJson(library));
  const filterdata = libraryFilterData(ctx.catalog, library, ctx.env.clock.now());
  return sendJson(200, {
    filterdata,
    issues: filterdata.numIssues,
    // The generated world has no playlists.
    numUserPlaylists: 0,
    library: libraryJson(library),
  });
}

/** `GET /api/libraries/:id/filterdata`: what the library's filter menus offer. */
export function getLibraryFilterData(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  return sendJson(200, libraryFilterData(ctx.catalog, resolved.library, ctx.env.clock.now()));
}

/** `GET /api/libraries/:id/stats`: the library's stats page. */
export function getLibraryStats(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  return sendJson(200, libraryStatsDetail(ctx.catalog, resolved.library));
}

function userCanSee(ctx: AbsContext, user: UserRecord, entry: CatalogItem): boolean {
  return ctx.state.canAccessItem(user, entry);
}

interface Collapsed {
  shown: CatalogItem[];
  series: Map<string, Record<string, unknown>>;
}

/** `collapseseries=1`: one item (the lowest sequence) stands for each series. */
function collapseSeries(entries: readonly CatalogItem[], allInLibrary: readonly CatalogItem[]): Collapsed {
  const firstOf = new Map<string, CatalogItem>();
  const members = new Map<string, CatalogItem[]>();
  const seq = (entry: CatalogItem) =>
    Number.parseFloat(entry.item.series[0]?.sequence ?? '') || Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const series = entry.item.series[0];
    if (!series) continue;
    members.set(series.id, [...(members.get(series.id) ?? []), entry]);
    const current = firstOf.get(series.id);
    if (!current || seq(entry) < seq(current)) firstOf.set(series.id, entry);
  }
  const series = new Map<string, Record<string, unknown>>();
  for (const [id, entry] of firstOf) {
    const s = entry.item.series[0];
    if (!s) continue;
    series.set(entry.item.id, {
      id,
      name: s.name,
      nameIgnorePrefix: titleIgnorePrefix(s.name),
      sequence: s.sequence,
      numBooks: allInLibrary.filter((e) => e.item.series.some((x) => x.id === id)).length,
      libraryItemIds: (members.get(id) ?? []).map((e) => e.item.id),
    });
  }
  const shown = entries.filter((entry) => {
    const s = entry.item.series[0];
    return !s || firstOf.get(s.id) === entry;
  });
  return { shown, series };
}

function pageItem(
  entry: CatalogItem,
  filter: ParsedFilter,
  collapsed: Collapsed | undefined,
): Record<string, unknown> {
  const json = itemMinified(entry);
  const collapsedSeries = collapsed?.series.get(entry.item.id);
  if (collapsedSeries) json.collapsedSeries = collapsedSeries;
  if (filter.group === 'series') {
    const series = entry.item.series.find((s) => s.id === filter.value);
    const media = json.media as { metadata: Record<string, unknown> };
    if (series) media.metadata.series = { id: series.id, name: series.name, sequence: series.sequence };
  }
  return json;
}

/** `GET /api/libraries/:id/items`: the page envelope with minified items, whatever `minified` says. */
export function getLibraryItems(ctx: AbsContext, call: ApiCall): Reply {
  const resolved = resolveLibrary(ctx, call);
  if (!isLibraryRequest(resolved)) return resolved;
  const { library } = resolved;
  const q = call.query;
  const limit = resolved.limit ?? 0;
  const page = resolved.page ?? 0;
  const include = (q.get('include') ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  const sortBy = q.get('sort');
  const sortDesc = q.get('desc') === '1';
  const filterBy = q.get('filter');
  const filter = parseFilter(filterBy);
  const collapse =
    q.get('collapseseries') === '1' && filter.group !== 'series' && library.mediaType === 'book';

  const progress = new Map<string, ProgressRow>();
  for (const row of call.user.progress) if (row.mediaItemType === 'book') progress.set(row.mediaItemId, row);
  const queryCtx: QueryContext = { progress, now: ctx.env.clock.now(), mediaType: library.mediaType };
  const all = ctx.catalog.itemsIn(library.id);
  const visible = all.filter(
    (entry) => userCanSee(ctx, call.user, entry) && matchesFilter(filter, entry, queryCtx),
  );
  const collapsed = collapse ? collapseSeries(visible, all) : undefined;
  if (collapsed) {
    queryCtx.displayTitle = (entry) => String(collapsed.series.get(entry.item.id)?.name ?? entry.item.title);
  }
  const sorted = sortItems(collapsed?.shown ?? visible, sortBy, sortDesc, filter, queryCtx, ctx.random);
  const offset = page * limit;
  const slice = sorted.slice(offset, limit ? offset + limit : undefined);

  const payload: Record<string, unknown> = {
    results: slice.map((entry) => pageItem(entry, filter, collapsed)),
    total: sorted.length,
    limit,
    page,
    sortBy: sortBy ?? undefined,
    sortDesc,
    filterBy: filterBy ?? undefined,
    mediaType: library.mediaType,
    minified: q.get('minified') === '1',
    collapseseries: q.get('collapseseries') === '1',
    include: include.join(','),
    offset,
  };
  return sendJson(200, payload);
}
