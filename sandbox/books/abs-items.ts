import type { Random } from '../core/random.ts';
import type { BookSpec } from './catalog.ts';
import { DAY_MS } from './dates.ts';
import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS, PODCAST_TITLES, TAGS } from './vocabulary.ts';
import type { AbsItem, AbsLibrary, AbsPerson } from './world.ts';

/** The ABS side of the catalog: three libraries, a book item per format the user owns, podcasts. */

export interface AbsLibraries {
  audiobooks: AbsLibrary;
  ebooks: AbsLibrary;
  podcasts: AbsLibrary;
}

export interface GeneratedItems {
  libraries: AbsLibraries;
  items: AbsItem[];
  /** By spec index: the audio and ebook items of that book. */
  bySpec: Map<number, { audio?: AbsItem; ebook?: AbsItem }>;
  /** The spec behind each book item. */
  specOf: Map<string, BookSpec>;
}

export function generateLibraries(random: Random, now: number): AbsLibraries {
  const createdAt = now - 1300 * DAY_MS + random.int(0, 20) * DAY_MS;
  const library = (
    name: string,
    mediaType: 'book' | 'podcast',
    displayOrder: number,
    icon: string,
    folderPath: string,
  ) => ({
    id: random.uuid(),
    name,
    mediaType,
    displayOrder,
    icon,
    folderPath,
    createdAt: createdAt + displayOrder * 60_000,
  });
  return {
    audiobooks: library('Audiobooks', 'book', 1, 'audiobookshelf', '/audiobooks'),
    ebooks: library('Ebooks', 'book', 2, 'books-1', '/ebooks'),
    podcasts: library('Podcasts', 'podcast', 3, 'podcast', '/podcasts'),
  };
}

/** ABS keeps authors and series per library, so the same name has another id in another library. */
class PeopleRegistry {
  private readonly random: Random;
  private readonly ids = new Map<string, string>();

  constructor(random: Random) {
    this.random = random;
  }

  id(libraryId: string, kind: 'author' | 'series', name: string): string {
    const key = `${libraryId}\u0000${kind}\u0000${name}`;
    let id = this.ids.get(key);
    if (!id) {
      id = this.random.uuid();
      this.ids.set(key, id);
    }
    return id;
  }
}

function description(random: Random, title: string): string | null {
  if (random.chance(0.1)) return null;
  const text = `A ${random.pick(ADJECTIVES).toLowerCase()} story of a ${random.pick(NOUNS).toLowerCase()} and the people who keep it, from the author of ${title}.`;
  return random.chance(0.4) ? `<p>${text}</p><p><b>&quot;Unforgettable&quot;</b> &amp; moving.</p>` : text;
}

function bookItem(
  random: Random,
  registry: PeopleRegistry,
  spec: BookSpec,
  library: AbsLibrary,
  format: 'audio' | 'ebook',
  addedAt: number,
  now: number,
): AbsItem {
  const { blueprint } = spec;
  const ids = format === 'audio' ? spec.absAudioIds : spec.absEbookIds;
  const authorNames = blueprint.absAuthors ?? blueprint.authors;
  const authors: AbsPerson[] = authorNames.map((name) => ({
    id: registry.id(library.id, 'author', name),
    name,
  }));
  const audioEdition = spec.editions.find((e) => e.readingFormatId === 2 && e.audioSeconds !== null);
  const baseSeconds = audioEdition?.audioSeconds ?? random.int(3, 30) * 3600 + random.int(0, 3599);
  const duration =
    format === 'audio' ? Math.round((baseSeconds + random.int(-90, 90) + random.next()) * 1000) / 1000 : 0;
  const numAudioFiles = format === 'audio' ? (random.chance(0.5) ? 1 : random.int(2, 40)) : 0;
  const ebookFormat =
    format === 'ebook'
      ? random.pick(['epub', 'epub', 'epub', 'pdf', 'azw3', 'mobi'])
      : random.chance(0.04)
        ? 'epub'
        : null;
  const size =
    format === 'audio' ? Math.round(duration * random.int(7800, 16000)) : random.int(300_000, 15_000_000);
  return {
    id: random.uuid(),
    mediaId: random.uuid(),
    libraryId: library.id,
    mediaType: 'book',
    title: blueprint.absTitle ?? blueprint.title,
    subtitle: blueprint.absSubtitle !== undefined ? blueprint.absSubtitle : blueprint.subtitle,
    authors,
    narrators:
      format === 'audio'
        ? Array.from(
            { length: random.chance(0.15) ? 2 : 1 },
            () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
          )
        : [],
    series: blueprint.series
      ? [
          {
            id: registry.id(library.id, 'series', blueprint.series.name),
            name: blueprint.series.name,
            sequence: random.chance(0.9) ? String(blueprint.series.position) : null,
          },
        ]
      : [],
    genres: [...blueprint.genres],
    tags: random.chance(0.1) ? [random.pick(TAGS)] : [],
    publishedYear: random.chance(0.95) ? String(blueprint.year) : null,
    publisher: random.chance(0.8) ? (spec.editions[0]?.publisher ?? null) : null,
    description: description(random, blueprint.title),
    isbn: ids.isbn,
    asin: ids.asin,
    language: random.chance(0.8) ? blueprint.language : null,
    explicit: blueprint.explicit ?? false,
    abridged: format === 'audio' && random.chance(0.04),
    duration,
    numAudioFiles,
    ebookFormat,
    size,
    addedAt,
    updatedAt: Math.min(now - DAY_MS, addedAt + random.int(0, 30) * DAY_MS + random.int(0, 86_399_999)),
    episodes: [],
  };
}

