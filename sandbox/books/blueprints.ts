import type { Random } from '../core/random.ts';
import {
  ADJECTIVES,
  FIRST_NAMES,
  GENRES,
  LAST_NAMES,
  NOUNS,
  PLACES,
  SERIES_WORDS,
  SUBTITLES,
} from './vocabulary.ts';

/**
 * What a generated book is before it gets ids: its Hardcover editions (formats and identifiers) and how
 * the user's Audiobookshelf presents it. The hard cases are fixed (forced-blueprints.ts); the rest are
 * random books made here.
 */

export type EditionIds =
  | 'isbn10+13'
  | 'isbn13'
  | 'asin'
  | 'numeric-asin'
  | 'numeric-asin+isbn'
  | 'asin+isbn13'
  | 'none';

export interface EditionPlan {
  format: 'audio' | 'ebook' | 'physical';
  ids: EditionIds;
  /** Undefined: pick a plausible value for the format; null: leave it empty. */
  pages?: number | null;
  audioSeconds?: number | null;
}

/** Which identifier the user typed into ABS, taken from the matching edition when it has one. */
export type AbsIds =
  | 'asin'
  | 'isbn13'
  | 'isbn13-hyphen'
  | 'isbn10'
  | 'isbn10-hyphen'
  | 'asin+isbn13'
  | 'physical-isbn13-hyphen'
  | 'none';

export interface Blueprint {
  title: string;
  subtitle: string | null;
  authors: string[];
  series: { name: string; position: number } | null;
  language: string;
  year: number;
  genres: string[];
  editions: EditionPlan[];
  inHardcover: boolean;
  inAbs: boolean;
  absAudio: AbsIds | null;
  absEbook: AbsIds | null;
  absTitle?: string;
  absSubtitle?: string | null;
  absAuthors?: string[];
  explicit?: boolean;
  /** Marks the blueprint for tests and for the progress planner. */
  tag?: string;
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function randomTitle(random: Random): string {
  switch (random.int(0, 5)) {
    case 0:
      return `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    case 1:
      return `${random.pick(NOUNS)} of ${random.pick(PLACES)}`;
    case 2:
      return `The ${random.pick(NOUNS)}'s ${random.pick(NOUNS)}`;
    case 3:
      return `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}s`;
    case 4:
      return `A ${random.pick(NOUNS)} for ${random.pick(FIRST_NAMES)}`;
    default:
      return `The ${random.pick(NOUNS)} at ${random.pick(PLACES)}`;
  }
}

function pickIds<T>(random: Random, table: readonly (readonly [number, T])[]): T {
  let roll = random.next();
  for (const [weight, value] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table[table.length - 1] as readonly [number, T])[1];
}

const AUDIO_IDS: readonly (readonly [number, EditionIds])[] = [
  [0.55, 'asin'],
  [0.1, 'numeric-asin'],
  [0.05, 'numeric-asin+isbn'],
  [0.1, 'asin+isbn13'],
  [0.1, 'isbn13'],
  [0.1, 'none'],
];
const EBOOK_IDS: readonly (readonly [number, EditionIds])[] = [
  [0.45, 'isbn13'],
  [0.2, 'isbn10+13'],
  [0.25, 'asin'],
  [0.1, 'none'],
];
const PHYSICAL_IDS: readonly (readonly [number, EditionIds])[] = [
  [0.7, 'isbn10+13'],
  [0.2, 'isbn13'],
  [0.1, 'none'],
];
const ABS_AUDIO_IDS: readonly (readonly [number, AbsIds])[] = [
  [0.4, 'asin'],
  [0.12, 'isbn13-hyphen'],
  [0.1, 'isbn10'],
  [0.1, 'asin+isbn13'],
  [0.08, 'physical-isbn13-hyphen'],
  [0.08, 'isbn13'],
  [0.12, 'none'],
];
const ABS_EBOOK_IDS: readonly (readonly [number, AbsIds])[] = [
  [0.35, 'isbn13'],
  [0.2, 'isbn13-hyphen'],
  [0.15, 'isbn10-hyphen'],
  [0.15, 'asin'],
  [0.15, 'none'],
];

/** Series in progress while books are generated: a later book often continues one, by its author. */
export class SeriesPool {
  private readonly open: { name: string; authors: string[]; next: number }[] = [];

