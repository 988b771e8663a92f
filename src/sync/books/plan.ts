import type { HcRead, HcUserBook } from '../../upstream/hardcover/shapes.ts';
import type { ReadFields } from '../../upstream/hardcover/writes.ts';
import { type Capacity, capacityOf, type EditionInfo, editionInfo } from './editions.ts';
import {
  type BookPlan,
  type BookPlanInput,
  HardcoverStatus,
  type PlanSettings,
  type PlanStep,
} from './plan-types.ts';

/**
 * The rules of the books sync, as one pure function: what Audiobookshelf says, what Hardcover has
 * and the settings in; one outcome and the writes to make out. Writes are ordered so the result is
 * the same whether or not Hardcover opens a read by itself when a status becomes Currently Reading:
 * a read is always in place before the status changes.
 */

const DAY_MS = 86_400_000;
/** Differences this small are not worth a write. */
const TOLERANCE = { seconds: 60, pages: 1 } as const;

/** Building a formatter costs far more than using one, and every book's plan needs dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

function dayFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      format = null;
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

export function calendarDate(ms: number, timeZone: string): string {
  try {
    const format = dayFormat(timeZone);
    if (format) return format.format(ms);
  } catch {
    // an instant outside what the formatter takes
  }
  return new Date(ms).toISOString().slice(0, 10);
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
}

function amountOf(capacity: Capacity, fraction: number): number {
  return Math.floor(capacity.total * Math.min(1, Math.max(0, fraction)));
}

function progressFields(capacity: Capacity | null, fraction: number) {
  return {
    progress_seconds: capacity?.unit === 'seconds' ? amountOf(capacity, fraction) : null,
    progress_pages: capacity?.unit === 'pages' ? amountOf(capacity, fraction) : null,
  };
}

function readFraction(read: HcRead, capacity: Capacity | null): number | null {
  if (!capacity) return null;
  const amount = capacity.unit === 'seconds' ? read.progress_seconds : read.progress_pages;
  return amount === null ? null : amount / capacity.total;
}

const openReadOf = (userBook: HcUserBook) =>
  userBook.user_book_reads.filter((read) => read.finished_at === null).at(-1);

/** The user's own edition wherever it can hold progress: the open read's, the shelf's, then ours. */
function editionFor(userBook: HcUserBook | null, open: HcRead | undefined, ours: EditionInfo | null) {
  const candidates = [
    open?.edition ? editionInfo(open.edition) : null,
    userBook?.edition ? editionInfo(userBook.edition) : null,
    ours,
  ];
  for (const candidate of candidates) {
    const capacity = capacityOf(candidate);
    if (candidate && capacity) return { edition: candidate, capacity };
  }
  return null;
}

const STATUS_SKIPS: Record<number, string> = {
  [HardcoverStatus.paused]: 'paused in Hardcover',
  [HardcoverStatus.didNotFinish]: 'marked did-not-finish in Hardcover',
  [HardcoverStatus.ignored]: 'ignored in Hardcover',
};

export function planBook(input: BookPlanInput, settings: PlanSettings): BookPlan {
  const { progress, userBook } = input;
  const percent = progress.fraction * 100;
  // A restart is a deliberate act (finished, then played again), so it counts from the first minute.
  if (!progress.finished && !progress.restarted && percent < settings.minProgress) {
    return { outcome: 'skipped', reason: `below the ${settings.minProgress}% minimum progress` };
  }
  if (!userBook) return planNewBook(input, settings);

  const status = userBook.status_id;
  const allowed =
    (status === HardcoverStatus.paused && settings.updatePaused) ||
    (status === HardcoverStatus.didNotFinish && settings.updateDidNotFinish);
  const skip = STATUS_SKIPS[status];
  if (skip && !allowed) return { outcome: 'skipped', reason: skip };
  return progress.finished
    ? planFinished(input, userBook, settings)
    : planInProgress(input, userBook, settings);
}

function planNewBook(input: BookPlanInput, settings: PlanSettings): BookPlan {
  const { progress } = input;
  if (!settings.autoAdd)
    return { outcome: 'skipped', reason: 'not on your Hardcover shelf (auto_add is off)' };
  if (!progress.finished && progress.fraction * 100 < settings.autoAddMinProgress) {
    return { outcome: 'skipped', reason: `below the ${settings.autoAddMinProgress}% needed to add it` };
  }
  const capacity = capacityOf(input.edition);
  const startDate = progress.startedAt === null ? null : calendarDate(progress.startedAt, settings.timeZone);
  if (progress.finished) {
    const finishDate = calendarDate(progress.finishedAt ?? Date.now(), settings.timeZone);
    return {
      outcome: 'write',
      summary: 'add as read',
      steps: [
        {
          kind: 'add_book',
          bookId: input.bookId,
          editionId: input.edition?.id ?? null,
          statusId: 1,
          startDate: null,
        },
        {
          kind: 'insert_read',
          read: {
            edition_id: input.edition?.id ?? null,
            started_at: startDate,
            finished_at: finishDate,
            finished_at_precision: null,
            ...progressFields(capacity, 1),
          },
        },
        { kind: 'set_status', statusId: HardcoverStatus.read },
      ],
    };
  }
  if (!capacity || !input.edition) {
    return {
      outcome: 'needs_review',
      reason: 'no Hardcover edition of this book has a length to hold progress',
    };
  }
  return {
    outcome: 'write',
    summary: 'add as currently reading',
    steps: [
      {
        kind: 'add_book',
        bookId: input.bookId,
        editionId: input.edition.id,
        statusId: HardcoverStatus.currentlyReading,
        startDate,
      },
      {
        kind: 'fill_open_read',
        read: {
          edition_id: input.edition.id,
          started_at: startDate,
          finished_at: null,
          finished_at_precision: null,
          ...progressFields(capacity, input.progress.fraction),
        },
      },
    ],
  };
}

