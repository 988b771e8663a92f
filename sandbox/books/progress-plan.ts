import type { Random } from '../core/random.ts';
import type { GeneratedItems } from './abs-items.ts';
import type { BookSpec } from './catalog.ts';
import { bookProgress, episodeProgress, type ProgressKind } from './progress-rows.ts';
import { type HardcoverIds, type ShelfContext, type ShelfKind, shelfEntry } from './shelves.ts';
import type { AbsItem, AbsMediaProgress, HcUserBook, HcUserBookRead } from './world.ts';

/**
 * Which ABS item each person is on, in which state, and what their Hardcover shelf says about the
 * same book. The forced cases come first so every state exists in any world of 20+ books; random rows
 * then cover part of the rest.
 */

type Pool = 'audio' | 'ebook' | 'audio-no-ids' | 'audio-not-in-hc';

interface Case {
  kind: ProgressKind;
  shelf: ShelfKind;
  pool: Pool;
  /** Prefer a book whose editions support the shelf case. */
  needs?: 'physical-pages' | 'audio-seconds';
}

const ALICE: readonly Case[] = [
  { kind: 'just-started', shelf: 'none', pool: 'audio' },
  { kind: 'below-threshold', shelf: 'want-to-read', pool: 'audio' },
  { kind: 'midway', shelf: 'reading-behind', pool: 'audio', needs: 'audio-seconds' },
  { kind: 'finished', shelf: 'reading-behind', pool: 'audio', needs: 'audio-seconds' },
  { kind: 'finished', shelf: 'read-same', pool: 'audio' },
  { kind: 'restarted', shelf: 'read-earlier', pool: 'audio' },
  { kind: 'reread-midway', shelf: 'read-twice', pool: 'audio' },
  { kind: 'midway', shelf: 'paused', pool: 'audio' },
  { kind: 'midway', shelf: 'did-not-finish', pool: 'audio' },
  { kind: 'hidden-midway', shelf: 'want-to-read', pool: 'audio' },
  { kind: 'midway', shelf: 'reading-physical', pool: 'audio', needs: 'physical-pages' },
  { kind: 'midway', shelf: 'none', pool: 'audio-no-ids' },
  { kind: 'midway', shelf: 'none', pool: 'audio-not-in-hc' },
  { kind: 'near-end', shelf: 'reading-current', pool: 'audio', needs: 'audio-seconds' },
  { kind: 'ebook-progress', shelf: 'none', pool: 'ebook' },
  { kind: 'ebook-finished', shelf: 'want-to-read', pool: 'ebook' },
  { kind: 'finished-marked', shelf: 'none', pool: 'audio' },
];

const BOB: readonly Case[] = [
  { kind: 'just-started', shelf: 'want-to-read', pool: 'audio' },
  { kind: 'below-threshold', shelf: 'none', pool: 'audio' },
  { kind: 'midway', shelf: 'reading-behind', pool: 'audio', needs: 'audio-seconds' },
  { kind: 'finished', shelf: 'none', pool: 'audio' },
  { kind: 'finished-marked', shelf: 'reading-behind', pool: 'audio' },
  { kind: 'restarted', shelf: 'read-earlier', pool: 'audio' },
  { kind: 'reread-midway', shelf: 'read-then-rereading', pool: 'audio', needs: 'audio-seconds' },
  { kind: 'midway', shelf: 'paused', pool: 'audio' },
  { kind: 'midway', shelf: 'did-not-finish', pool: 'audio' },
  { kind: 'midway', shelf: 'read-twice', pool: 'audio' },
  { kind: 'midway', shelf: 'reading-physical', pool: 'audio', needs: 'physical-pages' },
  { kind: 'hidden-midway', shelf: 'none', pool: 'audio' },
  { kind: 'midway', shelf: 'none', pool: 'audio-no-ids' },
  { kind: 'midway', shelf: 'none', pool: 'audio-not-in-hc' },
  { kind: 'ebook-progress', shelf: 'want-to-read', pool: 'ebook' },
  { kind: 'ebook-finished', shelf: 'read-same', pool: 'ebook' },
];

