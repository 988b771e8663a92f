import { describe, expect, it } from 'vitest';
import {
  applyProgressUpdate,
  isInProgress,
  type ProgressState,
} from '../../sandbox/audiobookshelf/progress-update.ts';

const T0 = Date.UTC(2026, 0, 1);
const T1 = T0 + 60_000;
const T2 = T0 + 120_000;

function row(overrides: Partial<ProgressState> = {}): ProgressState {
  return {
    duration: 1000,
    currentTime: 100,
    progress: 0.1,
    isFinished: false,
    hideFromContinueListening: false,
    ebookLocation: null,
    ebookProgress: 0,
    finishedAt: null,
    startedAt: T0,
    lastUpdate: T0,
    ...overrides,
  };
}

const finished = () => row({ currentTime: 995, progress: 1, isFinished: true, finishedAt: T0 });

describe('applyProgressUpdate: the first write', () => {
  it('creates a row with the numbers converted and progress never computed from currentTime', () => {
    const { state, created } = applyProgressUpdate(undefined, { duration: 1000, currentTime: 500 }, T1);
    expect(created).toBe(true);
    expect(state).toMatchObject({
      duration: 1000,
      currentTime: 500,
      progress: 0,
      isFinished: false,
      finishedAt: null,
    });
    expect(state.startedAt).toBe(T1);
    expect(state.lastUpdate).toBe(T1);
  });

  it('stores duration 0 when only currentTime is sent', () => {
    const { state } = applyProgressUpdate(undefined, { currentTime: 250 }, T1);
    expect(state).toMatchObject({ duration: 0, currentTime: 250, progress: 0 });
  });

  it('never auto-finishes, even within the last 10 seconds', () => {
    const { state } = applyProgressUpdate(undefined, { duration: 1000, currentTime: 995 }, T1);
    expect(state.isFinished).toBe(false);
    expect(state.finishedAt).toBeNull();
  });

  it('finishing on the first write stores progress 1, currentTime 0 and duration 0', () => {
    const { state } = applyProgressUpdate(undefined, { isFinished: true }, T1);
    expect(state).toMatchObject({
      isFinished: true,
      progress: 1,
      currentTime: 0,
      duration: 0,
      finishedAt: T1,
    });
  });

  it('keeps a finishedAt sent with isFinished, and ignores progress sent with it', () => {
    const { state } = applyProgressUpdate(
      undefined,
      { isFinished: true, finishedAt: T0 - 5000, progress: 0.3 },
      T1,
    );
    expect(state.finishedAt).toBe(T0 - 5000);
    expect(state.progress).toBe(1);
  });

  it('drops finishedAt when the row is not finished', () => {
    const { state } = applyProgressUpdate(undefined, { currentTime: 10, finishedAt: T0 }, T1);
    expect(state.finishedAt).toBeNull();
  });

  it('takes createdAt as startedAt, ignores startedAt and lastUpdate', () => {
    const { state } = applyProgressUpdate(
      undefined,
      { currentTime: 10, createdAt: T0 - 86_400_000, startedAt: 5, lastUpdate: 7 },
      T1,
    );
    expect(state.startedAt).toBe(T0 - 86_400_000);
    expect(state.lastUpdate).toBe(T1);
  });

  it('converts numbers sent as strings', () => {
    const { state } = applyProgressUpdate(
      undefined,
      { currentTime: '14.5', duration: '100', ebookProgress: '0.25' },
      T1,
    );
    expect(state).toMatchObject({ currentTime: 14.5, duration: 100, ebookProgress: 0.25 });
  });

  it('records ebook progress and location', () => {
    const { state } = applyProgressUpdate(
      undefined,
      { ebookProgress: 0.42, ebookLocation: 'epubcfi(/6/4!/4/2)' },
      T1,
    );
    expect(state).toMatchObject({
      ebookProgress: 0.42,
      ebookLocation: 'epubcfi(/6/4!/4/2)',
      currentTime: 0,
      isFinished: false,
    });
  });

  it('counts the string "false" as finished, as the server does', () => {
    const { state } = applyProgressUpdate(undefined, { isFinished: 'false' }, T1);
    expect(state.isFinished).toBe(true);
  });
});

