import { json } from '../core/reply.ts';
import { access, isReply } from './access.ts';
import { isCurrency } from './currency.ts';
import { notFound, unauthenticated, unprocessable } from './errors.ts';
import { paginate } from './pagination.ts';
import { type Route, type RouteContext, route } from './router.ts';
import type { UserShelf } from './store.ts';
import { writeParams } from './write-params.ts';

/**
 * `GET /users/{username}`: the docs' keys, plus the account flags live profiles carry. Counts are shown
 * to the owner, or to anyone when the collection / wantlist is public; `email` and `num_unread` to the
 * owner only.
 */
function profileJson(ctx: RouteContext, shelf: UserShelf, isOwner: boolean) {
  const { user, instances, wants, profile } = shelf;
  const base = `${ctx.origin}/users/${user.username}`;
  const rated = instances.filter((item) => item.rating > 0);
  const ratingAvg = rated.length === 0 ? 0 : rated.reduce((sum, item) => sum + item.rating, 0) / rated.length;
  const showCollection = isOwner || user.collectionPublic;
  const showWantlist = isOwner || (user.wantlistPublic ?? user.collectionPublic);
  return {
    activated: true,
    avatar_url: `https://i.discogs.com/sandbox/avatar/${user.id}.jpeg`,
    banner_url: '',
    buyer_num_ratings: 0,
    buyer_rating: 0,
    buyer_rating_stars: 0,
    collection_fields_url: `${base}/collection/fields`,
    collection_folders_url: `${base}/collection/folders`,
    curr_abbr: profile.currAbbr,
    ...(isOwner && user.email ? { email: user.email } : {}),
    home_page: profile.homePage,
    id: user.id,
    inventory_url: `${base}/inventory`,
    is_staff: false,
    location: profile.location,
    marketplace_suspended: false,
    name: profile.name,
    ...(showCollection ? { num_collection: instances.length } : {}),
    num_for_sale: 0,
    num_lists: 0,
    num_pending: 0,
    ...(isOwner ? { num_unread: 0 } : {}),
    ...(showWantlist ? { num_wantlist: wants.size } : {}),
    profile: profile.profile,
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
  };
}

export function userRoutes(): Route[] {
  return [
    route('GET', '/oauth/identity', (ctx) => {
      if (ctx.caller.kind !== 'user') return unauthenticated();
      const { user } = ctx.caller;
      return json(200, {
        // A personal token's "application" is named after its user (live API, 2026).
        consumer_name: user.username,
        id: user.id,
        resource_url: `${ctx.origin}/users/${user.username}`,
        username: user.username,
      });
    }),
    route('GET', '/users/:username', (ctx) => {
      const a = access(ctx, 'public');
      return isReply(a) ? a : json(200, profileJson(ctx, a.shelf, a.isOwner));
    }),
    // "User Submissions" and "User Contributions": sandbox users have edited and submitted nothing.
    route('GET', '/users/:username/submissions', (ctx) => {
      const a = access(ctx, 'public');
      if (isReply(a)) return a;
      const page = paginate([], ctx.request.url, ctx.origin);
      return json(200, {
        pagination: page.pagination,
        submissions: { artists: [], labels: [], releases: [] },
      });
    }),
    route('GET', '/users/:username/contributions', (ctx) => {
      const a = access(ctx, 'public');
      if (isReply(a)) return a;
      return json(200, {
        pagination: paginate([], ctx.request.url, ctx.origin).pagination,
        contributions: [],
      });
    }),
    // Edit Profile: name, home_page, location, profile (an empty value clears it) and curr_abbr (one of
    // the docs' currencies; empty leaves it as it is). The live API answers an unknown currency with 404.
    route('POST', '/users/:username', (ctx) => {
      const a = access(ctx, 'owner');
      if (isReply(a)) return a;
      const params = writeParams(ctx.request);
      if (!params) return unprocessable('The request body is not valid JSON.');
      const currency = params.get('curr_abbr')?.trim().toUpperCase();
      if (currency && !isCurrency(currency)) return notFound('Invalid currency abbreviation.');
      const { profile } = a.shelf;
      profile.name = params.get('name') ?? profile.name;
      profile.homePage = params.get('home_page') ?? profile.homePage;
      profile.location = params.get('location') ?? profile.location;
      profile.profile = params.get('profile') ?? profile.profile;
      if (currency) profile.currAbbr = currency;
      ctx.store.touched();
      return json(200, profileJson(ctx, a.shelf, true));
    }),
  ];
}
