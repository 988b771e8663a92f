import type { Random } from '../core/random.ts';
import { NON_LATIN_TITLES, TITLE_PATTERNS, TITLE_WORDS } from './names.ts';

export function inventTitle(random: Random, script?: 'ja' | 'ru'): string {
  if (script && random.chance(0.8)) return random.pick(NON_LATIN_TITLES[script] ?? TITLE_WORDS);
  const pattern = random.pick(TITLE_PATTERNS);
  return pattern
    .replace('{A}', random.pick(TITLE_WORDS))
    .replace('{B}', random.pick(TITLE_WORDS))
    .replace('{C}', random.pick(TITLE_WORDS));
}

/** `count` titles that differ from each other (and from `taken`). */
export function distinctTitles(
  random: Random,
  count: number,
  script?: 'ja' | 'ru',
  taken: Set<string> = new Set(),
): string[] {
  const titles: string[] = [];
  let attempts = 0;
  while (titles.length < count) {
    attempts += 1;
    let title = inventTitle(random, script);
    if (taken.has(title)) title = attempts > 40 ? `${title} ${romanNumeral(titles.length + 2)}` : '';
    if (!title || taken.has(title)) continue;
    taken.add(title);
    titles.push(title);
  }
  return titles;
}

export function romanNumeral(value: number): string {
  const numerals: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [size, letters] of numerals) {
    while (rest >= size) {
      out += letters;
      rest -= size;
    }
  }
  return out;
}

/** A different title that a careless search would confuse with `title`. */
export function confusableTitle(random: Random, title: string): string {
  const words = title.split(' ');
  switch (random.int(0, 4)) {
    case 0:
      return `${title} Part II`;
    case 1:
      return `${title}s`;
    case 2:
      return `Return To ${title}`;
    case 3:
      if (words.length > 1) {
        const i = random.int(0, words.length - 1);
        const replaced = [...words];
        replaced[i] = random.pick(TITLE_WORDS);
        if (replaced.join(' ') !== title) return replaced.join(' ');
      }
      return `${title} Interlude`;
    default:
      return `${random.pick(TITLE_WORDS)} ${title}`;
  }
}

export const CLASSICAL_WORKS = [
  {
    title: 'Symphony No. 5 In C Minor, Op. 67',
    movements: ['Allegro Con Brio', 'Andante Con Moto', 'Scherzo. Allegro', 'Allegro'],
  },
  {
    title: 'Piano Sonata No. 14 "Moonlight"',
    movements: ['Adagio Sostenuto', 'Allegretto', 'Presto Agitato'],
  },
  { title: 'The Four Seasons: Spring', movements: ['Allegro', 'Largo', 'Allegro Pastorale'] },
  { title: 'Suite Bergamasque', movements: ['Prélude', 'Menuet', 'Clair De Lune', 'Passepied'] },
  {
    title: 'Cello Suite No. 1 In G Major, BWV 1007',
    movements: ['Prélude', 'Allemande', 'Courante', 'Sarabande'],
  },
];