describe('applyProgressUpdate: later writes', () => {
  it('auto-finishes within 10 seconds of the end on an existing row', () => {
    const first = applyProgressUpdate(undefined, { duration: 1000, currentTime: 995 }, T1).state;
    const { state, created } = applyProgressUpdate(first, { duration: 1000, currentTime: 995 }, T2);
    expect(created).toBe(false);
    expect(state).toMatchObject({ isFinished: true, progress: 1, finishedAt: T2 });
  });

  it('does not auto-finish at exactly 10 seconds left', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: 990 }, T1);
    expect(state.isFinished).toBe(false);
  });

  it('honours markAsFinishedTimeRemaining', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: 950, markAsFinishedTimeRemaining: 60 }, T1);
    expect(state.isFinished).toBe(true);
  });

  it('honours markAsFinishedPercentComplete against currentTime/duration', () => {
    expect(
      applyProgressUpdate(row(), { currentTime: 960, markAsFinishedPercentComplete: 95 }, T1).state
        .isFinished,
    ).toBe(true);
    expect(
      applyProgressUpdate(row(), { currentTime: 940, markAsFinishedPercentComplete: 95 }, T1).state
        .isFinished,
    ).toBe(false);
  });

  it('never auto-finishes without a duration', () => {
    const { state } = applyProgressUpdate(row({ duration: 0 }), { currentTime: 5 }, T1);
    expect(state.isFinished).toBe(false);
  });

  it('ignores progress when isFinished is sent', () => {
    const { state } = applyProgressUpdate(row(), { isFinished: false, progress: 0.7 }, T1);
    expect(state.progress).toBe(0.1);
  });

  it('clamps progress sent alone to 0..1', () => {
    expect(applyProgressUpdate(row(), { progress: 1.7 }, T1).state.progress).toBe(1);
    expect(applyProgressUpdate(row(), { progress: -2 }, T1).state.progress).toBe(0);
    expect(applyProgressUpdate(row(), { progress: '0.55' }, T1).state.progress).toBe(0.55);
  });

  it('does not compute progress from a new currentTime', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: 600 }, T1);
    expect(state.currentTime).toBe(600);
    expect(state.progress).toBe(0.1);
  });

  it('isFinished:true sets finishedAt now and progress 1, keeping a given finishedAt', () => {
    expect(applyProgressUpdate(row(), { isFinished: true }, T1).state).toMatchObject({
      isFinished: true,
      progress: 1,
      finishedAt: T1,
    });
    expect(applyProgressUpdate(row(), { isFinished: true, finishedAt: T0 }, T1).state.finishedAt).toBe(T0);
  });

  it('a repeated isFinished:true with a new finishedAt overwrites the old one', () => {
    const { state } = applyProgressUpdate(finished(), { isFinished: true, finishedAt: T2 }, T2);
    expect(state.finishedAt).toBe(T2);
  });

  it('isFinished:false on a finished row resets progress, currentTime and finishedAt and drops currentTime', () => {
    const { state } = applyProgressUpdate(finished(), { isFinished: false, currentTime: 7.5 }, T1);
    expect(state).toMatchObject({ isFinished: false, progress: 0, currentTime: 0, finishedAt: null });
  });

  it('a restart (new currentTime) un-finishes the row but leaves progress at 1', () => {
    const { state } = applyProgressUpdate(finished(), { duration: 1000, currentTime: 3.25 }, T1);
    expect(state).toMatchObject({ isFinished: false, progress: 1, currentTime: 3.25, finishedAt: null });
  });

  it('keeps a finished row finished when the new currentTime is still near the end', () => {
    const { state } = applyProgressUpdate(finished(), { currentTime: 998 }, T1);
    expect(state).toMatchObject({ isFinished: true, finishedAt: T0 });
  });

  it('stores numbers sent as strings unconverted after the first write', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: '14.5' }, T1);
    expect(state.currentTime).toBe('14.5');
  });

  it('takes lastUpdate on later writes, even backwards, and then reads the numbers back as numbers', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: '14.5', lastUpdate: T0 - 86_400_000 }, T1);
    expect(state.lastUpdate).toBe(T0 - 86_400_000);
    expect(state.currentTime).toBe(14.5);
  });

  it('ignores createdAt and startedAt once the row exists', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: 200, createdAt: 5, startedAt: 6 }, T1);
    expect(state.startedAt).toBe(T0);
  });

  it('leaves lastUpdate alone when nothing changed', () => {
    const { state } = applyProgressUpdate(row(), { currentTime: 100, duration: 1000 }, T1);
    expect(state.lastUpdate).toBe(T0);
  });

  it('clears hideFromContinueListening when the position moves, unless it is sent again', () => {
    const hidden = row({ hideFromContinueListening: true });
    expect(applyProgressUpdate(hidden, { currentTime: 300 }, T1).state.hideFromContinueListening).toBe(false);
    expect(
      applyProgressUpdate(hidden, { currentTime: 300, hideFromContinueListening: true }, T1).state
        .hideFromContinueListening,
    ).toBe(true);
    expect(applyProgressUpdate(hidden, { ebookProgress: 0.5 }, T1).state.hideFromContinueListening).toBe(
      true,
    );
  });

  it('reads "true"/"false" strings as booleans when storing isFinished', () => {
    expect(applyProgressUpdate(finished(), { isFinished: 'true' }, T1).state.isFinished).toBe(true);
  });

  it('does not mutate the row it was given', () => {
    const before = finished();
    const copy = structuredClone(before);
    applyProgressUpdate(before, { isFinished: false }, T1);
    expect(before).toEqual(copy);
  });
});

describe('isInProgress', () => {
  it('is true for unfinished rows with time or ebook progress', () => {
    expect(isInProgress(row())).toBe(true);
    expect(isInProgress(row({ currentTime: 0, ebookProgress: 0.2 }))).toBe(true);
    expect(isInProgress(row({ currentTime: 0 }))).toBe(false);
    expect(isInProgress(finished())).toBe(false);
    expect(isInProgress(row({ currentTime: '3.5' }))).toBe(true);
  });
});
