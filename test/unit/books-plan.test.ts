import { describe, expect, it } from 'vitest';
import { planBook } from '../../src/sync/books/plan.ts';
import type { BookPlanInput, PlanSettings } from '../../src/sync/books/plan-types.ts';
import type { BookProgress } from '../../src/sync/books/progress.ts';
import type { HcEdition, HcRead, HcUserBook } from '../../src/upstream/hardcover/shapes.ts';

const settings: PlanSettings = {
  minProgress: 5,
  autoAdd: true,
  autoAddMinProgress: 5,
  maxDrop: 25,
  onDrop: 'review',
  updatePaused: false,
  updateDidNotFinish: false,
  timeZone: 'UTC',
};

const AUDIO: HcEdition = {
  id: 11,
  book_id: 1,
  reading_format_id: 2,
  pages: null,
  audio_seconds: 36_000,
  asin: 'B000000001',
  isbn_10: null,
  isbn_13: null,
};
const PAPER: HcEdition = {
  ...AUDIO,
  id: 12,
  reading_format_id: 1,
  pages: 400,
  audio_seconds: null,
  asin: null,
};
const NO_LENGTH: HcEdition = { ...AUDIO, id: 13, audio_seconds: null };
const audioInfo = { id: 11, format: 2, pages: null, seconds: 36_000 };

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

function progress(over: Partial<BookProgress> = {}): BookProgress {
  return {
    format: 'audio',
    fraction: 0.5,
    finished: false,
    finishedAt: null,
    startedAt: day('2025-03-01'),
    lastUpdate: day('2025-03-20'),
    restarted: false,
    ...over,
  };
}

function read(over: Partial<HcRead> = {}): HcRead {
  return {
    id: 900,
    edition_id: AUDIO.id,
    started_at: '2025-03-02',
    finished_at: null,
    paused_at: null,
    finished_at_precision: null,
    progress_pages: null,
    progress_seconds: 9000,
    edition: AUDIO,
    ...over,
  };
}

function userBook(status: number, reads: HcRead[], edition: HcEdition | null = AUDIO): HcUserBook {
  return { id: 500, book_id: 1, status_id: status, edition, user_book_reads: reads };
}

function input(over: Partial<BookPlanInput> = {}): BookPlanInput {
  return { progress: progress(), bookId: 1, edition: audioInfo, userBook: null, ...over };
}

describe('planBook: thresholds and auto-add', () => {
  it('skips progress below the minimum, whatever the shelf says', () => {
    expect(planBook(input({ progress: progress({ fraction: 0.04 }) }), settings)).toMatchObject({
      outcome: 'skipped',
    });
    expect(
      planBook(input({ progress: progress({ fraction: 0.04 }), userBook: userBook(2, [read()]) }), settings),
    ).toMatchObject({ outcome: 'skipped' });
  });

  it('writes progress at exactly the minimum', () => {
    expect(planBook(input({ progress: progress({ fraction: 0.05 }) }), settings).outcome).toBe('write');
  });

  it('leaves books off the shelf alone when auto-add is off', () => {
    expect(planBook(input(), { ...settings, autoAdd: false })).toMatchObject({ outcome: 'skipped' });
  });

  it('waits for the auto-add threshold before adding', () => {
    const plan = planBook(input({ progress: progress({ fraction: 0.1 }) }), {
      ...settings,
      autoAddMinProgress: 20,
    });
    expect(plan).toMatchObject({ outcome: 'skipped' });
  });

  it('adds an in-progress book as Currently Reading and fills its read in seconds', () => {
    const plan = planBook(input(), settings);
    expect(plan).toEqual({
      outcome: 'write',
      summary: 'add as currently reading',
      steps: [
        { kind: 'add_book', bookId: 1, editionId: 11, statusId: 2, startDate: '2025-03-01' },
        {
          kind: 'fill_open_read',
          read: {
            edition_id: 11,
            started_at: '2025-03-01',
            finished_at: null,
            finished_at_precision: null,
            progress_seconds: 18_000,
            progress_pages: null,
          },
        },
      ],
    });
  });

  it('never adds a finished book directly as Read: want-to-read, then the dated read, then Read', () => {
    const plan = planBook(
      input({ progress: progress({ finished: true, fraction: 1, finishedAt: day('2025-04-02') }) }),
      settings,
    );
    expect(plan.outcome).toBe('write');
    if (plan.outcome !== 'write') return;
    expect(plan.steps.map((s) => s.kind)).toEqual(['add_book', 'insert_read', 'set_status']);
    expect(plan.steps[0]).toMatchObject({ statusId: 1 });
    expect(plan.steps[1]).toMatchObject({ read: { started_at: '2025-03-01', finished_at: '2025-04-02' } });
    expect(plan.steps[2]).toMatchObject({ statusId: 3 });
  });

  it('sends a new book whose editions hold no length to review', () => {
    expect(planBook(input({ edition: null }), settings)).toMatchObject({ outcome: 'needs_review' });
    expect(
      planBook(input({ edition: { id: 13, format: 2, pages: null, seconds: null } }), settings),
    ).toMatchObject({
      outcome: 'needs_review',
    });
  });
});

