import { json } from '../core/reply.ts';
import { access, isReply } from './access.ts';
import { unauthenticated } from './errors.ts';
import { type Route, route } from './router.ts';

export function userRoutes(): Route[] {
  return [
    route('GET', '/oauth/identity', (ctx) => {
      if (ctx.caller.kind !== 'user') return unauthenticated();
      const { user } = ctx.caller;
      return json(200, {
        consumer_name: 'Personal Access Token',
        id: user.id,
        resource_url: `${ctx.origin}/users/${user.username}`,
        username: user.username,
      });
    }),
    route('GET', '/users/:username', (ctx) => {
      const a = access(ctx, 'public');
      if (isReply(a)) return a;
      const { user, instances, wants } = a.shelf;
      const base = `${ctx.origin}/users/${user.username}`;
      const rated = instances.filter((item) => item.rating > 0);
      const ratingAvg =
        rated.length === 0 ? 0 : rated.reduce((sum, item) => sum + item.rating, 0) / rated.length;
      // Counts are shown to the owner, or to anyone when the collection / wantlist is public.
      const showCollection = a.isOwner || user.collectionPublic;
      const showWantlist = a.isOwner || (user.wantlistPublic ?? user.collectionPublic);
      return json(200, {
        avatar_url: `https://i.discogs.com/sandbox/avatar/${user.id}.jpeg`,
        banner_url: '',
        buyer_num_ratings: 0,
        buyer_rating: 0,
        buyer_rating_stars: 0,
        collection_fields_url: `${base}/collection/fields`,
        collection_folders_url: `${base}/collection/folders`,
        curr_abbr: 'USD',
        ...(a.isOwner && user.email ? { email: user.email } : {}),
        home_page: '',
        id: user.id,
        inventory_url: `${base}/inventory`,
        location: user.location,
        name: user.name,
        ...(showCollection ? { num_collection: instances.length } : {}),
        num_for_sale: 0,
        num_lists: 0,
        num_pending: 0,
        ...(showWantlist ? { num_wantlist: wants.size } : {}),
        profile: '',
        rank: 0,
        rating_avg: Math.round(ratingAvg * 100) / 100,
        registered: user.registered,
        releases_contributed: 0,
        releases_rated: rated.length,
        resource_url: base,
        seller_num_ratings: 0,
        seller_rating: 0,
        seller_rating_stars: 0,
        uri: `https://www.discogs.com/user/${user.username}`,
        username: user.username,
        wantlist_url: `${base}/wants`,
      });
    }),
  ];
}
