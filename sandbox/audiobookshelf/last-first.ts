/**
 * Audiobookshelf's `nameToLastFirst`, which sits on a bundled copy of the parse-full-name library
 * (short word lists): nickname, suffixes and titles are dropped, name particles stay with the word
 * after them ("Yusuf van der Berg" → "van der Berg, Yusuf"), and a name written in one case gets
 * its case fixed. A running v2.36 server gave exactly these `authorNameLF` values.
 */

const SUFFIXES = new Set(['esq', 'esquire', 'jr', 'jnr', 'sr', 'snr', '2', 'ii', 'iii', 'iv', 'md', 'phd']);
const DOTTED_SUFFIXES = new Set(['j.d.', 'll.m.', 'm.d.', 'd.o.', 'd.c.', 'p.c.', 'ph.d.']);
const TITLES = new Set([
  'dr',
  'miss',
  'mr',
  'mrs',
  'ms',
  'prof',
  'sir',
  'frau',
  'herr',
  'hr',
  'monsieur',
  'captain',
  'doctor',
  'judge',
  'officer',
  'professor',
  'ind',
  'misc',
  'mx',
]);
/** Particles that join the following word; multi-word particles form by joining in turn. */
const PARTICLES = new Set([
  'ab',
  'bar',
  'bin',
  'da',
  'dal',
  'de',
  'del',
  'della',
  'der',
  'di',
  'du',
  'ibn',
  "l'",
  'la',
  'le',
  'san',
  'st',
  'st.',
  'ste',
  'ter',
  'van',
  'vel',
  'ver',
  'vere',
  'von',
]);
const CONJUNCTIONS = new Set(['&', 'and', 'et', 'e', 'of', 'the', 'und', 'y']);
/** Words whose case is fixed to this spelling when the whole name was in one case. */
const FIXED_CASE = [
  'e',
  'y',
  'av',
  'af',
  'da',
  'dal',
  'de',
  'del',
  'der',
  'di',
  'la',
  'le',
  'van',
  'den',
].concat(['vel', 'von', 'II', 'III', 'IV', 'J.D.', 'LL.M.', 'M.D.', 'D.O.', 'D.C.', 'Ph.D.']);

const NICKNAME = /\s(?:['‘’][^'‘’]+['‘’]|["“”][^"“”]+["“”]|\[[^\]]+\]|\([^)]+\)),?\s/g;

const withoutDot = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
const isSuffix = (word: string) =>
  SUFFIXES.has(withoutDot(word)) || DOTTED_SUFFIXES.has(`${withoutDot(word)}.`);
const isTitle = (word: string) => TITLES.has(withoutDot(word));

function fixWordCase(word: string): string {
  const fixed = FIXED_CASE.find((entry) => entry.toLowerCase() === word.toLowerCase());
  if (fixed) return fixed;
  if (word.length === 1) return word.toUpperCase();
  return word.slice(0, 1).toUpperCase() + word.slice(1).toLowerCase();
}

interface Word {
  text: string;
  comma: boolean;
}

/** Splits into words, remembering which ended with a comma; drops suffixes (never the first word) and titles. */
function significantWords(name: string): Word[] {
  let words: Word[] = name.split(' ').map((part) => {
    const comma = part.endsWith(',');
    return { text: comma ? part.slice(0, -1) : part, comma };
  });
  words = words.filter((word, index) => index === 0 || !isSuffix(word.text));
  return words.filter((word) => !isTitle(word.text));
}

function joinParticlesAndConjunctions(words: Word[]): Word[] {
  const joined = [...words];
  for (let i = joined.length - 2; i >= 0; i--) {
    const word = joined[i] as Word;
    const next = joined[i + 1] as Word;
    if (PARTICLES.has(word.text.toLowerCase())) {
      joined.splice(i, 2, { text: `${word.text} ${next.text}`, comma: next.comma });
    }
  }
  for (let i = joined.length - 3; i >= 0; i--) {
    const [left, middle, right] = [joined[i], joined[i + 1], joined[i + 2]] as [Word, Word, Word];
    if (CONJUNCTIONS.has(middle.text.toLowerCase())) {
      joined.splice(i, 3, { text: `${left.text} ${middle.text} ${right.text}`, comma: right.comma });
      i--;
    }
  }
  return joined;
}

/** "Ursula K. Le Guin" → "Le Guin, Ursula K."; one word (or particles and one word) stays as it is. */
export function nameToLastFirst(name: string): string {
  let rest = name.trim();
  if (!rest) return rest;
  const uniformCase = rest === rest.toUpperCase() || rest === rest.toLowerCase();
  rest = ` ${rest} `.replace(NICKNAME, ' ').trim();
  let words = joinParticlesAndConjunctions(significantWords(rest));
  if (words.length === 0) return '';
  // Words after a further comma are suffixes ("Smith, John, PhD" keeps "Smith, John").
  const commas = words.filter((word) => word.comma).length;
  const firstComma = words.findIndex((word) => word.comma);
  if (commas > 1 || firstComma > 0) {
    while (words.length > 2 && words[words.length - 2]?.comma) words = words.slice(0, -1);
  }
  let last: string;
  let given: Word[];
  const lastComma = words.findIndex((word) => word.comma);
  if (lastComma >= 0 && lastComma < words.length - 1) {
    last = words
      .slice(0, lastComma + 1)
      .map((word) => word.text)
      .join(' ');
    given = words.slice(lastComma + 1);
  } else {
    last = words[words.length - 1]?.text ?? '';
    given = words.slice(0, -1);
  }
  const fix = (text: string) => (uniformCase ? text.split(' ').map(fixWordCase).join(' ') : text);
  const first = given.map((word) => word.text).join(' ');
  if (!last) return fix(first);
  if (!first) return fix(last);
  return `${fix(last)}, ${fix(first)}`;
}