describe('planBook: progress on the shelf', () => {
  it('updates the open read, sending every field and keeping its start date', () => {
    const plan = planBook(input({ userBook: userBook(2, [read()]) }), settings);
    expect(plan).toEqual({
      outcome: 'write',
      summary: 'update progress',
      steps: [
        {
          kind: 'update_read',
          readId: 900,
          read: {
            edition_id: 11,
            started_at: '2025-03-02',
            finished_at: null,
            finished_at_precision: null,
            progress_seconds: 18_000,
            progress_pages: null,
          },
        },
      ],
    });
  });

  it('fills a missing start date from Audiobookshelf', () => {
    const plan = planBook(input({ userBook: userBook(2, [read({ started_at: null })]) }), settings);
    expect(plan).toMatchObject({ steps: [{ read: { started_at: '2025-03-01' } }] });
  });

  it('is already current when Hardcover has the same position', () => {
    const plan = planBook(input({ userBook: userBook(2, [read({ progress_seconds: 18_000 })]) }), settings);
    expect(plan.outcome).toBe('already_current');
    const close = planBook(input({ userBook: userBook(2, [read({ progress_seconds: 17_950 })]) }), settings);
    expect(close.outcome).toBe('already_current');
    const far = planBook(input({ userBook: userBook(2, [read({ progress_seconds: 17_900 })]) }), settings);
    expect(far.outcome).toBe('write');
  });

  it("keeps the user's page edition and writes pages to it", () => {
    const plan = planBook(
      input({
        userBook: userBook(
          2,
          [read({ edition_id: 12, edition: PAPER, progress_seconds: null, progress_pages: 100 })],
          PAPER,
        ),
      }),
      settings,
    );
    expect(plan).toMatchObject({
      steps: [{ read: { edition_id: 12, progress_pages: 200, progress_seconds: null } }],
    });
  });

  it("falls back to the matched edition when the user's edition has no length", () => {
    const plan = planBook(
      input({
        userBook: userBook(
          2,
          [read({ edition_id: 13, edition: NO_LENGTH, progress_seconds: null })],
          NO_LENGTH,
        ),
      }),
      settings,
    );
    expect(plan).toMatchObject({ steps: [{ read: { edition_id: 11, progress_seconds: 18_000 } }] });
  });

  it('sends a shelf book no edition can hold to review instead of skipping it silently', () => {
    const plan = planBook(input({ edition: null, userBook: userBook(2, [], NO_LENGTH) }), settings);
    expect(plan).toMatchObject({ outcome: 'needs_review' });
  });

  it('holds back a large unexplained drop for review', () => {
    const plan = planBook(
      input({
        progress: progress({ fraction: 0.2 }),
        userBook: userBook(2, [read({ progress_seconds: 30_000 })]),
      }),
      settings,
    );
    expect(plan).toMatchObject({ outcome: 'needs_review' });
  });

  it('writes a drop within the limit, and any drop when configured to', () => {
    const small = planBook(
      input({
        progress: progress({ fraction: 0.6 }),
        userBook: userBook(2, [read({ progress_seconds: 27_000 })]),
      }),
      settings,
    );
    expect(small.outcome).toBe('write');
    const large = planBook(
      input({
        progress: progress({ fraction: 0.2 }),
        userBook: userBook(2, [read({ progress_seconds: 30_000 })]),
      }),
      { ...settings, onDrop: 'write' },
    );
    expect(large.outcome).toBe('write');
  });

  it('turns Want to Read into Currently Reading, with the read in place before the status', () => {
    const plan = planBook(input({ userBook: userBook(1, []) }), settings);
    expect(plan).toMatchObject({
      outcome: 'write',
      steps: [
        {
          kind: 'insert_read',
          userBookId: 500,
          read: { started_at: '2025-03-01', progress_seconds: 18_000 },
        },
        { kind: 'set_status', userBookId: 500, statusId: 2 },
      ],
    });
  });

  it('leaves paused and did-not-finish books alone unless configured', () => {
    expect(planBook(input({ userBook: userBook(4, [read()]) }), settings)).toMatchObject({
      outcome: 'skipped',
    });
    expect(planBook(input({ userBook: userBook(5, [read()]) }), settings)).toMatchObject({
      outcome: 'skipped',
    });
    expect(planBook(input({ userBook: userBook(6, []) }), settings)).toMatchObject({ outcome: 'skipped' });
    const paused = planBook(input({ userBook: userBook(4, [read()]) }), { ...settings, updatePaused: true });
    expect(paused).toMatchObject({
      outcome: 'write',
      steps: [{ kind: 'update_read' }, { kind: 'set_status', statusId: 2 }],
    });
    const dnf = planBook(input({ userBook: userBook(5, [read()]) }), {
      ...settings,
      updateDidNotFinish: true,
    });
    expect(dnf.outcome).toBe('write');
  });
});