export const FORCED_CASES = { alice: ALICE, bob: BOB };

interface Candidate {
  item: AbsItem;
  spec: BookSpec;
}

function inPool(candidate: Candidate, pool: Pool): boolean {
  const { item, spec } = candidate;
  const audio = item.numAudioFiles > 0;
  switch (pool) {
    case 'audio':
      return audio && spec.blueprint.inHardcover;
    case 'ebook':
      return !audio && spec.blueprint.inHardcover;
    case 'audio-no-ids':
      return audio && spec.blueprint.inHardcover && item.isbn === null && item.asin === null;
    case 'audio-not-in-hc':
      return audio && !spec.blueprint.inHardcover;
    default:
      return false;
  }
}

function meets(spec: BookSpec, needs: Case['needs']): boolean {
  if (needs === 'physical-pages')
    return spec.editions.some((e) => e.readingFormatId === 1 && e.pages !== null);
  if (needs === 'audio-seconds')
    return spec.editions.some((e) => e.readingFormatId === 2 && e.audioSeconds !== null);
  return true;
}

function weighted<T>(random: Random, table: readonly (readonly [number, T])[]): T {
  let roll = random.next();
  for (const [weight, value] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table[table.length - 1] as readonly [number, T])[1];
}

const AUDIO_KINDS: readonly (readonly [number, ProgressKind])[] = [
  [0.3, 'midway'],
  [0.25, 'finished'],
  [0.1, 'just-started'],
  [0.08, 'below-threshold'],
  [0.07, 'near-end'],
  [0.05, 'restarted'],
  [0.04, 'reread-midway'],
  [0.04, 'hidden-midway'],
  [0.07, 'finished-marked'],
];

const SHELF_FOR: Record<ProgressKind, readonly (readonly [number, ShelfKind])[]> = {
  'just-started': [
    [0.5, 'none'],
    [0.3, 'want-to-read'],
    [0.2, 'reading-current'],
  ],
  'below-threshold': [
    [0.6, 'none'],
    [0.4, 'want-to-read'],
  ],
  midway: [
    [0.4, 'none'],
    [0.3, 'reading-behind'],
    [0.15, 'reading-current'],
    [0.1, 'want-to-read'],
    [0.03, 'paused'],
    [0.02, 'did-not-finish'],
  ],
  'hidden-midway': [
    [0.6, 'none'],
    [0.4, 'reading-behind'],
  ],
  'near-end': [
    [0.4, 'none'],
    [0.6, 'reading-behind'],
  ],
  finished: [
    [0.4, 'none'],
    [0.3, 'read-same'],
    [0.3, 'reading-behind'],
  ],
  'finished-marked': [
    [0.5, 'none'],
    [0.5, 'read-same'],
  ],
  restarted: [
    [0.3, 'none'],
    [0.7, 'read-earlier'],
  ],
  'reread-midway': [
    [0.2, 'none'],
    [0.5, 'read-earlier'],
    [0.3, 'read-twice'],
  ],
  'ebook-progress': [
    [0.5, 'none'],
    [0.3, 'reading-behind'],
    [0.2, 'want-to-read'],
  ],
  'ebook-finished': [
    [0.5, 'none'],
    [0.3, 'read-same'],
    [0.2, 'reading-behind'],
  ],
};

export interface PersonPlanInput {
  absUserId: string;
  hcUserId: number;
  cases: readonly Case[];
  podcast: AbsItem | undefined;
  podcastEpisodes: number;
}

export interface PersonPlan {
  progress: AbsMediaProgress[];
  userBooks: HcUserBook[];
  reads: HcUserBookRead[];
  /** Hardcover book ids this person's ABS progress touches (each at most once). */
  books: Set<number>;
}

function shelfContext(row: AbsMediaProgress, item: AbsItem): ShelfContext {
  const audio = item.numAudioFiles > 0;
  const fraction = audio
    ? row.duration > 0
      ? Math.min(1, row.currentTime / row.duration)
      : row.progress
    : (row.ebookProgress ?? 0);
  return {
    startedAt: row.startedAt,
    lastUpdate: row.lastUpdate,
    finishedAt: row.finishedAt,
    fraction,
    audio,
  };
}

