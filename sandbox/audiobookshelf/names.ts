/** Text helpers that mirror Audiobookshelf's: title prefixes, "Last, First" names, plain descriptions. */

/** The server's default `sortingPrefixes`. */
const SORTING_PREFIXES = ['the', 'a'];

/** getTitleParts: the title without its sorting prefix, and the prefix (capitalised) if there was one. */
function titleParts(title: string): [string, string | null] {
  const lower = title.toLowerCase();
  for (const prefix of SORTING_PREFIXES) {
    if (lower.startsWith(`${prefix} `)) {
      return [title.slice(prefix.length + 1), `${prefix.slice(0, 1).toUpperCase()}${prefix.slice(1)}`];
    }
  }
  return [title, null];
}

/** getTitlePrefixAtEnd: "The Hobbit" → "Hobbit, The". */
export function titlePrefixAtEnd(title: string | null): string | null {
  if (!title) return title;
  const [rest, prefix] = titleParts(title);
  return prefix ? `${rest}, ${prefix}` : title;
}

/** getTitleIgnorePrefix: "The Hobbit" → "Hobbit". */
export function titleIgnorePrefix(title: string): string {
  return titleParts(title)[0];
}

export { nameToLastFirst } from './last-first.ts';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** htmlSanitizer.stripAllTags: the text of an HTML description. */
export function stripAllTags(htmlText: string): string {
  return htmlText
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * SQLite's NOCASE collation: ASCII letters fold to lower case, everything else compares by code point
 * (so "Über" sorts after "Zero").
 */
export function compareNoCase(a: string, b: string): number {
  const fold = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const x = [...fold(a)];
  const y = [...fold(b)];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x[i]?.codePointAt(0) ?? 0;
    const cy = y[i]?.codePointAt(0) ?? 0;
    if (cx !== cy) return cx - cy;
  }
  return x.length - y.length;
}
