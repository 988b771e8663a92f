import type { Random } from '../core/random.ts';
import type { AbsIds, Blueprint, EditionPlan } from './blueprints.ts';
import { ymd } from './dates.ts';
import { hyphenateIsbn, isbn10To13, randomAsin, randomIsbn10, randomIsbn13 } from './isbn.ts';
import { AUDIO_PUBLISHERS, PUBLISHERS } from './vocabulary.ts';
import { type HcAuthor, type HcBook, type HcEdition, ReadingFormat } from './world.ts';

/** A book with ids: its Hardcover rows (kept even when Hardcover lacks it) and its ABS presentation. */
export interface BookSpec {
  blueprint: Blueprint;
  book: HcBook;
  editions: HcEdition[];
  authors: HcAuthor[];
  /** The identifiers typed into the ABS audio and ebook items. */
  absAudioIds: { isbn: string | null; asin: string | null };
  absEbookIds: { isbn: string | null; asin: string | null };
}

/** Hardcover-style slugs: accents folded, anything else joined by dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

class IdSequence {
  private current: number;
  private readonly random: Random;

  constructor(random: Random, start: number) {
    this.random = random;
    this.current = start;
  }

  next(): number {
    this.current += this.random.int(1, 37);
    return this.current;
  }
}

const FORMAT_ID = {
  audio: ReadingFormat.audio,
  ebook: ReadingFormat.ebook,
  physical: ReadingFormat.physical,
} as const;
const EDITION_FORMATS = {
  audio: ['Audible Audio', 'Audiobook', 'Audio CD'],
  ebook: ['Kindle Edition', 'ebook'],
  physical: ['Hardcover', 'Paperback', 'Mass Market Paperback'],
} as const;

function identifiers(random: Random, ids: EditionPlan['ids']): Pick<HcEdition, 'isbn10' | 'isbn13' | 'asin'> {
  switch (ids) {
    case 'isbn10+13': {
      const isbn10 = randomIsbn10(random);
      return { isbn10, isbn13: isbn10To13(isbn10), asin: null };
    }
    case 'isbn13':
      return { isbn10: null, isbn13: randomIsbn13(random, random.chance(0.5) ? '979' : '978'), asin: null };
    case 'asin':
      return { isbn10: null, isbn13: null, asin: randomAsin(random) };
    case 'asin+isbn13':
      return { isbn10: null, isbn13: randomIsbn13(random, '979'), asin: randomAsin(random) };
    case 'numeric-asin':
      // Older Audible titles carry an ISBN-10 as their ASIN.
      return { isbn10: null, isbn13: null, asin: randomIsbn10(random) };
    case 'numeric-asin+isbn': {
      const isbn10 = randomIsbn10(random);
      return { isbn10, isbn13: isbn10To13(isbn10), asin: isbn10 };
    }
    default:
      return { isbn10: null, isbn13: null, asin: null };
  }
}

interface Ids {
  authors: IdSequence;
  books: IdSequence;
  editions: IdSequence;
}

function edition(
  random: Random,
  ids: Ids,
  bookId: number,
  blueprint: Blueprint,
  plan: EditionPlan,
  pages: number,
  seconds: number,
): HcEdition {
  const format = plan.format;
  const releaseYear = Math.max(blueprint.year, random.int(blueprint.year, Math.max(blueprint.year, 2025)));
  return {
    id: ids.editions.next(),
    bookId,
    title: blueprint.title,
    subtitle: format === 'audio' && random.chance(0.3) ? 'Unabridged' : blueprint.subtitle,
    ...identifiers(random, plan.ids),
    readingFormatId: FORMAT_ID[format],
    editionFormat: random.pick(EDITION_FORMATS[format]),
    physicalFormat: format === 'physical' ? random.pick(['Hardcover', 'Paperback']) : null,
    pages:
      format === 'audio'
        ? null
        : plan.pages === undefined
          ? format === 'ebook'
            ? pages - random.int(0, 20)
            : pages + random.int(-15, 15)
          : plan.pages,
    audioSeconds:
      format === 'audio'
        ? plan.audioSeconds === undefined
          ? seconds + random.int(-600, 600)
          : plan.audioSeconds
        : null,
    releaseDate: ymd(Date.UTC(releaseYear, random.int(0, 11), random.int(1, 28))),
    publisher: random.pick(format === 'audio' ? AUDIO_PUBLISHERS : PUBLISHERS),
    language: blueprint.language,
    usersCount: random.int(0, 4000),
  };
}

function absIds(plan: AbsIds | null, formatEditions: readonly HcEdition[], physical: HcEdition | undefined) {
  const none = { isbn: null, asin: null };
  if (plan === null || plan === 'none') return none;
  const first = (pick: (e: HcEdition) => string | null, pool: readonly HcEdition[] = formatEditions) =>
    pool.map(pick).find((v) => v !== null) ?? null;
  const isbn13 = first((e) => e.isbn13);
  const isbn10 = first((e) => e.isbn10);
  const asin = first((e) => e.asin);
  switch (plan) {
    case 'asin':
      return { isbn: null, asin: asin ?? null };
    case 'isbn13':
      return { isbn: isbn13 ?? isbn10, asin: null };
    case 'isbn13-hyphen':
      return { isbn: (isbn13 ?? isbn10) && hyphenateIsbn((isbn13 ?? isbn10) as string), asin: null };
    case 'isbn10':
      return { isbn: isbn10 ?? isbn13, asin: null };
    case 'isbn10-hyphen':
      return { isbn: (isbn10 ?? isbn13) && hyphenateIsbn((isbn10 ?? isbn13) as string), asin: null };
    case 'asin+isbn13':
      return { isbn: isbn13, asin };
    case 'physical-isbn13-hyphen': {
      const typed = physical?.isbn13 ?? isbn13;
      return { isbn: typed ? hyphenateIsbn(typed) : null, asin: null };
    }
    default:
      return none;
  }
}

/** Gives every blueprint its Hardcover ids and rows, and settles the identifiers ABS will show. */
export function materializeCatalog(random: Random, blueprints: readonly Blueprint[]): BookSpec[] {
  const ids: Ids = {
    authors: new IdSequence(random.fork('author-ids'), 200_000),
    books: new IdSequence(random.fork('book-ids'), 400_000),
    editions: new IdSequence(random.fork('edition-ids'), 30_000_000),
  };
  const authors = new Map<string, HcAuthor>();
  const slugs = new Set<string>();
  const uniqueSlug = (base: string, id: number) => {
    let slug = base || `book-${id}`;
    for (let n = 2; slugs.has(slug); n++) slug = `${base || `book-${id}`}-${n}`;
    slugs.add(slug);
    return slug;
  };
  return blueprints.map((blueprint) => {
    const bookAuthors = blueprint.authors.map((name) => {
      let author = authors.get(name);
      if (!author) {
        const id = ids.authors.next();
        author = { id, name, slug: slugify(name) || `author-${id}` };
        authors.set(name, author);
      }
      return author;
    });
    const bookId = ids.books.next();
    const pages = random.int(120, 900);
    const seconds = Math.round(pages * random.int(95, 140));
    const editions = blueprint.editions.map((plan) =>
      edition(random, ids, bookId, blueprint, plan, pages, seconds),
    );
    const byFormat = (format: number) => editions.filter((e) => e.readingFormatId === format);
    const defaultOf = (format: number) => {
      const candidates = byFormat(format);
      return (
        (candidates.find((e) => e.pages !== null || e.audioSeconds !== null) ?? candidates[0])?.id ?? null
      );
    };
    const physical = byFormat(ReadingFormat.physical)[0];
    // Without an edition of the item's format, people type the printed book's identifiers.
    const poolFor = (format: number) =>
      byFormat(format).length ? byFormat(format) : byFormat(ReadingFormat.physical);
    const defaultPhysical = editions.find((e) => e.id === defaultOf(ReadingFormat.physical));
    const defaultAudio = editions.find((e) => e.id === defaultOf(ReadingFormat.audio));
    const book: HcBook = {
      id: bookId,
      title: blueprint.title,
      subtitle: blueprint.subtitle,
      slug: uniqueSlug(slugify(blueprint.title), bookId),
      authorIds: bookAuthors.map((a) => a.id),
      seriesName: blueprint.series?.name ?? null,
      seriesPosition: blueprint.series?.position ?? null,
      releaseYear: blueprint.year,
      releaseDate: ymd(Date.UTC(blueprint.year, random.int(0, 11), random.int(1, 28))),
      pages: defaultPhysical?.pages ?? null,
      audioSeconds: defaultAudio?.audioSeconds ?? null,
      usersCount: random.int(3, 60_000),
      rating: random.chance(0.9) ? Math.round((2.5 + random.next() * 2.4) * 100) / 100 : null,
      defaultAudioEditionId: defaultOf(ReadingFormat.audio),
      defaultEbookEditionId: defaultOf(ReadingFormat.ebook),
      defaultPhysicalEditionId: defaultOf(ReadingFormat.physical),
    };
    return {
      blueprint,
      book,
      editions,
      authors: bookAuthors,
      absAudioIds: absIds(blueprint.absAudio, poolFor(ReadingFormat.audio), physical),
      absEbookIds: absIds(blueprint.absEbook, poolFor(ReadingFormat.ebook), physical),
    };
  });
}
