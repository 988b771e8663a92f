import { empty, json, type Reply } from '../core/reply.ts';
import { discogsTimestamp } from '../records/dates.ts';
import type { DiscogsCollectionItem, DiscogsRelease } from '../records/world.ts';
import { type Access, access, isReply } from './access.ts';
import { collectionItemJson } from './bodies.ts';
import { MESSAGES, notFound, unprocessable } from './errors.ts';
import { idParam, type Route, type RouteContext, route } from './router.ts';
import { countIn, folderJson } from './routes-collection.ts';
import { intParam, writeParams } from './write-params.ts';

const INSTANCE = '/users/:username/collection/folders/:folder_id/releases/:release_id/instances/:instance_id';

/** The instance named by the path: it must be that release's, in that folder (or folder 0, "All"). */
function findInstance(ctx: RouteContext, a: Access): DiscogsCollectionItem | Reply {
  const folderId = idParam(ctx, 'folder_id');
  const releaseId = idParam(ctx, 'release_id');
  const instanceId = idParam(ctx, 'instance_id');
  const item = a.shelf.instances.find(
    (candidate) =>
      candidate.instanceId === instanceId &&
      candidate.releaseId === releaseId &&
      (folderId === 0 || candidate.folderId === folderId),
  );
  return item ?? notFound(MESSAGES.instanceNotFound);
}

export function collectionWriteRoutes(): Route[] {
  return [
    route('POST', '/users/:username/collection/folders', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const params = writeParams(ctx.request);
      if (!params) return unprocessable('The request body is not valid JSON.');
      const folder = ctx.store.addFolder(a.shelf, params.get('name') ?? 'New Folder');
      return json(201, folderJson(folder, 0, a.shelf, ctx.origin));
    }),
    // Folders 0 ("All") and 1 ("Uncategorized") can be neither renamed nor deleted (developer docs).
    route('POST', '/users/:username/collection/folders/:folder_id', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const folderId = idParam(ctx, 'folder_id');
      const folder = a.shelf.folders.find((candidate) => candidate.id === folderId);
      if (folderId === 0 || folderId === 1) return unprocessable('Folders 0 and 1 cannot be renamed.');
      if (!folder) return notFound(MESSAGES.folderNotFound);
      const params = writeParams(ctx.request);
      if (!params) return unprocessable('The request body is not valid JSON.');
      const name = params.get('name')?.trim();
      if (name) folder.name = name;
      ctx.store.touched();
      return json(200, folderJson(folder, countIn(a.shelf, folder.id), a.shelf, ctx.origin));
    }),
    route('DELETE', '/users/:username/collection/folders/:folder_id', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const folderId = idParam(ctx, 'folder_id');
      if (folderId === 0 || folderId === 1) return unprocessable('Folders 0 and 1 cannot be deleted.');
      const index = a.shelf.folders.findIndex((candidate) => candidate.id === folderId);
      if (index < 0) return notFound(MESSAGES.folderNotFound);
      if (countIn(a.shelf, folderId ?? -1) > 0)
        return unprocessable('A folder must be empty before it can be deleted.');
      a.shelf.folders.splice(index, 1);
      ctx.store.touched();
      return empty(204);
    }),
    route('POST', '/users/:username/collection/folders/:folder_id/releases/:release_id', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const folderId = idParam(ctx, 'folder_id');
      const releaseId = idParam(ctx, 'release_id');
      // Folder 0 ("All") cannot hold releases; use 1 for "Uncategorized". The folder is checked
      // before the release, as api.discogs.com does.
      if (folderId === 0) return unprocessable('Releases cannot be added to the "All" folder.');
      if (!a.shelf.folders.some((folder) => folder.id === folderId)) return notFound(MESSAGES.folderNotFound);
      if (!releaseId || !ctx.store.releases.has(releaseId)) return notFound(MESSAGES.releaseNotFound);
      const item = ctx.store.addInstance(a.shelf, releaseId, folderId ?? 1, discogsTimestamp(ctx.now()));
      const release = ctx.store.releases.get(releaseId) as DiscogsRelease;
      // The docs' body is instance_id and resource_url; the live API (2026) sends the whole new item too.
      return json(201, {
        ...collectionItemJson(item, release, ctx.origin, undefined),
        instance_id: item.instanceId,
        resource_url: `${ctx.origin}/users/${a.shelf.user.username}/collection/folders/${folderId}/release/${releaseId}/instance/${item.instanceId}`,
      });
    }),
    route('POST', INSTANCE, (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const item = findInstance(ctx, a);
      if ('status' in item) return item;
      const params = writeParams(ctx.request);
      if (!params) return unprocessable('The request body is not valid JSON.');
      const rating = intParam(params, 'rating', 0, 5);
      const target = intParam(params, 'folder_id', 1, Number.MAX_SAFE_INTEGER);
      if (rating === null) return unprocessable('Rating must be a number from 0 to 5.');
      if (
        target === null ||
        (target !== undefined && !a.shelf.folders.some((folder) => folder.id === target))
      ) {
        return unprocessable(MESSAGES.targetFolderNotFound);
      }
      if (rating !== undefined) item.rating = rating;
      if (target !== undefined) item.folderId = target;
      ctx.store.touched();
      return empty(204);
    }),
    route('DELETE', INSTANCE, (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const item = findInstance(ctx, a);
      if ('status' in item) return item;
      ctx.store.removeInstance(a.shelf, item.instanceId);
      return empty(204);
    }),
    route('POST', `${INSTANCE}/fields/:field_id`, (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const item = findInstance(ctx, a);
      if ('status' in item) return item;
      const field = a.shelf.fields.find((candidate) => candidate.id === idParam(ctx, 'field_id'));
      if (!field) return notFound();
      const params = writeParams(ctx.request);
      const value = params?.get('value');
      if (value === undefined) return unprocessable('A value is required.');
      if (field.type === 'dropdown' && !field.options?.includes(value)) {
        return unprocessable(`"${value}" is not one of the options of field ${field.id}.`);
      }
      item.notes = [
        ...item.notes.filter((note) => note.field_id !== field.id),
        ...(value ? [{ field_id: field.id, value }] : []),
      ];
      ctx.store.touched();
      return empty(204);
    }),
  ];
}