/** One person's ABS progress rows and matching Hardcover shelf, from forced cases and then at random. */
export function planPerson(
  random: Random,
  hcIds: HardcoverIds,
  items: GeneratedItems,
  input: PersonPlanInput,
  extraRate: number,
  now: number,
): PersonPlan {
  const candidates: Candidate[] = random
    .shuffle(items.items.filter((item) => item.mediaType === 'book'))
    .map((item) => ({ item, spec: items.specOf.get(item.id) as BookSpec }));
  const used = new Set<string>();
  const plan: PersonPlan = { progress: [], userBooks: [], reads: [], books: new Set() };
  const free = (c: Candidate) => !used.has(c.item.id) && !plan.books.has(c.spec.book.id);

  const take = (candidate: Candidate, kind: ProgressKind, shelf: ShelfKind) => {
    used.add(candidate.item.id);
    plan.books.add(candidate.spec.book.id);
    const row = bookProgress(random, random.uuid(), candidate.item, kind, now);
    plan.progress.push(row);
    if (!candidate.spec.blueprint.inHardcover) return;
    const entry = shelfEntry(
      random,
      hcIds,
      input.hcUserId,
      candidate.spec,
      shelf,
      shelfContext(row, candidate.item),
    );
    if (entry) {
      plan.userBooks.push(entry.userBook);
      plan.reads.push(...entry.reads);
    }
  };

  for (const c of input.cases) {
    const strict = candidates.find((x) => free(x) && inPool(x, c.pool) && meets(x.spec, c.needs));
    const chosen = strict ?? candidates.find((x) => free(x) && inPool(x, c.pool));
    if (chosen) take(chosen, c.kind, c.shelf);
  }
  if (input.podcast)
    plan.progress.push(
      ...episodeProgress(random, () => random.uuid(), input.podcast, input.podcastEpisodes, now),
    );

  for (const candidate of candidates) {
    if (!free(candidate) || !random.chance(extraRate)) continue;
    const audio = candidate.item.numAudioFiles > 0;
    const kind: ProgressKind = audio
      ? weighted(random, AUDIO_KINDS)
      : random.chance(0.6)
        ? 'ebook-progress'
        : 'ebook-finished';
    take(candidate, kind, candidate.spec.blueprint.inHardcover ? weighted(random, SHELF_FOR[kind]) : 'none');
  }
  return plan;
}

/** Shelf entries for Hardcover books the person has but ABS does not (read long ago, or wanted). */
export function hardcoverOnlyShelf(
  random: Random,
  hcIds: HardcoverIds,
  hcUserId: number,
  specs: readonly BookSpec[],
  taken: Set<number>,
  rate: number,
  now: number,
  always: readonly string[] = [],
): { userBooks: HcUserBook[]; reads: HcUserBookRead[] } {
  const userBooks: HcUserBook[] = [];
  const reads: HcUserBookRead[] = [];
  for (const spec of specs) {
    if (!spec.blueprint.inHardcover || taken.has(spec.book.id)) continue;
    const forced = spec.blueprint.tag !== undefined && always.includes(spec.blueprint.tag);
    if (!forced && (spec.blueprint.inAbs || !random.chance(rate))) continue;
    const kind: ShelfKind = forced
      ? 'want-to-read'
      : weighted(random, [
          [0.4, 'want-to-read'],
          [0.45, 'read-same'],
          [0.15, 'read-twice'],
        ] as const);
    const lastUpdate = now - random.int(30, 900) * 24 * 3600 * 1000;
    const ctx: ShelfContext = {
      startedAt: lastUpdate - random.int(5, 60) * 24 * 3600 * 1000,
      lastUpdate,
      finishedAt: lastUpdate,
      fraction: 1,
      audio: random.chance(0.5),
    };
    const entry = shelfEntry(random, hcIds, hcUserId, spec, kind, ctx);
    if (!entry) continue;
    taken.add(spec.book.id);
    userBooks.push(entry.userBook);
    reads.push(...entry.reads);
  }
  return { userBooks, reads };
}
