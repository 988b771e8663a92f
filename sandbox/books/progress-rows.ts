import type { Random } from '../core/random.ts';
import { DAY_MS } from './dates.ts';
import type { AbsEpisode, AbsItem, AbsMediaProgress } from './world.ts';

/**
 * ABS media-progress rows in every state a sync must handle, shaped as the real server leaves them
 * (e.g. a finished book restarted keeps `progress: 1` with a small currentTime and no finishedAt).
 */
export type ProgressKind =
  | 'just-started'
  | 'below-threshold'
  | 'midway'
  | 'hidden-midway'
  | 'near-end'
  | 'finished'
  | 'finished-marked'
  | 'restarted'
  | 'reread-midway'
  | 'ebook-progress'
  | 'ebook-finished';

export const ALL_PROGRESS_KINDS: readonly ProgressKind[] = [
  'just-started',
  'below-threshold',
  'midway',
  'hidden-midway',
  'near-end',
  'finished',
  'finished-marked',
  'restarted',
  'reread-midway',
  'ebook-progress',
  'ebook-finished',
];

const HOUR_MS = 60 * 60 * 1000;

/** When a row was created and last touched: after the item arrived, before the world's `now`. */
function timeline(
  random: Random,
  addedAt: number,
  now: number,
  recent: boolean,
): { startedAt: number; lastUpdate: number } {
  const earliest = addedAt + HOUR_MS;
  const latest = now - HOUR_MS;
  const lastUpdate = recent
    ? Math.max(earliest + HOUR_MS, latest - random.int(0, 20) * DAY_MS - random.int(0, 23) * HOUR_MS)
    : Math.max(earliest + HOUR_MS, latest - random.int(0, 240) * DAY_MS - random.int(0, 23) * HOUR_MS);
  const startedAt = Math.max(
    earliest,
    lastUpdate - random.int(0, 120) * DAY_MS - random.int(1, 23) * HOUR_MS,
  );
  return { startedAt: Math.min(startedAt, lastUpdate - 60_000), lastUpdate };
}

function epubLocation(random: Random): string {
  return `epubcfi(/6/${random.int(2, 60) * 2}[chapter${random.int(1, 40)}]!/4/2/${random.int(1, 80) * 2}/1:${random.int(0, 400)})`;
}

function frac(random: Random, low: number, high: number): number {
  return low + random.next() * (high - low);
}

/** One progress row of the given kind for a book item. */
export function bookProgress(
  random: Random,
  id: string,
  item: AbsItem,
  kind: ProgressKind,
  now: number,
): AbsMediaProgress {
  const recent = kind === 'just-started' || kind === 'restarted' || kind === 'near-end';
  const { startedAt, lastUpdate } = timeline(random, item.addedAt, now, recent);
  const duration = item.duration;
  const base: AbsMediaProgress = {
    id,
    libraryItemId: item.id,
    episodeId: null,
    duration,
    progress: 0,
    currentTime: 0,
    isFinished: false,
    hideFromContinueListening: false,
    ebookLocation: null,
    ebookProgress: 0,
    startedAt,
    lastUpdate,
    finishedAt: null,
  };
  const at = (fraction: number) => {
    const currentTime = Math.round(duration * fraction * 1e6) / 1e6;
    return { currentTime, progress: duration > 0 ? currentTime / duration : 0 };
  };
  switch (kind) {
    case 'just-started': {
      const currentTime = Math.min(
        duration / 20,
        random.int(20, 400) + Math.round(random.next() * 1000) / 1000,
      );
      return { ...base, currentTime, progress: duration > 0 ? currentTime / duration : 0 };
    }
    case 'below-threshold':
      return { ...base, ...at(frac(random, 0.012, 0.045)) };
    case 'midway':
      return { ...base, ...at(frac(random, 0.15, 0.85)) };
    case 'hidden-midway':
      return { ...base, ...at(frac(random, 0.2, 0.6)), hideFromContinueListening: true };
    case 'near-end': {
      const remaining = random.int(60, 1800);
      const currentTime = Math.max(0, duration - remaining);
      return { ...base, currentTime, progress: duration > 0 ? currentTime / duration : 0 };
    }
    case 'finished':
      return {
        ...base,
        currentTime: Math.max(0, duration - random.int(0, 9)),
        progress: 1,
        isFinished: true,
        finishedAt: lastUpdate,
      };
    case 'finished-marked':
      // "Mark as finished" without listening: no duration or time recorded.
      return { ...base, duration: 0, currentTime: 0, progress: 1, isFinished: true, finishedAt: lastUpdate };
    case 'restarted':
      // Played again after finishing: ABS clears isFinished and finishedAt but leaves progress at 1.
      return {
        ...base,
        currentTime: random.int(30, 900) + Math.round(random.next() * 1000) / 1000,
        progress: 1,
      };
    case 'reread-midway':
      return { ...base, ...at(frac(random, 0.2, 0.7)) };
    case 'ebook-progress':
      return {
        ...base,
        duration: 0,
        ebookProgress: Math.round(frac(random, 0.06, 0.9) * 1e4) / 1e4,
        ebookLocation: epubLocation(random),
      };
    case 'ebook-finished':
      return {
        ...base,
        duration: 0,
        progress: 1,
        isFinished: true,
        ebookProgress: 1,
        ebookLocation: epubLocation(random),
        finishedAt: lastUpdate,
      };
    default:
      return base;
  }
}

/** Rows for some episodes of a podcast: the first finished, the second half-way, the third just begun. */
export function episodeProgress(
  random: Random,
  ids: () => string,
  item: AbsItem,
  count: number,
  now: number,
): AbsMediaProgress[] {
  return item.episodes.slice(0, count).map((episode: AbsEpisode, index) => {
    const { startedAt, lastUpdate } = timeline(
      random,
      Math.max(item.addedAt, episode.publishedAt),
      now,
      index > 0,
    );
    const finished = index === 0;
    const currentTime = finished
      ? episode.duration
      : index === 1
        ? Math.round(episode.duration * frac(random, 0.3, 0.7))
        : random.int(10, 120);
    return {
      id: ids(),
      libraryItemId: item.id,
      episodeId: episode.id,
      duration: episode.duration,
      progress: finished ? 1 : currentTime / episode.duration,
      currentTime,
      isFinished: finished,
      hideFromContinueListening: false,
      ebookLocation: null,
      ebookProgress: 0,
      startedAt,
      lastUpdate,
      finishedAt: finished ? lastUpdate : null,
    };
  });
}
