/**
 * How Audiobookshelf v2.36 creates and updates a media-progress row from a PATCH payload, as a pure
 * function. It follows the server (User.createUpdateMediaProgressFromPayload and
 * MediaProgress.applyProgressUpdate) including its quirks, because clients must cope with them:
 * - the first write converts numbers and never auto-finishes; later writes store values as sent
 *   (so `"14.5"` stays a string) and auto-finish near the end;
 * - `progress` is ignored whenever `isFinished` is sent, and is never computed from `currentTime`;
 * - `isFinished:false` on a finished row resets progress, currentTime and finishedAt;
 * - a changed currentTime un-finishes a finished row (leaving progress at 1) unless still near the end;
 * - `createdAt` only counts on the first write, `startedAt` never; `lastUpdate` only on later writes.
 */

/** A JSON value as a client sent it; some fields keep it unconverted. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ProgressState {
  duration: JsonValue;
  currentTime: JsonValue;
  /** Stored apart from the other numbers (extraData.progress), 0..1. */
  progress: number;
  isFinished: boolean;
  hideFromContinueListening: boolean;
  ebookLocation: JsonValue;
  ebookProgress: JsonValue;
  finishedAt: number | null;
  /** The row's createdAt, in ms. */
  startedAt: number;
  /** The row's updatedAt, in ms. */
  lastUpdate: number;
}

export type ProgressPatch = Readonly<Record<string, JsonValue | undefined>>;

export interface ProgressUpdateResult {
  state: ProgressState;
  created: boolean;
}

/** JavaScript's global isNaN: numbers, numeric strings, booleans and null all count as numbers. */
function isNaNLike(value: JsonValue | undefined): boolean {
  return Number.isNaN(Number(value));
}

function isNullOrNaN(value: JsonValue | undefined): boolean {
  return value === null || isNaNLike(value);
}

function truthy(value: JsonValue | undefined): boolean {
  return Boolean(value);
}

/** Sequelize's BOOLEAN sanitizer: "true"/"false" and 1/0 become booleans, anything else stays as is. */
function sanitizeBoolean(value: JsonValue | undefined): boolean {
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return Boolean(value);
}

/** Sequelize's DATE sanitizer followed by `valueOf()`; an invalid date reads back as null. */
function toDateMs(value: JsonValue | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  const ms = new Date(typeof value === 'boolean' ? Number(value) : value).valueOf();
  return Number.isNaN(ms) ? null : ms;
}

function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** MediaProgress.progress (the getter): currentTime/duration, clamped; 0 without a duration. */
function computedProgress(state: ProgressState): number {
  if (!truthy(state.duration)) return 0;
  return Math.max(0, Math.min(Number(state.currentTime) / Number(state.duration), 1));
}

function create(patch: ProgressPatch, now: number): ProgressState {
  const isFinished = truthy(patch.isFinished);
  const startedAt = truthy(patch.createdAt) ? (toDateMs(patch.createdAt) ?? now) : now;
  return {
    duration: isNullOrNaN(patch.duration) ? 0 : Number(patch.duration),
    currentTime: isNullOrNaN(patch.currentTime) ? 0 : Number(patch.currentTime),
    progress: isFinished ? 1 : isNullOrNaN(patch.progress) ? 0 : Number(patch.progress),
    isFinished,
    hideFromContinueListening: truthy(patch.hideFromContinueListening),
    ebookLocation: truthy(patch.ebookLocation) ? (patch.ebookLocation ?? null) : null,
    ebookProgress: isNullOrNaN(patch.ebookProgress) ? 0 : Number(patch.ebookProgress),
    finishedAt: isFinished ? ((truthy(patch.finishedAt) ? toDateMs(patch.finishedAt) : null) ?? now) : null,
    startedAt,
    lastUpdate: now,
  };
}

/** What SQLite hands back after the server reloads a row: numeric text in a FLOAT column is a number. */
function reloaded(value: JsonValue): JsonValue {
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (typeof value === 'boolean') return Number(value);
  return value;
}