function podcastItem(
  random: Random,
  library: AbsLibrary,
  title: string,
  addedAt: number,
  now: number,
): AbsItem {
  const episodeCount = random.int(3, 8);
  const firstPublished = addedAt - random.int(30, 400) * DAY_MS;
  const episodes = Array.from({ length: episodeCount }, (_, i) => ({
    id: random.uuid(),
    title: `${i + 1}. ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}s`,
    duration: Math.round((random.int(15, 95) * 60 + random.next() * 60) * 1000) / 1000,
    publishedAt: firstPublished + i * 7 * DAY_MS,
  }));
  const duration = episodes.reduce((sum, e) => sum + e.duration, 0);
  return {
    id: random.uuid(),
    mediaId: random.uuid(),
    libraryId: library.id,
    mediaType: 'podcast',
    title,
    subtitle: null,
    authors: [{ id: random.uuid(), name: `${random.pick(LAST_NAMES)} Media` }],
    narrators: [],
    series: [],
    genres: ['Podcasts', random.pick(['Books', 'History', 'Science'])],
    tags: [],
    publishedYear: String(new Date(firstPublished).getUTCFullYear()),
    publisher: null,
    description: `Conversations about ${random.pick(NOUNS).toLowerCase()}s and books.`,
    isbn: null,
    asin: null,
    language: 'English',
    explicit: false,
    abridged: false,
    duration: Math.round(duration * 1000) / 1000,
    numAudioFiles: episodes.length,
    ebookFormat: null,
    size: Math.round(duration * 16000),
    addedAt,
    updatedAt: Math.min(now - DAY_MS, addedAt + random.int(0, 60) * DAY_MS),
    episodes,
  };
}

/** Items are added in catalog order over the last three years, as a scanner would have found them. */
export function generateItems(
  random: Random,
  specs: readonly BookSpec[],
  libraries: AbsLibraries,
  podcastCount: number,
  now: number,
): GeneratedItems {
  const registry = new PeopleRegistry(random.fork('abs-people'));
  const items: AbsItem[] = [];
  const bySpec = new Map<number, { audio?: AbsItem; ebook?: AbsItem }>();
  const specOf = new Map<string, BookSpec>();
  const start = now - 1100 * DAY_MS;
  const span = 1080 * DAY_MS;
  const total = specs.length + podcastCount;
  let slot = 0;
  const nextAddedAt = () =>
    start + Math.floor((span * slot++) / Math.max(1, total)) + random.int(0, 3_600_000);
  specs.forEach((spec, index) => {
    if (!spec.blueprint.inAbs) return;
    const entry: { audio?: AbsItem; ebook?: AbsItem } = {};
    const addedAt = nextAddedAt();
    if (spec.blueprint.absAudio !== null)
      entry.audio = bookItem(random, registry, spec, libraries.audiobooks, 'audio', addedAt, now);
    if (spec.blueprint.absEbook !== null) {
      entry.ebook = bookItem(
        random,
        registry,
        spec,
        libraries.ebooks,
        'ebook',
        addedAt + random.int(1, 90) * 60_000,
        now,
      );
    }
    for (const item of [entry.audio, entry.ebook]) {
      if (!item) continue;
      items.push(item);
      specOf.set(item.id, spec);
    }
    bySpec.set(index, entry);
  });
  for (let i = 0; i < podcastCount; i++) {
    const title = PODCAST_TITLES[i % PODCAST_TITLES.length] ?? 'Podcast';
    items.push(
      podcastItem(
        random,
        libraries.podcasts,
        i < PODCAST_TITLES.length ? title : `${title} ${Math.floor(i / PODCAST_TITLES.length) + 1}`,
        nextAddedAt(),
        now,
      ),
    );
  }
  return { libraries, items, bySpec, specOf };
}
