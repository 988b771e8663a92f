import { PLAYLIST_TRACK_LIMIT } from '../../upstream/soundcloud/api.ts';

export type Overflow = 'split' | 'cap';

export interface PlaylistEntry {
  urn: string;
  score: number;
}

export interface PartsPlan {
  /** Track URNs of each SoundCloud playlist: one part, or "NAME (1/3)", "(2/3)"... when split. */
  parts: string[][];
  /** Matched uploads that did not fit (cap or --limit), in playlist order. */
  leftOut: string[];
}

/**
 * Lays matched uploads out on playlists of at most 500 tracks. Each upload appears once. `limit`
 * bounds the whole; `cap` keeps the most confident tracks (in their original order), `split` keeps
 * everything in numbered parts. Pure.
 */
export function planParts(
  entries: readonly PlaylistEntry[],
  options: { overflow: Overflow; limit?: number | undefined; partSize?: number },
): PartsPlan {
  const size = options.partSize ?? PLAYLIST_TRACK_LIMIT;
  const seen = new Set<string>();
  const unique = entries.filter((entry) => !seen.has(entry.urn) && seen.add(entry.urn));
  const budget =
    options.overflow === 'cap' ? Math.min(options.limit ?? size, size) : (options.limit ?? Infinity);
  let kept: PlaylistEntry[];
  if (unique.length <= budget) kept = unique;
  else if (options.overflow === 'cap') {
    const best = new Set(
      unique
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => b.entry.score - a.entry.score || a.index - b.index)
        .slice(0, budget)
        .map(({ index }) => index),
    );
    kept = unique.filter((_, index) => best.has(index));
  } else kept = unique.slice(0, budget);
  const keptUrns = new Set(kept.map((entry) => entry.urn));
  const parts: string[][] = [];
  for (let i = 0; i < kept.length; i += size) parts.push(kept.slice(i, i + size).map((entry) => entry.urn));
  if (parts.length === 0) parts.push([]);
  return { parts, leftOut: unique.filter((entry) => !keptUrns.has(entry.urn)).map((entry) => entry.urn) };
}

export function partTitle(name: string, index: number, count: number): string {
  return count <= 1 ? name : `${name} (${index + 1}/${count})`;
}
