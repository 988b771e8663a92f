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
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Ways a title is written: with or without subtitle, and with a "Series: Title" prefix dropped. */
function titleVariants(title: string, subtitle: string | null): string[] {
  const variants = [title];
  if (subtitle) variants.push(`${title} ${subtitle}`);
  const colon = title.indexOf(':');
  if (colon > 0) variants.push(title.slice(colon + 1), title.slice(0, colon));
  return variants;
}

/** A description's tokens, worked out once: matching compares each book with many others. */
interface Prepared {
  titles: ReadonlySet<string>[];
  authors: ReadonlySet<string>[];
}

const preparedOf = new WeakMap<object, Prepared>();

function prepareTitle(text: { title: string; subtitle: string | null }): ReadonlySet<string>[] {
  return titleVariants(text.title, text.subtitle).map((variant) => new Set(tokens(variant)));
}

function prepared(text: Described): Prepared {
  let found = preparedOf.get(text);
  if (!found) {
    found = { titles: prepareTitle(text), authors: text.authors.map((name) => new Set(tokens(name))) };
    preparedOf.set(text, found);
  }
  return found;
}

function bestDice(a: readonly ReadonlySet<string>[], b: readonly ReadonlySet<string>[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, dice(x, y));
  return best;
}

export function titleScore(
  a: { title: string; subtitle: string | null },
  b: { title: string; subtitle: string | null },
): number {
  return bestDice(prepareTitle(a), prepareTitle(b));
}

/** 1 when an author is shared (by surname and more), 0 when both sides name authors and none match. */
export function authorScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0.5;
  const sets = (names: readonly string[]) => names.map((name) => new Set(tokens(name)));
  return bestDice(sets(a), sets(b));
}

export interface Described {
  title: string;
  subtitle: string | null;
  authors: readonly string[];
}

/** Weight of the title in a score; the author has the rest. */
const TITLE_WEIGHT = 0.7;

/**
 * 0..100: title counts most; a missing author on either side neither helps nor sinks a match.
 * Tokens are kept per described object, so the objects must not change once scored.
 */
export function matchScore(item: Described, candidate: Described): number {
  const a = prepared(item);
  const b = prepared(candidate);
  const title = bestDice(a.titles, b.titles);
  const author = a.authors.length === 0 || b.authors.length === 0 ? 0.5 : bestDice(a.authors, b.authors);
  return Math.round((TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * author) * 100);
}

/** The highest score a candidate sharing no title word can reach (authors alone). */
export const SCORE_WITHOUT_TITLE = Math.round((1 - TITLE_WEIGHT) * 100);

/** Every title word of a description, in any of its variants. */
export function titleTokens(text: Described): Set<string> {
  const out = new Set<string>();
  for (const variant of prepared(text).titles) for (const token of variant) out.add(token);
  return out;
}

/** The text sent to search: the title and the first author. */
export function searchQuery(item: Described): string {
  return [item.title, item.authors[0] ?? ''].join(' ').trim();
}
