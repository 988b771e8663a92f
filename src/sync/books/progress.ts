/** What an Audiobookshelf progress row says, read the way the real server writes it. */

export interface AbsProgressRow {
  libraryItemId: string;
  duration?: number | null | undefined;
  progress?: number | null | undefined;
  currentTime?: number | null | undefined;
  isFinished: boolean;
  ebookProgress?: number | null | undefined;
  lastUpdate?: number | null | undefined;
  startedAt?: number | null | undefined;
  finishedAt?: number | null | undefined;
}

export interface AbsItemFacts {
  /** Seconds of audio; 0 when none. */
  duration: number;
  hasAudio: boolean;
  hasEbook: boolean;
}

export interface BookProgress {
  format: 'audio' | 'ebook';
  /** 0..1, from the position (not ABS's `progress`, which the server never recomputes). */
  fraction: number;
  finished: boolean;
  /** Epoch ms, from ABS `finishedAt` (or the last update when a finished row has none). */
  finishedAt: number | null;
  startedAt: number | null;
  lastUpdate: number | null;
  /** Finished once, then played again: ABS keeps `progress` 1 and clears `isFinished`. */
  restarted: boolean;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function readProgress(row: AbsProgressRow, item: AbsItemFacts): BookProgress {
  const currentTime = row.currentTime ?? 0;
  const ebookProgress = row.ebookProgress ?? 0;
  const format: BookProgress['format'] =
    (!item.hasAudio && (item.hasEbook || ebookProgress > 0)) || (ebookProgress > 0 && currentTime <= 0)
      ? 'ebook'
      : 'audio';
  const duration = row.duration && row.duration > 0 ? row.duration : item.duration;
  const position =
    format === 'ebook' ? clamp(ebookProgress) : duration > 0 ? clamp(currentTime / duration) : 0;
  const finished = row.isFinished;
  const restarted = !finished && (row.progress ?? 0) >= 0.99 && position < 0.97;
  return {
    format,
    fraction: finished ? 1 : position,
    finished,
    finishedAt: finished ? (row.finishedAt ?? row.lastUpdate ?? null) : null,
    startedAt: row.startedAt ?? null,
    lastUpdate: row.lastUpdate ?? null,
    restarted,
  };
}

/** Changes whenever the row says something new; equal fingerprints mean nothing to do. */
export function progressFingerprint(row: AbsProgressRow): string {
  return [
    row.lastUpdate ?? 0,
    row.isFinished ? 1 : 0,
    Math.round((row.currentTime ?? 0) * 10) / 10,
    Math.round((row.ebookProgress ?? 0) * 1e4) / 1e4,
    row.finishedAt ?? 0,
  ].join(':');
}
