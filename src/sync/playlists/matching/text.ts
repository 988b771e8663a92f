/**
 * Text normalisation for matching Discogs tracks with SoundCloud uploads. Accents are folded (NFKD,
 * combining marks dropped), case is folded, and letters and digits of every script are kept: "Lucía"
 * becomes "lucia", never "luc a", and a Japanese or Cyrillic title stays what it is.
 */

/** Folds accents and case; punctuation becomes spaces; words of every script survive. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Discogs tells same-named artists apart with " (2)"; nobody else writes it. */
export function dropDiscogsSuffix(name: string): string {
  return name.replace(/\s*\(\d+\)\s*$/, '').trim();
}

/** Words an account name may carry besides the artist's own name ("Sigur Rós Official"). */
const ACCOUNT_NOISE = new Set(['official', 'music', 'band', 'tv', 'vevo', 'topic', 'the', 'channel']);
const LABEL_NOISE = new Set([
  'records',
  'recordings',
  'music',
  'label',
  'ltd',
  'inc',
  'official',
  'the',
  'label',
]);

function core(text: string, noise: ReadonlySet<string>): string {
  return words(text)
    .filter((word) => !noise.has(word))
    .join(' ');
}

/** Splits "A & B", "A vs. B", "A feat. C", "A, B and C" into the people named. */
export function splitArtists(text: string): string[] {
  return text
    .split(/\s*(?:&|,|\/|\+|\s(?:and|vs\.?|versus|x|feat\.?|ft\.?|featuring|with|meets)\s)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Whether an account or artist field names one of `names` (a person, a band, or a whole credit). */
export function namesArtist(field: string | null | undefined, names: readonly string[]): boolean {
  if (!field) return false;
  const wanted = new Set(names.map((name) => core(dropDiscogsSuffix(name), ACCOUNT_NOISE)).filter(Boolean));
  if (wanted.size === 0) return false;
  const parts = [field, ...splitArtists(field)];
  return parts.some((part) => wanted.has(core(part, ACCOUNT_NOISE)));
}

export function sameLabel(a: string | null | undefined, labels: readonly string[]): boolean {
  if (!a) return false;
  const name = core(a, LABEL_NOISE);
  return name !== '' && labels.some((label) => core(label, LABEL_NOISE) === name);
}