describe('planBook: finishing and re-reading', () => {
  const finished = progress({ finished: true, fraction: 1, finishedAt: day('2025-04-02') });

  it('finishes the open read on the ABS finish date, then marks the book Read', () => {
    const plan = planBook(input({ progress: finished, userBook: userBook(2, [read()]) }), settings);
    expect(plan).toMatchObject({
      outcome: 'write',
      steps: [
        {
          kind: 'update_read',
          readId: 900,
          read: { started_at: '2025-03-02', finished_at: '2025-04-02', progress_seconds: 36_000 },
        },
        { kind: 'set_status', statusId: 3 },
      ],
    });
  });

  it('writes nothing when Hardcover already shows the same finish (a day apart counts as the same)', () => {
    const done = userBook(3, [read({ finished_at: '2025-04-02' })]);
    expect(planBook(input({ progress: finished, userBook: done }), settings).outcome).toBe('already_current');
    const tz = userBook(3, [read({ finished_at: '2025-04-03' })]);
    expect(planBook(input({ progress: finished, userBook: tz }), settings).outcome).toBe('already_current');
  });

  it('adds a finished read for a later finish, and leaves an earlier one alone', () => {
    const earlier = userBook(3, [read({ started_at: '2024-01-01', finished_at: '2024-02-01' })]);
    const plan = planBook(input({ progress: finished, userBook: earlier }), settings);
    expect(plan).toMatchObject({
      outcome: 'write',
      steps: [{ kind: 'insert_read', read: { finished_at: '2025-04-02' } }],
    });
    if (plan.outcome === 'write') expect(plan.steps).toHaveLength(1);
    const later = userBook(3, [read({ finished_at: '2025-09-01' })]);
    expect(planBook(input({ progress: finished, userBook: later }), settings).outcome).toBe(
      'already_current',
    );
  });

  it('adds the dated read to a Want-to-Read book before setting Read', () => {
    const plan = planBook(input({ progress: finished, userBook: userBook(1, []) }), settings);
    expect(plan).toMatchObject({
      steps: [
        { kind: 'insert_read', read: { started_at: '2025-03-01', finished_at: '2025-04-02' } },
        { kind: 'set_status', statusId: 3 },
      ],
    });
  });

  it('opens a new read for a finished book restarted in Audiobookshelf, dated at the last listen', () => {
    const restarted = progress({
      fraction: 0.1,
      restarted: true,
      startedAt: day('2025-01-01'),
      lastUpdate: day('2025-05-05'),
    });
    const plan = planBook(
      input({
        progress: restarted,
        userBook: userBook(3, [read({ finished_at: '2025-02-01', started_at: '2025-01-01' })]),
      }),
      settings,
    );
    expect(plan).toMatchObject({
      outcome: 'write',
      steps: [
        {
          kind: 'insert_read',
          read: { started_at: '2025-05-05', finished_at: null, progress_seconds: 3600 },
        },
        { kind: 'set_status', statusId: 2 },
      ],
    });
  });

  it('opens a re-read started after the last finish with the ABS start date', () => {
    const plan = planBook(
      input({ userBook: userBook(3, [read({ started_at: '2024-01-01', finished_at: '2024-06-01' })]) }),
      settings,
    );
    expect(plan).toMatchObject({
      steps: [{ kind: 'insert_read', read: { started_at: '2025-03-01' } }, { statusId: 2 }],
    });
  });

  it('does not reopen a book Hardcover shows finished after the last listen', () => {
    const plan = planBook(input({ userBook: userBook(3, [read({ finished_at: '2025-06-01' })]) }), settings);
    expect(plan).toMatchObject({ outcome: 'skipped' });
  });

  it('reviews a restart while Hardcover still has an unfinished read further along', () => {
    const restarted = progress({ fraction: 0.02 * 5, restarted: true });
    const plan = planBook(
      input({ progress: restarted, userBook: userBook(2, [read({ progress_seconds: 34_000 })]) }),
      settings,
    );
    expect(plan).toMatchObject({ outcome: 'needs_review' });
  });

  it('never leaves two open reads: with an open read, a re-read updates it rather than adding one', () => {
    const plan = planBook(
      input({
        userBook: userBook(3, [
          read({ finished_at: '2024-01-01', id: 1 }),
          read({ id: 2, progress_seconds: 1000 }),
        ]),
      }),
      settings,
    );
    expect(plan).toMatchObject({
      steps: [
        { kind: 'update_read', readId: 2 },
        { kind: 'set_status', statusId: 2 },
      ],
    });
  });
});

describe('planBook: restarts below the minimum', () => {
  it('opens the re-read of a restarted finished book even before the minimum progress', () => {
    const restarted = progress({ fraction: 0.01, restarted: true, lastUpdate: day('2025-05-05') });
    const plan = planBook(
      input({ progress: restarted, userBook: userBook(3, [read({ finished_at: '2025-02-01' })]) }),
      settings,
    );
    expect(plan).toMatchObject({
      outcome: 'write',
      steps: [{ kind: 'insert_read' }, { kind: 'set_status', statusId: 2 }],
    });
  });

  it('still needs the auto-add threshold to add a restarted book to the shelf', () => {
    const restarted = progress({ fraction: 0.01, restarted: true });
    expect(planBook(input({ progress: restarted }), settings)).toMatchObject({ outcome: 'skipped' });
  });
});
