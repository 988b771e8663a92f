import { empty, json } from '../core/reply.ts';
import { discogsTimestamp } from '../records/dates.ts';
import { access, isReply } from './access.ts';
import { wantJson } from './bodies.ts';
import { MESSAGES, notFound, unprocessable } from './errors.ts';
import { paginate } from './pagination.ts';
import { idParam, type Route, route } from './router.ts';
import { intParam, writeParams } from './write-params.ts';

export function wantlistRoutes(): Route[] {
  return [
    route('GET', '/users/:username/wants', (ctx) => {
      const a = access(ctx, 'wantlist');
      if (isReply(a)) return a;
      const page = paginate([...a.shelf.wants.values()], ctx.request.url, ctx.origin);
      const wants = page.items.flatMap((want) => {
        const release = ctx.store.releases.get(want.releaseId);
        return release ? [wantJson(want, release, a.shelf.user.username, ctx.origin, a.isOwner)] : [];
      });
      return json(200, { pagination: page.pagination, wants }, page.link ? { link: page.link } : {});
    }),
    ...(['PUT', 'POST'] as const).map((method) =>
      route(method, '/users/:username/wants/:release_id', (ctx) => {
        const a = access(ctx, 'owner');
        if (isReply(a)) return a;
        const releaseId = idParam(ctx, 'release_id');
        const release = releaseId ? ctx.store.releases.get(releaseId) : undefined;
        // Live API (2026): an unknown release, or editing one not on the wantlist, gets this text.
        if (!release) return notFound(MESSAGES.notInWantlist);
        const params = writeParams(ctx.request);
        if (!params) return unprocessable('The request body is not valid JSON.');
        const rating = intParam(params, 'rating', 0, 5);
        if (rating === null) return unprocessable('Rating must be a number from 0 to 5.');
        const existing = a.shelf.wants.get(release.id);
        // PUT adds (201); POST edits a release already on the wantlist (200).
        if (method === 'POST' && !existing) return notFound(MESSAGES.notInWantlist);
        const want = existing ?? {
          releaseId: release.id,
          rating: 0,
          notes: '',
          dateAdded: discogsTimestamp(ctx.now()),
        };
        if (rating !== undefined) want.rating = rating;
        const notes = params.get('notes');
        if (notes !== undefined) want.notes = notes;
        // python discogs_client sends `notes_public` (a JSON boolean) with its wantlist writes.
        const notesPublic = params.get('notes_public')?.toLowerCase();
        if (notesPublic === 'true' || notesPublic === '1') want.notesPublic = true;
        if (notesPublic === 'false' || notesPublic === '0') want.notesPublic = false;
        a.shelf.wants.set(release.id, want);
        ctx.store.touched();
        return json(
          method === 'PUT' ? 201 : 200,
          wantJson(want, release, a.shelf.user.username, ctx.origin, true),
        );
      }),
    ),
    route('DELETE', '/users/:username/wants/:release_id', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      // Idempotent: the live API answers 204 for a release that is not on the wantlist, or not at all.
      const releaseId = idParam(ctx, 'release_id');
      if (releaseId !== undefined && a.shelf.wants.delete(releaseId)) ctx.store.touched();
      return empty(204);
    }),
  ];
}
