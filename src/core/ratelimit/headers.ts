import { type HeaderInput, type HeaderRecord, toHeaderRecord } from '../http/header-record.ts';
import { type HeaderListItem, parseCount, parseHeaderList } from './header-list.ts';

/** One limit the server reports, in its own units (requests, or query units for Hardcover). */
export interface RateLimitWindow {
  limit?: number;
  remaining?: number;
  used?: number;
  /** Seconds from the response until the window resets (or the bucket is full again). */
  resetSeconds?: number;
  /** Length of the window in seconds. */
  windowSeconds?: number;
  /** Size of the server's token bucket, when it says. */
  burst?: number;
}

/** Every rate-limit header dialect we meet, reduced to a short-term window and a daily quota. */
export interface RateLimitInfo {
  window?: RateLimitWindow;
  daily?: RateLimitWindow;
}

const DAY_SECONDS = 86_400;
const DISCOGS_WINDOW_SECONDS = 60;

/**
 * Reads `RateLimit`/`RateLimit-Policy` (IETF drafts, named or not), `RateLimit-Limit/-Remaining/-Reset`,
 * `X-RateLimit-*`, `X-RateLimit-Daily-*` and `X-Discogs-Ratelimit*`. Where several headers say the same
 * thing, the newer dialect wins. `nowMs` turns reset times given as Unix timestamps into seconds.
 * `window` and `daily` are undefined when no header says anything about them.
 */
export function parseRateLimitHeaders(input: HeaderInput, nowMs: number): RateLimitInfo {
  const headers = toHeaderRecord(input);
  const named = fromDraftHeaders(headers);
  return {
    window: mergeWindows([
      named.window,
      fromSeparateDraftHeaders(headers),
      fromLegacyHeaders(headers, 'x-ratelimit-', nowMs),
      fromDiscogsHeaders(headers),
    ]),
    daily: mergeWindows([named.daily, fromLegacyHeaders(headers, 'x-ratelimit-daily-', nowMs)]),
  };
}

/** The fewest units the server will still accept before some limit resets, if it said. */
export function remainingUnits(info: RateLimitInfo): number | undefined {
  const counts = [info.window?.remaining, info.daily?.remaining].filter((n) => n !== undefined);
  return counts.length === 0 ? undefined : Math.min(...counts);
}

interface NamedWindow extends RateLimitWindow {
  name: string;
}

function fromDraftHeaders(headers: HeaderRecord): RateLimitInfo {
  const policies = new Map<string, NamedWindow>();
  for (const item of parseHeaderList(headers['ratelimit-policy'])) {
    const policy = policyFromItem(item);
    if (!policies.has(policy.name)) policies.set(policy.name, policy);
  }
  const items = parseHeaderList(headers.ratelimit);
  const entries: NamedWindow[] = isDictionary(items)
    ? [{ name: '', ...windowFromDictionary(items) }]
    : items.map((item) => ({
        name: item.value,
        remaining: parseCount(item.params.r ?? item.params.remaining),
        resetSeconds: parseCount(item.params.t ?? item.params.reset),
      }));
  const merged = entries.map((entry) => {
    const policy = policies.get(entry.name);
    // Stryker disable next-line CallExpression: a policy left here comes back below without its entry's count, and strictest keeps the fuller copy, which comes first
    policies.delete(entry.name);
    return policy ? { ...policy, ...defined(entry) } : entry;
  });
  merged.push(...policies.values());
  return {
    window: strictest(merged.filter((entry) => !isDailyWindow(entry))),
    daily: strictest(merged.filter(isDailyWindow)),
  };
}

/** `"Free";q=60;w=60;burst=10` (named) or `100;w=60` (older drafts: the limit is the item itself). */
function policyFromItem(item: HeaderListItem): NamedWindow {
  const bareLimit = parseCount(item.value);
  return defined({
    name: bareLimit === undefined ? item.value : '',
    limit: bareLimit ?? parseCount(item.params.q ?? item.params.limit),
    windowSeconds: parseCount(item.params.w ?? item.params.window),
    burst: parseCount(item.params.burst),
  });
}

/** Draft 07 wrote `RateLimit: limit=100, remaining=50, reset=30`. */
function isDictionary(items: HeaderListItem[]): boolean {
  return items.length > 0 && items.every((item) => /^[a-z-]+=/i.test(item.value));
}

function windowFromDictionary(items: HeaderListItem[]): RateLimitWindow {
  const values: Record<string, string> = {};
  for (const item of items) {
    const separator = item.value.indexOf('=');
    values[item.value.slice(0, separator).toLowerCase()] = item.value.slice(separator + 1);
  }
  return {
    limit: parseCount(values.limit),
    remaining: parseCount(values.remaining),
    resetSeconds: parseCount(values.reset),
  };
}

function isDailyWindow(entry: NamedWindow): boolean {
  if (entry.windowSeconds !== undefined) return entry.windowSeconds >= DAY_SECONDS;
  return /dai|day/i.test(entry.name);
}

/** Of several limits, the one that runs out first decides. */
function strictest(entries: NamedWindow[]): RateLimitWindow | undefined {
  const sorted = [...entries].sort(
    (a, b) => (a.remaining ?? Number.POSITIVE_INFINITY) - (b.remaining ?? Number.POSITIVE_INFINITY),
  );
  const first = sorted[0];
  if (!first) return undefined;
  const { name: _name, ...window } = first;
  return window;
}

function fromSeparateDraftHeaders(headers: HeaderRecord): RateLimitWindow {
  return {
    limit: parseCount(headers['ratelimit-limit']?.split(',')[0]),
    remaining: parseCount(headers['ratelimit-remaining']),
    resetSeconds: parseCount(headers['ratelimit-reset']),
  };
}

function fromLegacyHeaders(headers: HeaderRecord, prefix: string, nowMs: number): RateLimitWindow {
  return {
    limit: parseCount(headers[`${prefix}limit`]),
    remaining: parseCount(headers[`${prefix}remaining`]),
    resetSeconds: secondsUntil(parseCount(headers[`${prefix}reset`]), nowMs),
  };
}

function fromDiscogsHeaders(headers: HeaderRecord): RateLimitWindow {
  const limit = parseCount(headers['x-discogs-ratelimit']);
  const used = parseCount(headers['x-discogs-ratelimit-used']);
  const remaining = parseCount(headers['x-discogs-ratelimit-remaining']);
  if (limit === undefined && used === undefined && remaining === undefined) return {};
  return {
    limit,
    used,
    remaining:
      remaining ?? (limit !== undefined && used !== undefined ? Math.max(0, limit - used) : undefined),
    windowSeconds: DISCOGS_WINDOW_SECONDS,
  };
}

/**
 * `X-RateLimit-Reset` is a delay in seconds for some servers and a Unix time (seconds, rarely
 * milliseconds) for others, Hardcover among them. No real delay is anywhere near 2001 in seconds.
 */
function secondsUntil(reset: number | undefined, nowMs: number): number | undefined {
  if (reset === undefined || reset < 1e9) return reset;
  if (reset >= 1e12) return Math.max(0, Math.ceil((reset - nowMs) / 1000));
  return Math.max(0, Math.ceil(reset - nowMs / 1000));
}

function mergeWindows(windows: (RateLimitWindow | undefined)[]): RateLimitWindow | undefined {
  const merged: RateLimitWindow = {};
  for (const window of windows) {
    if (!window) continue;
    for (const [key, value] of Object.entries(defined(window)) as [keyof RateLimitWindow, number][]) {
      if (merged[key] === undefined) merged[key] = value;
    }
  }
  return Object.keys(merged).length === 0 ? undefined : merged;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
