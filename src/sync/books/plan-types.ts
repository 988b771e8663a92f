import type { HcUserBook } from '../../upstream/hardcover/shapes.ts';
import type { ReadFields } from '../../upstream/hardcover/writes.ts';
import type { EditionInfo } from './editions.ts';
import type { BookProgress } from './progress.ts';

/** The planner's inputs and outputs: plain data, no HTTP, no database. */

export const HardcoverStatus = {
  wantToRead: 1,
  currentlyReading: 2,
  read: 3,
  paused: 4,
  didNotFinish: 5,
  ignored: 6,
} as const;

export interface PlanSettings {
  /** 0..100 */
  minProgress: number;
  autoAdd: boolean;
  /** 0..100 */
  autoAddMinProgress: number;
  /** 0..100: a fall in progress larger than this is held back for review. */
  maxDrop: number;
  onDrop: 'review' | 'write';
  updatePaused: boolean;
  updateDidNotFinish: boolean;
  /** Dates written to Hardcover are calendar dates in this zone. */
  timeZone: string;
}

export interface BookPlanInput {
  progress: BookProgress;
  bookId: number;
  /** The edition matching chose for this item (null when none can hold progress). */
  edition: EditionInfo | null;
  /** The user's entry for the book, or null when it is not on their shelf. */
  userBook: HcUserBook | null;
}

/** One write step; a step without `userBookId` acts on the user book `add_book` creates. */
export type PlanStep =
  | { kind: 'add_book'; bookId: number; editionId: number | null; statusId: number; startDate: string | null }
  /** After `add_book` as Currently Reading: fill the read Hardcover opened, or insert one if it did not. */
  | { kind: 'fill_open_read'; read: ReadFields }
  | { kind: 'insert_read'; userBookId?: number; read: ReadFields }
  | { kind: 'update_read'; readId: number; read: ReadFields }
  | { kind: 'set_status'; userBookId?: number; statusId: number };

export type BookPlan =
  | { outcome: 'already_current'; reason?: string }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'needs_review'; reason: string }
  | { outcome: 'write'; steps: PlanStep[]; summary: string };