function update(row: ProgressState, patch: ProgressPatch, now: number): ProgressState {
  const payload: Record<string, JsonValue | undefined> = { ...patch };
  const state: ProgressState = { ...row };
  let forcedChange = false;
  let currentTimeChanged = false;
  const setCurrentTime = (value: JsonValue) => {
    if (!sameValue(state.currentTime, value)) currentTimeChanged = true;
    state.currentTime = value;
  };

  if (payload.isFinished !== undefined) {
    if (truthy(payload.isFinished) && !state.isFinished) {
      state.finishedAt = truthy(payload.finishedAt) ? toDateMs(payload.finishedAt) : now;
      state.progress = 1;
      forcedChange = true;
      delete payload.finishedAt;
    } else if (!truthy(payload.isFinished) && state.isFinished) {
      state.finishedAt = null;
      state.progress = 0;
      setCurrentTime(0);
      forcedChange = true;
      delete payload.finishedAt;
      delete payload.currentTime;
    }
  } else if (!isNaNLike(payload.progress) && payload.progress !== computedProgress(state)) {
    state.progress = Math.min(1, Math.max(0, Number(payload.progress)));
    forcedChange = true;
  }

  // Model.set(payload): only the model's own columns; createdAt is read-only once the row exists.
  if (payload.duration !== undefined) state.duration = payload.duration;
  if (payload.currentTime !== undefined) setCurrentTime(payload.currentTime);
  if (payload.isFinished !== undefined) state.isFinished = sanitizeBoolean(payload.isFinished);
  if (payload.hideFromContinueListening !== undefined) {
    state.hideFromContinueListening = sanitizeBoolean(payload.hideFromContinueListening);
  }
  if (payload.ebookLocation !== undefined) state.ebookLocation = payload.ebookLocation;
  if (payload.ebookProgress !== undefined) state.ebookProgress = payload.ebookProgress;
  if (payload.finishedAt !== undefined) state.finishedAt = toDateMs(payload.finishedAt);

  if (currentTimeChanged && !truthy(payload.hideFromContinueListening))
    state.hideFromContinueListening = false;

  let shouldFinish = false;
  if (truthy(state.duration)) {
    const percent = payload.markAsFinishedPercentComplete;
    if (!isNullOrNaN(percent) && Number(percent) > 0) {
      shouldFinish = Number(percent) / 100 < computedProgress(state);
    } else {
      const remaining = payload.markAsFinishedTimeRemaining;
      const limit = isNullOrNaN(remaining) ? 10 : Number(remaining);
      shouldFinish = Number(state.duration) - Number(state.currentTime) < limit;
    }
  }
  if (!state.isFinished && shouldFinish) {
    state.isFinished = true;
    state.finishedAt = state.finishedAt || now;
    state.progress = 1;
    forcedChange = true;
  } else if (state.isFinished && currentTimeChanged && !shouldFinish) {
    state.isFinished = false;
    state.finishedAt = null;
  }

  // Sequelize's save() skips the UPDATE (and keeps updatedAt) when nothing changed.
  if (forcedChange || changedFields(row, state)) state.lastUpdate = now;

  if (truthy(payload.lastUpdate)) {
    const lastUpdate = toDateMs(payload.lastUpdate);
    if (lastUpdate !== null) {
      state.lastUpdate = lastUpdate;
      state.duration = reloaded(state.duration);
      state.currentTime = reloaded(state.currentTime);
      state.ebookProgress = reloaded(state.ebookProgress);
    }
  }
  return state;
}

function changedFields(before: ProgressState, after: ProgressState): boolean {
  return (
    !sameValue(before.duration, after.duration) ||
    !sameValue(before.currentTime, after.currentTime) ||
    before.progress !== after.progress ||
    before.isFinished !== after.isFinished ||
    before.hideFromContinueListening !== after.hideFromContinueListening ||
    !sameValue(before.ebookLocation, after.ebookLocation) ||
    !sameValue(before.ebookProgress, after.ebookProgress) ||
    before.finishedAt !== after.finishedAt
  );
}

/** Creates the row (`row` undefined) or updates it, at time `now` (ms). Never mutates its inputs. */
export function applyProgressUpdate(
  row: ProgressState | undefined,
  patch: ProgressPatch,
  now: number,
): ProgressUpdateResult {
  if (row === undefined) return { state: create(patch, now), created: true };
  return { state: update(row, patch, now), created: false };
}

/** Whether ABS counts a row as "in progress" (items-in-progress): unfinished with time or ebook progress. */
export function isInProgress(state: ProgressState): boolean {
  return !state.isFinished && (Number(state.currentTime) > 0 || Number(state.ebookProgress) > 0);
}
