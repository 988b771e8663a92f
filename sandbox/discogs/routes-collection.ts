import { json, type Reply } from '../core/reply.ts';
import type { DiscogsCollectionItem, DiscogsFolder } from '../records/world.ts';
import { access, isReply } from './access.ts';
import { collectionItemJson } from './bodies.ts';
import { parseSort, sortItems } from './collection-sort.ts';
import { convertFromUsd } from './currency.ts';
import { MESSAGES, notFound } from './errors.ts';
import { paginate } from './pagination.ts';
import { estimatedPrice } from './release-body.ts';
import { idParam, type Route, type RouteContext, route } from './router.ts';
import type { DiscogsStore, UserShelf } from './store.ts';

/** Sorted listings are reused until the next write, so paging through a big collection stays cheap. */
class SortedListings {
  private version = -1;
  private readonly entries = new Map<string, DiscogsCollectionItem[]>();

  get(store: DiscogsStore, key: string, compute: () => DiscogsCollectionItem[]): DiscogsCollectionItem[] {
    if (store.version !== this.version) {
      this.entries.clear();
      this.version = store.version;
    }
    let items = this.entries.get(key);
    if (!items) {
      items = compute();
      this.entries.set(key, items);
    }
    return items;
  }
}

export function folderJson(folder: DiscogsFolder, count: number, shelf: UserShelf, origin: string) {
  return {
    count,
    id: folder.id,
    name: folder.name,
    resource_url: `${origin}/users/${shelf.user.username}/collection/folders/${folder.id}`,
  };
}

function allFolder(shelf: UserShelf, origin: string) {
  return folderJson({ id: 0, name: 'All' }, shelf.instances.length, shelf, origin);
}

export function countIn(shelf: UserShelf, folderId: number): number {
  return shelf.instances.reduce((n, item) => n + (item.folderId === folderId ? 1 : 0), 0);
}

function publicFields(shelf: UserShelf, isOwner: boolean): ReadonlySet<number> | undefined {
  return isOwner ? undefined : new Set(shelf.fields.filter((field) => field.public).map((field) => field.id));
}

function itemsPage(
  ctx: RouteContext,
  shelf: UserShelf,
  isOwner: boolean,
  items: readonly DiscogsCollectionItem[],
): Reply {
  const page = paginate(items, ctx.request.url, ctx.origin);
  const visible = publicFields(shelf, isOwner);
  const releases = page.items.flatMap((item) => {
    const release = ctx.store.releases.get(item.releaseId);
    return release ? [collectionItemJson(item, release, ctx.origin, visible)] : [];
  });
  return json(200, { pagination: page.pagination, releases }, page.link ? { link: page.link } : {});
}

/** "$250.00", "£2.50", "€71.20": an amount in US dollars, converted and written in `currency`. */
function formatMoney(usd: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(convertFromUsd(usd, currency));
}

export function collectionReadRoutes(): Route[] {
  const listings = new SortedListings();
  return [
    route('GET', '/users/:username/collection/folders', (ctx) => {
      const a = access(ctx, 'collection');
      if (isReply(a)) return a;
      const folders = [allFolder(a.shelf, ctx.origin)];
      if (a.isOwner) {
        for (const folder of a.shelf.folders)
          folders.push(folderJson(folder, countIn(a.shelf, folder.id), a.shelf, ctx.origin));
      }
      return json(200, { folders });
    }),
    route('GET', '/users/:username/collection/folders/:folder_id', (ctx) => {
      const folderId = idParam(ctx, 'folder_id');
      if (folderId === undefined) return notFound();
      const a = access(ctx, folderId === 0 ? 'collection' : 'owner');
      if (isReply(a)) return a;
      if (folderId === 0) return json(200, allFolder(a.shelf, ctx.origin));
      const folder = a.shelf.folders.find((f) => f.id === folderId);
      return folder
        ? json(200, folderJson(folder, countIn(a.shelf, folderId), a.shelf, ctx.origin))
        : notFound(MESSAGES.folderNotFound);
    }),
    route('GET', '/users/:username/collection/folders/:folder_id/releases', (ctx) => {
      const folderId = idParam(ctx, 'folder_id');
      if (folderId === undefined) return notFound();
      const a = access(ctx, folderId === 0 ? 'collection' : 'owner');
      if (isReply(a)) return a;
      const { shelf, isOwner } = a;
      if (folderId !== 0 && !shelf.folders.some((f) => f.id === folderId))
        return notFound(MESSAGES.folderNotFound);
      const { key, descending } = parseSort(ctx.request.url);
      const items = listings.get(ctx.store, `${shelf.user.id}|${folderId}|${key}|${descending}`, () =>
        sortItems(
          folderId === 0 ? shelf.instances : shelf.instances.filter((item) => item.folderId === folderId),
          ctx.store.releases,
          key,
          descending,
        ),
      );
      return itemsPage(ctx, shelf, isOwner, items);
    }),
    route('GET', '/users/:username/collection/releases/:release_id', (ctx) => {
      const releaseId = idParam(ctx, 'release_id');
      const a = access(ctx, 'collection');
      if (isReply(a)) return a;
      // A release the database lacks simply has no instances (live API, 2026: 200 and an empty page).
      if (releaseId === undefined) return notFound();
      return itemsPage(
        ctx,
        a.shelf,
        a.isOwner,
        a.shelf.instances.filter((item) => item.releaseId === releaseId),
      );
    }),
    route('GET', '/users/:username/collection/fields', (ctx) => {
      const a = access(ctx, 'collection');
      if (isReply(a)) return a;
      const fields = a.shelf.fields
        .filter((field) => a.isOwner || field.public)
        .map((field) => ({
          id: field.id,
          name: field.name,
          ...(field.options ? { options: [...field.options] } : {}),
          ...(field.lines !== undefined ? { lines: field.lines } : {}),
          position: field.position,
          public: field.public,
          type: field.type,
        }));
      return json(200, { fields });
    }),
    route('GET', '/users/:username/collection/value', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      // The value of the whole collection at low, median and high marketplace prices.
      const median = a.shelf.instances.reduce((sum, item) => {
        const release = ctx.store.releases.get(item.releaseId);
        return sum + (release ? estimatedPrice(release) : 0);
      }, 0);
      // In the owner's own currency, as live (and the fixture users/example/collection/value.json, in £).
      const currency = a.shelf.profile.currAbbr;
      return json(200, {
        maximum: formatMoney(median * 1.6, currency),
        median: formatMoney(median, currency),
        minimum: formatMoney(median * 0.55, currency),
      });
    }),
  ];
}
