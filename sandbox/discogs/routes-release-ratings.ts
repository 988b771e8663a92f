import { empty, json } from '../core/reply.ts';
import type { DiscogsRelease } from '../records/world.ts';
import { access, isReply } from './access.ts';
import { MESSAGES, notFound, unprocessable } from './errors.ts';
import { communityRating } from './release-body.ts';
import { idParam, type Route, type RouteContext, route } from './router.ts';
import { intParam, writeParams } from './write-params.ts';

function releaseOf(ctx: RouteContext): DiscogsRelease | undefined {
  const id = idParam(ctx, 'release_id');
  return id === undefined ? undefined : ctx.store.releases.get(id);
}

/**
 * "Release Rating By User", "Community Release Rating" and "Release Stats" (developer docs, Database).
 * Anyone may read a rating; only the user may set (1 to 5) or delete their own.
 */
export function releaseRatingRoutes(): Route[] {
  const byUser = '/releases/:release_id/rating/:username';
  return [
    route('GET', '/releases/:release_id/rating', (ctx) => {
      const release = releaseOf(ctx);
      if (!release) return notFound(MESSAGES.releaseGone);
      return json(200, { rating: communityRating(release), release_id: release.id });
    }),
    route('GET', '/releases/:release_id/stats', (ctx) => {
      const release = releaseOf(ctx);
      if (!release) return notFound(MESSAGES.releaseGone);
      return json(200, { num_have: release.have, num_want: release.want });
    }),
    route('GET', byUser, (ctx) => {
      const a = access(ctx, 'public');
      if (isReply(a)) return a;
      const release = releaseOf(ctx);
      if (!release) return notFound(MESSAGES.releaseGone);
      const rating = a.shelf.releaseRatings.get(release.id) ?? 0;
      return json(200, { username: a.shelf.user.username, release_id: release.id, rating });
    }),
    route('PUT', byUser, (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const release = releaseOf(ctx);
      if (!release) return notFound(MESSAGES.releaseGone);
      const params = writeParams(ctx.request);
      if (!params) return unprocessable('The request body is not valid JSON.');
      const rating = intParam(params, 'rating', 1, 5);
      if (rating === undefined || rating === null)
        return unprocessable('Rating must be a number from 1 to 5.');
      a.shelf.releaseRatings.set(release.id, rating);
      ctx.store.touched();
      return json(200, { username: a.shelf.user.username, release_id: release.id, rating });
    }),
    route('DELETE', byUser, (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const release = releaseOf(ctx);
      if (!release) return notFound(MESSAGES.releaseGone);
      if (a.shelf.releaseRatings.delete(release.id)) ctx.store.touched();
      return empty(204);
    }),
  ];
}