function planFinished(input: BookPlanInput, userBook: HcUserBook, settings: PlanSettings): BookPlan {
  const { progress } = input;
  const finishDate = calendarDate(progress.finishedAt ?? Date.now(), settings.timeZone);
  const startDate = progress.startedAt === null ? null : calendarDate(progress.startedAt, settings.timeZone);
  const finishes = userBook.user_book_reads.flatMap((read) => (read.finished_at ? [read.finished_at] : []));
  const open = openReadOf(userBook);
  const setRead: PlanStep[] =
    userBook.status_id === HardcoverStatus.read
      ? []
      : [{ kind: 'set_status', userBookId: userBook.id, statusId: HardcoverStatus.read }];
  // Dates within a day are the same finish seen through two time zones.
  if (finishes.some((date) => daysApart(date, finishDate) <= 1)) {
    return setRead.length === 0
      ? { outcome: 'already_current' }
      : { outcome: 'write', summary: 'mark read', steps: setRead };
  }
  const chosen = editionFor(userBook, open, input.edition);
  if (open) {
    const read: ReadFields = {
      edition_id: open.edition_id ?? chosen?.edition.id ?? null,
      started_at: open.started_at ?? startDate,
      finished_at: finishDate,
      finished_at_precision: open.finished_at_precision,
      ...progressFields(chosen?.capacity ?? null, 1),
    };
    return {
      outcome: 'write',
      summary: 'finish the open read',
      steps: [{ kind: 'update_read', readId: open.id, read }, ...setRead],
    };
  }
  const latest = finishes.sort().at(-1);
  if (userBook.status_id === HardcoverStatus.read && latest && latest > finishDate) {
    return { outcome: 'already_current', reason: 'Hardcover has a later finish' };
  }
  const read: ReadFields = {
    edition_id: chosen?.edition.id ?? null,
    started_at: startDate,
    finished_at: finishDate,
    finished_at_precision: null,
    ...progressFields(chosen?.capacity ?? null, 1),
  };
  return {
    outcome: 'write',
    summary: latest ? 'add another finished read' : 'add the finished read',
    steps: [{ kind: 'insert_read', userBookId: userBook.id, read }, ...setRead],
  };
}

function planInProgress(input: BookPlanInput, userBook: HcUserBook, settings: PlanSettings): BookPlan {
  const { progress } = input;
  const open = openReadOf(userBook);
  const chosen = editionFor(userBook, open, input.edition);
  if (!chosen) {
    return {
      outcome: 'needs_review',
      reason: 'no Hardcover edition of this book has a length to hold progress',
    };
  }
  const { edition, capacity } = chosen;
  const fields = progressFields(capacity, progress.fraction);
  const toReading: PlanStep[] =
    userBook.status_id === HardcoverStatus.currentlyReading
      ? []
      : [{ kind: 'set_status', userBookId: userBook.id, statusId: HardcoverStatus.currentlyReading }];
  const startDate = progress.startedAt === null ? null : calendarDate(progress.startedAt, settings.timeZone);

  if (open) {
    const before = readFraction(open, capacityOf(open.edition ? editionInfo(open.edition) : edition));
    const drop = before === null ? 0 : (before - progress.fraction) * 100;
    if (drop > settings.maxDrop && settings.onDrop === 'review') {
      return {
        outcome: 'needs_review',
        reason: progress.restarted
          ? 'restarted in Audiobookshelf while Hardcover still has an unfinished read'
          : `progress fell by ${Math.round(drop)} points since Hardcover's last update`,
      };
    }
    const current = capacity.unit === 'seconds' ? open.progress_seconds : open.progress_pages;
    const target = capacity.unit === 'seconds' ? fields.progress_seconds : fields.progress_pages;
    const sameEdition = (open.edition_id ?? edition.id) === edition.id;
    if (
      toReading.length === 0 &&
      sameEdition &&
      current !== null &&
      target !== null &&
      Math.abs(current - target) < TOLERANCE[capacity.unit]
    ) {
      return { outcome: 'already_current' };
    }
    const read: ReadFields = {
      edition_id: edition.id,
      started_at: open.started_at ?? startDate,
      finished_at: null,
      finished_at_precision: open.finished_at_precision,
      ...fields,
    };
    return {
      outcome: 'write',
      summary: 'update progress',
      steps: [{ kind: 'update_read', readId: open.id, read }, ...toReading],
    };
  }

  const finishes = userBook.user_book_reads.flatMap((read) => (read.finished_at ? [read.finished_at] : []));
  const lastFinish = finishes.sort().at(-1) ?? null;
  let started = startDate;
  if (lastFinish !== null) {
    const lastUpdate =
      progress.lastUpdate === null ? null : calendarDate(progress.lastUpdate, settings.timeZone);
    if (!progress.restarted && (lastUpdate === null || lastUpdate <= lastFinish)) {
      return { outcome: 'skipped', reason: 'Hardcover shows it finished after this progress' };
    }
    // A re-read: ABS keeps the first start on the row, so the new read starts at the last listen.
    if (started === null || started <= lastFinish) started = lastUpdate;
  }
  const read: ReadFields = {
    edition_id: edition.id,
    started_at: started,
    finished_at: null,
    finished_at_precision: null,
    ...fields,
  };
  return {
    outcome: 'write',
    summary: lastFinish ? 'start a re-read' : 'start reading',
    steps: [{ kind: 'insert_read', userBookId: userBook.id, read }, ...toReading],
  };
}
