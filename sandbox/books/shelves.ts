import type { Random } from '../core/random.ts';
import type { BookSpec } from './catalog.ts';
import { DAY_MS, isoTimestamp, ymd } from './dates.ts';
import {
  HardcoverStatus,
  type HcEdition,
  type HcUserBook,
  type HcUserBookRead,
  ReadingFormat,
} from './world.ts';

/**
 * Hardcover shelves: a user_book in a status, on an edition the user chose, with the reads a real
 * shelf would have. Never more than one unfinished read per user_book.
 */
export type ShelfKind =
  | 'none'
  | 'want-to-read'
  | 'reading-behind'
  | 'reading-current'
  | 'reading-physical'
  | 'read-same'
  | 'read-earlier'
  | 'read-twice'
  | 'read-then-rereading'
  | 'paused'
  | 'did-not-finish';

/** What the shelf entry is about: the ABS row's times and position, when there is one. */
export interface ShelfContext {
  startedAt: number;
  lastUpdate: number;
  finishedAt: number | null;
  /** 0..1 */
  fraction: number;
  /** The ABS item is an audiobook (so an audio edition is the natural choice). */
  audio: boolean;
}

export class HardcoverIds {
  private userBook: number;
  private read: number;
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
    this.userBook = 9_000_000 + random.int(0, 99_999);
    this.read = 4_000_000 + random.int(0, 99_999);
  }

  nextUserBook(): number {
    this.userBook += this.random.int(1, 500);
    return this.userBook;
  }

  nextRead(): number {
    this.read += this.random.int(1, 300);
    return this.read;
  }
}

function withFormat(
  spec: BookSpec,
  format: number,
  usable: (e: HcEdition) => boolean,
): HcEdition | undefined {
  const candidates = spec.editions.filter((e) => e.readingFormatId === format);
  return candidates.find(usable) ?? candidates[0];
}

/** The edition on the shelf: usually the ABS format, sometimes none or another format. */
function chooseEdition(random: Random, spec: BookSpec, kind: ShelfKind, ctx: ShelfContext): HcEdition | null {
  const physical = withFormat(spec, ReadingFormat.physical, (e) => e.pages !== null);
  if (kind === 'reading-physical') return physical ?? spec.editions[0] ?? null;
  const own = ctx.audio
    ? withFormat(spec, ReadingFormat.audio, (e) => e.audioSeconds !== null)
    : withFormat(spec, ReadingFormat.ebook, (e) => e.pages !== null);
  const roll = random.next();
  if (roll < 0.15 && kind !== 'reading-behind' && kind !== 'reading-current') return null;
  if (roll < 0.25 && physical) return physical;
  return own ?? physical ?? null;
}

function progressOn(
  edition: HcEdition | null,
  spec: BookSpec,
  fraction: number,
): Pick<HcUserBookRead, 'progressPages' | 'progressSeconds'> {
  if (edition?.readingFormatId === ReadingFormat.audio && edition.audioSeconds !== null) {
    return { progressSeconds: Math.floor(edition.audioSeconds * fraction), progressPages: null };
  }
  const pages = edition?.pages ?? spec.book.pages;
  return { progressSeconds: null, progressPages: pages === null ? null : Math.floor(pages * fraction) };
}

const STATUS: Record<Exclude<ShelfKind, 'none'>, number> = {
  'want-to-read': HardcoverStatus.wantToRead,
  'reading-behind': HardcoverStatus.currentlyReading,
  'reading-current': HardcoverStatus.currentlyReading,
  'reading-physical': HardcoverStatus.currentlyReading,
  'read-same': HardcoverStatus.read,
  'read-earlier': HardcoverStatus.read,
  'read-twice': HardcoverStatus.read,
  'read-then-rereading': HardcoverStatus.currentlyReading,
  paused: HardcoverStatus.paused,
  'did-not-finish': HardcoverStatus.didNotFinish,
};