  /** A series place for a new book, and the authors it must have (a continued series keeps its own). */
  place(
    random: Random,
    authors: string[],
  ): { series: { name: string; position: number }; authors: string[] } {
    const continued = this.open.length > 0 && random.chance(0.6) ? random.pick(this.open) : undefined;
    if (continued) {
      // Now and then a novella sits between two numbered books.
      const position = random.chance(0.1) ? continued.next - 0.5 : continued.next;
      continued.next += 1;
      return { series: { name: continued.name, position }, authors: continued.authors };
    }
    const name = `The ${random.pick(PLACES)} ${random.pick(SERIES_WORDS)}`;
    const first = random.chance(0.8) ? 1 : random.int(2, 5);
    this.open.push({ name, authors, next: first + 1 });
    return { series: { name, position: first }, authors };
  }
}

/**
 * A random book. `mustHaveAudio` keeps small worlds rich enough for every progress case.
 * `presence` decides whether it lives in Hardcover only, ABS only, or both.
 */
export function randomBlueprint(
  random: Random,
  mustHaveAudio: boolean,
  presence: 'both' | 'hardcover' | 'abs',
  seriesPool: SeriesPool,
): Blueprint {
  const authorCount = random.chance(0.08) ? 2 : 1;
  const ownAuthors = Array.from({ length: authorCount }, () => personName(random));
  const placed = random.chance(0.3) ? seriesPool.place(random, ownAuthors) : undefined;
  const series = placed?.series ?? null;
  const authors = placed?.authors ?? ownAuthors;
  const editions: EditionPlan[] = [];
  const hasAudio = mustHaveAudio || random.chance(0.8);
  if (hasAudio) {
    editions.push({
      format: 'audio',
      ids: pickIds(random, AUDIO_IDS),
      audioSeconds: random.chance(0.08) ? null : undefined,
    });
    if (random.chance(0.1)) editions.push({ format: 'audio', ids: pickIds(random, AUDIO_IDS) });
  }
  if (random.chance(0.6))
    editions.push({
      format: 'ebook',
      ids: pickIds(random, EBOOK_IDS),
      pages: random.chance(0.5) ? undefined : null,
    });
  if (random.chance(0.85) || editions.length === 0) {
    editions.push({
      format: 'physical',
      ids: pickIds(random, PHYSICAL_IDS),
      pages: random.chance(0.05) ? null : undefined,
    });
    if (random.chance(0.15)) editions.push({ format: 'physical', ids: pickIds(random, PHYSICAL_IDS) });
  }
  const hasEbookEdition = editions.some((e) => e.format === 'ebook');
  const inAbs = presence !== 'hardcover';
  const absAudio = inAbs && (hasAudio || random.chance(0.1)) ? pickIds(random, ABS_AUDIO_IDS) : null;
  const absEbook =
    inAbs && (absAudio === null || (hasEbookEdition && random.chance(0.2)))
      ? pickIds(random, ABS_EBOOK_IDS)
      : null;
  const title = randomTitle(random);
  const subtitle = random.chance(0.25) ? random.pick(SUBTITLES) : null;
  const titleStyle = random.next();
  return {
    title,
    subtitle,
    authors,
    series,
    language: random.chance(0.92) ? 'English' : random.pick(['German', 'French', 'Spanish']),
    year: random.int(1950, 2025),
    genres: random.chance(0.3)
      ? [random.pick(GENRES), random.pick(GENRES)].filter((g, i, all) => all.indexOf(g) === i)
      : [random.pick(GENRES)],
    editions,
    inHardcover: presence !== 'abs',
    inAbs,
    absAudio,
    absEbook,
    // People type titles their own way: subtitle folded into the title, or a series prefix.
    absTitle:
      subtitle && titleStyle < 0.15
        ? `${title}: ${subtitle}`
        : series && titleStyle > 0.95
          ? `${series.name} ${series.position} - ${title}`
          : undefined,
    absSubtitle: subtitle && titleStyle < 0.15 ? null : undefined,
    explicit: random.chance(0.03),
  };
}
