import type { RouteContext } from './router.ts';

/** The `curr_abbr` currencies the docs list, with fixed rates from US dollars (prices are made up anyway). */
const USD_RATES: Record<string, number> = {
  USD: 1,
  GBP: 0.79,
  EUR: 0.92,
  CAD: 1.36,
  AUD: 1.52,
  JPY: 151,
  CHF: 0.88,
  MXN: 17.1,
  BRL: 5.05,
  NZD: 1.66,
  SEK: 10.6,
  ZAR: 18.6,
};

export function isCurrency(code: string): boolean {
  return Object.hasOwn(USD_RATES, code);
}

/**
 * The currency a request asks for. Without `curr_abbr` the price is in the signed-in user's own
 * currency (`fallback`: their profile's `curr_abbr`), US dollars for anyone else.
 */
export function requestedCurrency(url: URL, fallback = 'USD'): string {
  const asked = (url.searchParams.get('curr_abbr') ?? '').toUpperCase();
  return isCurrency(asked) ? asked : fallback;
}

export function convertFromUsd(usd: number, currency: string): number {
  const converted = usd * (USD_RATES[currency] ?? 1);
  return currency === 'JPY' ? Math.round(converted) : Math.round(converted * 100) / 100;
}

/** The currency of a request's marketplace data: `curr_abbr`, else the signed-in user's own. */
export function currencyFor(ctx: RouteContext): string {
  const shelf = ctx.caller.kind === 'user' ? ctx.store.shelf(ctx.caller.user.username) : undefined;
  return requestedCurrency(ctx.request.url, shelf?.profile.currAbbr);
}
