import { json } from '../core/reply.ts';
import { access, isReply } from './access.ts';
import { convertFromUsd, currencyFor } from './currency.ts';
import { MESSAGES, notFound } from './errors.ts';
import { paginate } from './pagination.ts';
import { estimatedPrice, numberForSale } from './release-body.ts';
import { idParam, type Route, route } from './router.ts';

/**
 * The few marketplace and list reads that general clients make on the way (python discogs_client's
 * `Release.marketplace_stats`, `User.inventory`, `User.lists`). Sandbox users sell nothing and keep
 * no lists, so those two are empty pages.
 */
export function marketplaceRoutes(): Route[] {
  const emptyPage = (listKey: 'listings' | 'lists') =>
    route('GET', `/users/:username/${listKey === 'listings' ? 'inventory' : 'lists'}`, (ctx) => {
      const a = access(ctx, 'public');
      if (isReply(a)) return a;
      const page = paginate([], ctx.request.url, ctx.origin);
      return json(200, { pagination: page.pagination, [listKey]: [] });
    });
  return [
    route('GET', '/marketplace/stats/:release_id', (ctx) => {
      const id = idParam(ctx, 'release_id');
      const release = id === undefined ? undefined : ctx.store.releases.get(id);
      if (!release) return notFound(MESSAGES.releaseNotFound);
      const forSale = numberForSale(release);
      const currency = currencyFor(ctx);
      // "Releases that have no items for sale ... return null data in lowest_price and num_for_sale."
      return json(200, {
        lowest_price:
          forSale > 0 ? { currency, value: convertFromUsd(estimatedPrice(release), currency) } : null,
        num_for_sale: forSale > 0 ? forSale : null,
        blocked_from_sale: false,
      });
    }),
    emptyPage('listings'),
    emptyPage('lists'),
  ];
}
