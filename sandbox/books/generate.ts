import { Random } from '../core/random.ts';
import { generateItems, generateLibraries } from './abs-items.ts';
import { type Blueprint, randomBlueprint, SeriesPool } from './blueprints.ts';
import { materializeCatalog } from './catalog.ts';
import { forcedBlueprints } from './forced-blueprints.ts';
import { generatePeople } from './people.ts';
import { FORCED_CASES, hardcoverOnlyShelf, planPerson } from './progress-plan.ts';
import { bookProgress } from './progress-rows.ts';
import { HardcoverIds, shelfEntry } from './shelves.ts';
import type { BookWorld, HcUserBook, HcUserBookRead } from './world.ts';

export interface BookWorldOptions {
  seed: number;
  /** Distinct books (default 200). */
  books?: number;
}

/** The generated world's "today"; every date lies before it, so a seed always gives the same bytes. */
export const BOOK_WORLD_NOW = Date.UTC(2026, 0, 1);

/** Random books after the forced ones: some only in Hardcover, some only in ABS. */
function blueprints(random: Random, count: number): Blueprint[] {
  const forced = forcedBlueprints().slice(0, Math.max(count, 0));
  const rest = Math.max(0, count - forced.length);
  const hardcoverOnly = Math.floor(rest * 0.08);
  const absOnly = Math.floor(rest * 0.05);
  const out = [...forced];
  const seriesPool = new SeriesPool();
  for (let i = 0; i < rest; i++) {
    const presence =
      i % 13 === 5 && i / 13 < hardcoverOnly
        ? 'hardcover'
        : i % 17 === 9 && i / 17 < absOnly
          ? 'abs'
          : 'both';
    out.push(randomBlueprint(random, i < 10, presence, seriesPool));
  }
  return out;
}

/**
 * A deterministic world for the Audiobookshelf and Hardcover stand-ins: a Hardcover catalog, the same
 * books in ABS as people typed them, two people with progress in every state and shelves that already
 * hold some of those books, plus podcasts, an admin, a restricted and a deactivated user.
 */
export function generateBookWorld(options: BookWorldOptions): BookWorld {
  const seed = options.seed;
  const count = Math.max(0, Math.floor(options.books ?? 200));
  const now = BOOK_WORLD_NOW;
  const root = new Random(seed);

  const specs = materializeCatalog(root.fork('catalog'), blueprints(root.fork('blueprints'), count));
  const libraries = generateLibraries(root.fork('libraries'), now);
  const podcastCount = Math.max(2, Math.round(count / 60));
  const items = generateItems(root.fork('items'), specs, libraries, podcastCount, now);
  const people = generatePeople(root.fork('people'), libraries);
  const hcIds = new HardcoverIds(root.fork('hardcover-ids'));
  const podcasts = items.items.filter((item) => item.mediaType === 'podcast');

  const userBooks: HcUserBook[] = [];
  const reads: HcUserBookRead[] = [];
  const personSetups = [
    {
      abs: people.abs.alice,
      hc: people.hc.alice,
      cases: FORCED_CASES.alice,
      podcast: podcasts[0],
      episodes: 3,
      always: ['hobbit-illustrated'],
    },
    {
      abs: people.abs.bob,
      hc: people.hc.bob,
      cases: FORCED_CASES.bob,
      podcast: podcasts[1] ?? podcasts[0],
      episodes: 2,
      always: [],
    },
  ];
  for (const setup of personSetups) {
    const random = root.fork(`plan:${setup.abs.username}`);
    const plan = planPerson(
      random,
      hcIds,
      items,
      {
        absUserId: setup.abs.id,
        hcUserId: setup.hc.id,
        cases: setup.cases,
        podcast: setup.podcast,
        podcastEpisodes: setup.episodes,
      },
      0.3,
      now,
    );
    setup.abs.progress = plan.progress;
    userBooks.push(...plan.userBooks);
    reads.push(...plan.reads);
    const extra = hardcoverOnlyShelf(random, hcIds, setup.hc.id, specs, plan.books, 0.5, now, setup.always);
    userBooks.push(...extra.userBooks);
    reads.push(...extra.reads);
  }

  // Someone else's shelf in the same Hardcover, and the admin's own listening.
  const others = root.fork('others');
  for (const spec of others
    .shuffle(specs.filter((s) => s.blueprint.inHardcover))
    .slice(0, Math.min(6, specs.length))) {
    const lastUpdate = now - others.int(10, 400) * 86_400_000;
    const entry = shelfEntry(
      others,
      hcIds,
      people.hc.carol.id,
      spec,
      others.pick(['read-same', 'reading-current', 'want-to-read'] as const),
      {
        startedAt: lastUpdate - 20 * 86_400_000,
        lastUpdate,
        finishedAt: lastUpdate,
        fraction: 0.5,
        audio: true,
      },
    );
    if (entry) {
      userBooks.push(entry.userBook);
      reads.push(...entry.reads);
    }
  }
  const audioItems = items.items.filter((item) => item.numAudioFiles > 0 && item.mediaType === 'book');
  people.abs.root.progress = others
    .shuffle(audioItems)
    .slice(0, 2)
    .map((item) =>
      bookProgress(others, others.uuid(), item, others.pick(['midway', 'finished'] as const), now),
    );

  return {
    seed,
    now,
    people: people.people,
    hardcover: {
      authors: [
        ...new Map(
          specs
            .filter((s) => s.blueprint.inHardcover)
            .flatMap((s) => s.authors.map((a) => [a.id, a] as const)),
        ).values(),
      ],
      books: specs.filter((s) => s.blueprint.inHardcover).map((s) => s.book),
      editions: specs.filter((s) => s.blueprint.inHardcover).flatMap((s) => s.editions),
      users: people.hcUsers,
      userBooks,
      reads,
    },
    audiobookshelf: {
      tokenSecret: root.fork('secret').hex(64),
      libraries: [libraries.audiobooks, libraries.ebooks, libraries.podcasts],
      items: items.items,
      users: people.absUsers,
    },
    matchTruth: Object.fromEntries(
      [...items.specOf].map(([itemId, spec]) => [itemId, spec.blueprint.inHardcover ? spec.book.id : null]),
    ),
  };
}
