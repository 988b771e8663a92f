import { describe, expect, it } from 'vitest';
import { itemIdentifiers, normaliseAsin, normaliseIsbn } from '../../src/sync/books/identifiers.ts';
import { progressFingerprint, readProgress } from '../../src/sync/books/progress.ts';

describe('ISBN and ASIN normalisation', () => {
  it.each([
    ['978-0-547-92822-7', { isbn10: '054792822X', isbn13: '9780547928227' }],
    ['054792822X', { isbn10: '054792822X', isbn13: '9780547928227' }],
    ['0-547-92822-x', { isbn10: '054792822X', isbn13: '9780547928227' }],
    ['9798314236550', { isbn10: null, isbn13: '9798314236550' }],
    [' 1453138617 ', { isbn10: '1453138617', isbn13: '9781453138618' }],
  ])('%s → both forms', (raw, expected) => {
    expect(normaliseIsbn(raw)).toEqual(expected);
  });

  it.each(['9780547928228', '0547928221', '12345', 'B085KRDEC5', ''])('%s is no valid ISBN', (raw) => {
    expect(normaliseIsbn(raw)).toBeNull();
  });

  it('accepts ASINs with a letter, in any case', () => {
    expect(normaliseAsin('b085krdec5')).toBe('B085KRDEC5');
    expect(normaliseAsin('1234567890')).toBeNull();
    expect(normaliseAsin('B085')).toBeNull();
  });

  it('tries an ISBN typed into the ASIN field as an ISBN', () => {
    expect(itemIdentifiers(null, '978-0547928227')).toEqual({
      asin: null,
      isbn10: '054792822X',
      isbn13: '9780547928227',
    });
    expect(itemIdentifiers('9781453138618', 'B085KRDEC5')).toEqual({
      asin: 'B085KRDEC5',
      isbn10: '1453138617',
      isbn13: '9781453138618',
    });
    expect(itemIdentifiers('B085KRDEC5', null)).toEqual({ asin: 'B085KRDEC5', isbn10: null, isbn13: null });
  });
});

const audioItem = { duration: 1000, hasAudio: true, hasEbook: false };
const row = { libraryItemId: 'i', isFinished: false, lastUpdate: 5, startedAt: 1, finishedAt: null };

describe('reading Audiobookshelf progress', () => {
  it('derives audio progress from the position, never from ABS progress', () => {
    expect(
      readProgress({ ...row, duration: 1000, currentTime: 250, progress: 0.9 }, audioItem).fraction,
    ).toBe(0.25);
  });

  it("uses the item's duration when the row has none", () => {
    expect(readProgress({ ...row, duration: 0, currentTime: 500 }, audioItem).fraction).toBe(0.5);
    expect(readProgress({ ...row, duration: null, currentTime: 100 }, audioItem).fraction).toBe(0.1);
  });

  it('reads "not finished, progress 1, small position" as a restart', () => {
    const restart = readProgress({ ...row, duration: 1000, currentTime: 30, progress: 1 }, audioItem);
    expect(restart).toMatchObject({ restarted: true, finished: false, fraction: 0.03 });
    expect(
      readProgress({ ...row, duration: 1000, currentTime: 30, progress: 0.03 }, audioItem).restarted,
    ).toBe(false);
  });

  it('takes finished from isFinished, with finishedAt as the date', () => {
    const done = readProgress(
      { ...row, isFinished: true, finishedAt: 99, duration: 0, currentTime: 0, progress: 1 },
      audioItem,
    );
    expect(done).toMatchObject({ finished: true, fraction: 1, finishedAt: 99, restarted: false });
  });

  it('reads ebook progress for ebook items', () => {
    const ebook = readProgress(
      { ...row, ebookProgress: 0.42, duration: 0 },
      { duration: 0, hasAudio: false, hasEbook: true },
    );
    expect(ebook).toMatchObject({ format: 'ebook', fraction: 0.42 });
    const both = readProgress(
      { ...row, ebookProgress: 0.3, currentTime: 0 },
      { duration: 1000, hasAudio: true, hasEbook: true },
    );
    expect(both.format).toBe('ebook');
  });

  it('changes the fingerprint with any change of position or state', () => {
    const base = { ...row, duration: 1000, currentTime: 250 };
    expect(progressFingerprint(base)).toBe(progressFingerprint({ ...base }));
    expect(progressFingerprint(base)).not.toBe(progressFingerprint({ ...base, currentTime: 260 }));
    expect(progressFingerprint(base)).not.toBe(progressFingerprint({ ...base, isFinished: true }));
    expect(progressFingerprint(base)).not.toBe(progressFingerprint({ ...base, lastUpdate: 6 }));
  });
});
