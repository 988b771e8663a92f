import type { HcEdition } from '../../upstream/hardcover/shapes.ts';

/** Which Hardcover edition can hold a book's progress, and in what unit. */

export const ReadingFormat = { physical: 1, audio: 2, both: 3, ebook: 4 } as const;

export interface EditionInfo {
  id: number;
  format: number | null;
  pages: number | null;
  seconds: number | null;
}

export type Capacity = { unit: 'seconds' | 'pages'; total: number };

export function editionInfo(edition: HcEdition): EditionInfo {
  return {
    id: edition.id,
    format: edition.reading_format_id,
    pages: edition.pages,
    seconds: edition.audio_seconds,
  };
}

/** Audio editions hold seconds, every other edition pages; null when it has no length to hold either. */
export function capacityOf(edition: EditionInfo | null | undefined): Capacity | null {
  if (!edition) return null;
  if (edition.format === ReadingFormat.audio) {
    return edition.seconds && edition.seconds > 0 ? { unit: 'seconds', total: edition.seconds } : null;
  }
  return edition.pages && edition.pages > 0 ? { unit: 'pages', total: edition.pages } : null;
}

const PREFERENCE: Record<'audio' | 'ebook', readonly number[]> = {
  audio: [ReadingFormat.audio, ReadingFormat.both, ReadingFormat.ebook, ReadingFormat.physical],
  ebook: [ReadingFormat.ebook, ReadingFormat.both, ReadingFormat.physical, ReadingFormat.audio],
};

/**
 * The edition to hold progress for an item of this format: the one its identifier named when it
 * fits the format, else the first of the book's editions in the format's order that can hold it.
 */
export function chooseEdition(
  editions: readonly HcEdition[],
  format: 'audio' | 'ebook',
  namedId?: number,
): EditionInfo | null {
  const infos = editions.map(editionInfo).filter((info) => capacityOf(info) !== null);
  const named = infos.find((info) => info.id === namedId);
  const fits = (info: EditionInfo) => (format === 'audio') === (info.format === ReadingFormat.audio);
  if (named && fits(named)) return named;
  for (const wanted of PREFERENCE[format]) {
    const found = infos.find((info) => info.format === wanted);
    if (found) return found;
  }
  return named ?? null;
}
