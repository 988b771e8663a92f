/** Title/author similarity for matching by search and against the user's shelf. */

const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'unabridged', 'abridged', 'novel', 'book']);

export function normaliseText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(value: string): string[] {
  return normaliseText(value)
    .split(' ')
    .filter((token) => token !== '' && !STOP.has(token));
}

/** Dice coefficient of two token sets, 0..1. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const shared = new Set(a.filter((token) => setB.has(token))).size;
  return (2 * shared) / (new Set(a).size + setB.size);
}

/** Ways a title is written: with or without subtitle, and with a "Series: Title" prefix dropped. */
function titleVariants(title: string, subtitle: string | null): string[] {
  const variants = [title];
  if (subtitle) variants.push(`${title} ${subtitle}`);
  const colon = title.indexOf(':');
  if (colon > 0) variants.push(title.slice(colon + 1), title.slice(0, colon));
  return variants;
}

export function titleScore(
  a: { title: string; subtitle: string | null },
  b: { title: string; subtitle: string | null },
): number {
  let best = 0;
  for (const x of titleVariants(a.title, a.subtitle)) {
    for (const y of titleVariants(b.title, b.subtitle)) best = Math.max(best, dice(tokens(x), tokens(y)));
  }
  return best;
}

/** 1 when an author is shared (by surname and more), 0 when both sides name authors and none match. */
export function authorScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0.5;
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, dice(tokens(x), tokens(y)));
  return best;
}

export interface Described {
  title: string;
  subtitle: string | null;
  authors: readonly string[];
}

/** 0..100: title counts most; a missing author on either side neither helps nor sinks a match. */
export function matchScore(item: Described, candidate: Described): number {
  const title = titleScore(item, candidate);
  const author = authorScore(item.authors, candidate.authors);
  return Math.round((0.7 * title + 0.3 * author) * 100);
}

/** The text sent to search: the title and the first author. */
export function searchQuery(item: Described): string {
  return [item.title, item.authors[0] ?? ''].join(' ').trim();
}