/** A user_book and its reads for one shelf kind; nothing for `none`. */
export function shelfEntry(
  random: Random,
  ids: HardcoverIds,
  userId: number,
  spec: BookSpec,
  kind: ShelfKind,
  ctx: ShelfContext,
): { userBook: HcUserBook; reads: HcUserBookRead[] } | undefined {
  if (kind === 'none') return undefined;
  const edition = chooseEdition(random, spec, kind, ctx);
  const userBookId = ids.nextUserBook();
  const reads: HcUserBookRead[] = [];
  const read = (
    startedAt: number | null,
    finishedAt: number | null,
    fraction: number,
    pausedAt: number | null = null,
  ) => {
    reads.push({
      id: ids.nextRead(),
      userBookId,
      editionId: edition?.id ?? null,
      startedAt: startedAt === null ? null : ymd(startedAt),
      finishedAt: finishedAt === null ? null : ymd(finishedAt),
      pausedAt: pausedAt === null ? null : ymd(pausedAt),
      ...(finishedAt === null
        ? progressOn(edition, spec, fraction)
        : { progressPages: null, progressSeconds: null }),
    });
  };
  const firstFinish = ctx.startedAt + Math.floor((ctx.lastUpdate - ctx.startedAt) * 0.5);
  switch (kind) {
    case 'reading-behind':
      read(ctx.startedAt, null, ctx.fraction * frac(random, 0.3, 0.8));
      break;
    case 'reading-current':
      read(ctx.startedAt, null, ctx.fraction);
      break;
    case 'reading-physical':
      read(ctx.startedAt, null, ctx.fraction * frac(random, 0.5, 1));
      break;
    case 'read-same':
      read(ctx.startedAt, ctx.finishedAt ?? ctx.lastUpdate, 1);
      break;
    case 'read-earlier':
      read(ctx.startedAt, firstFinish, 1);
      break;
    case 'read-twice':
      read(ctx.startedAt - random.int(700, 1400) * DAY_MS, ctx.startedAt - random.int(500, 690) * DAY_MS, 1);
      read(ctx.startedAt - random.int(200, 400) * DAY_MS, ctx.startedAt - random.int(20, 190) * DAY_MS, 1);
      break;
    case 'read-then-rereading':
      read(ctx.startedAt - random.int(300, 900) * DAY_MS, ctx.startedAt - random.int(30, 290) * DAY_MS, 1);
      read(ctx.startedAt, null, ctx.fraction * frac(random, 0.5, 1));
      break;
    case 'paused':
      read(
        ctx.startedAt,
        null,
        ctx.fraction * frac(random, 0.5, 1),
        ctx.lastUpdate - random.int(1, 20) * DAY_MS,
      );
      break;
    case 'did-not-finish':
      read(ctx.startedAt, null, ctx.fraction * frac(random, 0.3, 1));
      break;
    default:
      break;
  }
  const starts = reads
    .map((r) => r.startedAt)
    .filter((d): d is string => d !== null)
    .sort();
  const finishes = reads
    .map((r) => r.finishedAt)
    .filter((d): d is string => d !== null)
    .sort();
  const addedMs =
    Math.min(ctx.startedAt, ...reads.map((r) => (r.startedAt ? Date.parse(r.startedAt) : ctx.startedAt))) -
    random.int(1, 90) * DAY_MS;
  const status = STATUS[kind];
  return {
    userBook: {
      id: userBookId,
      userId,
      bookId: spec.book.id,
      editionId: edition?.id ?? null,
      statusId: status,
      rating: status === HardcoverStatus.read && random.chance(0.6) ? random.int(6, 10) / 2 : null,
      dateAdded: ymd(addedMs),
      firstStartedReadingDate: starts[0] ?? null,
      lastReadDate: finishes[finishes.length - 1] ?? null,
      privacySettingId: 1,
      createdAt: isoTimestamp(addedMs + random.int(0, 86_399) * 1000),
    },
    reads,
  };
}

function frac(random: Random, low: number, high: number): number {
  return low + random.next() * (high - low);
}
