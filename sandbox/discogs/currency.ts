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

/**
 * The currency a request asks for. Without `curr_abbr` the price is in the user's buyer currency,
 * which is US dollars for every sandbox user (and for anonymous callers).
 */
export function requestedCurrency(url: URL): string {
  const asked = (url.searchParams.get('curr_abbr') ?? '').toUpperCase();
  return asked in USD_RATES ? asked : 'USD';
}

export function convertFromUsd(usd: number, currency: string): number {
  const converted = usd * (USD_RATES[currency] ?? 1);
  return currency === 'JPY' ? Math.round(converted) : Math.round(converted * 100) / 100;
}
