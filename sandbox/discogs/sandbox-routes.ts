import { json, type Reply } from '../core/reply.ts';
import type { StandInRequest } from '../core/stand-in.ts';
import { discogsTimestamp } from '../records/dates.ts';
import type { MovingWindowLimiter } from './rate-limit.ts';
import type { DiscogsStore, UserShelf } from './store.ts';
import { intParam, writeParams } from './write-params.ts';

/**
 * Test helpers outside the vendor API (no auth, no rate limit, not in the stats), for simulating what
 * the user does on discogs.com between two syncs:
 *   GET    /__sandbox/collection                       the owner's instances
 *   POST   /__sandbox/collection?release_id=&folder_id= add an instance (201 {instance_id})
 *   DELETE /__sandbox/collection/<instance_id>         remove an instance
 *   POST   /__sandbox/wants?release_id=                add to the wantlist
 *   DELETE /__sandbox/wants/<release_id>               remove from the wantlist
 *   POST   /__sandbox/rate-limit/reset                 forget every client's rate window
 */
export function discogsSandboxRoute(
  request: StandInRequest,
  store: DiscogsStore,
  owner: UserShelf,
  limiter: MovingWindowLimiter,
  now: () => number,
): Reply | undefined {
  const path = request.url.pathname;
  const { method } = request;
  const params = writeParams(request) ?? new Map<string, string>();
  const releaseId = intParam(params, 'release_id', 1, Number.MAX_SAFE_INTEGER);

  if (path === '/__sandbox/collection' && method === 'GET') {
    return json(200, {
      username: owner.user.username,
      instances: owner.instances.map((item) => ({
        instance_id: item.instanceId,
        release_id: item.releaseId,
        folder_id: item.folderId,
      })),
    });
  }
  if (path === '/__sandbox/collection' && method === 'POST') {
    if (!releaseId || !store.releases.has(releaseId)) return json(404, { error: 'unknown release_id' });
    const folderId = intParam(params, 'folder_id', 1, Number.MAX_SAFE_INTEGER) ?? 1;
    if (!owner.folders.some((folder) => folder.id === folderId))
      return json(404, { error: 'unknown folder_id' });
    const item = store.addInstance(owner, releaseId, folderId, discogsTimestamp(now()));
    return json(201, { instance_id: item.instanceId });
  }
  const instance = /^\/__sandbox\/collection\/(\d+)$/.exec(path);
  if (instance && method === 'DELETE') {
    return store.removeInstance(owner, Number(instance[1]))
      ? json(200, { removed: true })
      : json(404, { error: 'unknown instance' });
  }
  if (path === '/__sandbox/wants' && method === 'POST') {
    if (!releaseId || !store.releases.has(releaseId)) return json(404, { error: 'unknown release_id' });
    owner.wants.set(releaseId, { releaseId, rating: 0, notes: '', dateAdded: discogsTimestamp(now()) });
    store.touched();
    return json(201, { release_id: releaseId });
  }
  const want = /^\/__sandbox\/wants\/(\d+)$/.exec(path);
  if (want && method === 'DELETE') {
    const removed = owner.wants.delete(Number(want[1]));
    store.touched();
    return removed ? json(200, { removed: true }) : json(404, { error: 'not on the wantlist' });
  }
  if (path === '/__sandbox/rate-limit/reset' && method === 'POST') {
    limiter.reset();
    return json(200, { ok: true });
  }
  return undefined;
}
