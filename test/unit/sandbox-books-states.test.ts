import { describe, expect, it } from 'vitest';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import {
  type AbsMediaProgress,
  type BookWorld,
  HardcoverStatus,
  type HcUserBook,
  ReadingFormat,
} from '../../sandbox/books/world.ts';

/** Every progress and shelf state a sync must handle, for each person, in small and default worlds. */

type Predicate = (p: AbsMediaProgress) => boolean;

const bookRow = (p: AbsMediaProgress) => p.episodeId === null;
const ABS_STATES: Record<string, Predicate> = {
  'just started': (p) =>
    bookRow(p) && !p.isFinished && p.currentTime > 0 && p.currentTime <= 400 && p.progress < 0.02,
  'below a 5% threshold': (p) => bookRow(p) && !p.isFinished && p.progress > 0.01 && p.progress < 0.05,
  'mid-way': (p) => bookRow(p) && !p.isFinished && p.progress >= 0.15 && p.progress <= 0.85,
  'finished with finishedAt': (p) => bookRow(p) && p.isFinished && p.finishedAt !== null,
  'finished then restarted': (p) =>
    bookRow(p) && !p.isFinished && p.progress === 1 && p.currentTime > 0 && p.finishedAt === null,
  'ebook progress': (p) =>
    bookRow(p) && !p.isFinished && (p.ebookProgress ?? 0) > 0 && p.ebookLocation !== null,
  'ebook finished': (p) => bookRow(p) && p.isFinished && p.ebookProgress === 1,
  'podcast episode': (p) => p.episodeId !== null,
  'hidden from continue listening': (p) => p.hideFromContinueListening,
};

function personData(w: BookWorld, personId: string) {
  const person = w.people.find((p) => p.id === personId);
  const user = w.audiobookshelf.users.find((u) => u.id === person?.absUserId);
  if (!person || !user) throw new Error(`no person ${personId}`);
  const userBooks = w.hardcover.userBooks.filter((ub) => ub.userId === person.hardcoverUserId);
  const byBook = new Map(userBooks.map((ub) => [ub.bookId, ub]));
  const reads = (ub: HcUserBook) => w.hardcover.reads.filter((r) => r.userBookId === ub.id);
  const truth = w.matchTruth ?? {};
  const shelfFor = (p: AbsMediaProgress) => {
    const bookId = truth[p.libraryItemId];
    return bookId == null ? undefined : byBook.get(bookId);
  };
  return { user, userBooks, reads, shelfFor, truth };
}

describe.each([
  [20, 1],
  [20, 2],
  [20, 3],
  [200, 1],
  [200, 4],
])('every state exists (%i books, seed %i)', (books, seed) => {
  const w = generateBookWorld({ seed, books });

  describe.each(['alice', 'bob'])('for %s', (personId) => {
    const { user, userBooks, reads, shelfFor, truth } = personData(w, personId);

    it.each(Object.keys(ABS_STATES))('has ABS progress that is %s', (state) => {
      expect(user.progress.some(ABS_STATES[state] as Predicate)).toBe(true);
    });

    it('has ABS books never started', () => {
      const started = new Set(user.progress.map((p) => p.libraryItemId));
      expect(w.audiobookshelf.items.some((i) => i.mediaType === 'book' && !started.has(i.id))).toBe(true);
    });

    it('has a re-read: unfinished in ABS while Hardcover holds a finished read', () => {
      const reread = user.progress.filter((p) => bookRow(p) && !p.isFinished && p.currentTime > 0);
      expect(
        reread.some((p) => {
          const ub = shelfFor(p);
          return ub !== undefined && reads(ub).some((r) => r.finishedAt !== null);
        }),
      ).toBe(true);
    });

    it.each([
      ['Want-to-Read', HardcoverStatus.wantToRead],
      ['Currently-Reading', HardcoverStatus.currentlyReading],
      ['Read', HardcoverStatus.read],
      ['Paused', HardcoverStatus.paused],
      ['Did-Not-Finish', HardcoverStatus.didNotFinish],
    ])('has a Hardcover shelf entry in %s', (_name, status) => {
      expect(userBooks.some((ub) => ub.statusId === status)).toBe(true);
    });

    it('has a user_book with two reads, finished reads with dates and open reads with progress', () => {
      expect(userBooks.some((ub) => reads(ub).length === 2)).toBe(true);
      const all = userBooks.flatMap(reads);
      expect(all.some((r) => r.finishedAt !== null && r.startedAt !== null)).toBe(true);
      expect(
        all.some((r) => r.finishedAt === null && (r.progressSeconds !== null || r.progressPages !== null)),
      ).toBe(true);
    });

    it('has a book on a physical edition in Hardcover while ABS has the audiobook', () => {
      const editions = new Map(w.hardcover.editions.map((e) => [e.id, e]));
      const items = new Map(w.audiobookshelf.items.map((i) => [i.id, i]));
      expect(
        user.progress.some((p) => {
          const ub = shelfFor(p);
          const edition = ub?.editionId == null ? undefined : editions.get(ub.editionId);
          return (
            (items.get(p.libraryItemId)?.numAudioFiles ?? 0) > 0 &&
            edition?.readingFormatId === ReadingFormat.physical
          );
        }),
      ).toBe(true);
    });

    it('has progress on a book Hardcover does not know and on a book with no identifiers', () => {
      const items = new Map(w.audiobookshelf.items.map((i) => [i.id, i]));
      expect(user.progress.some((p) => bookRow(p) && truth[p.libraryItemId] === null)).toBe(true);
      expect(
        user.progress.some((p) => {
          const item = items.get(p.libraryItemId);
          return (
            item?.mediaType === 'book' &&
            item.isbn === null &&
            item.asin === null &&
            truth[p.libraryItemId] !== null
          );
        }),
      ).toBe(true);
    });
  });
});

describe('the other accounts', () => {
  const w = generateBookWorld({ seed: 1, books: 20 });
  const byName = (name: string) => w.audiobookshelf.users.find((u) => u.username === name);

  it('has a root user, a library-restricted user and a deactivated one', () => {
    expect(byName('root')?.type).toBe('root');
    expect(byName('carol')?.librariesAccessible.length).toBe(1);
    expect(byName('eve')?.isActive).toBe(false);
  });

  it('has a third Hardcover user whose shelf is not linked to anyone', () => {
    const linked = new Set(w.people.map((p) => p.hardcoverUserId));
    const others = w.hardcover.users.filter((u) => !linked.has(u.id));
    expect(others.length).toBeGreaterThan(0);
    expect(w.hardcover.userBooks.some((ub) => others.some((u) => u.id === ub.userId))).toBe(true);
  });

  it("puts the near-duplicate decoy on alice's shelf only in Hardcover", () => {
    const decoy = w.hardcover.books.find((b) => b.title === 'The Hobbit: Illustrated Edition');
    const alice = w.people[0]?.hardcoverUserId;
    expect(w.hardcover.userBooks.some((ub) => ub.bookId === decoy?.id && ub.userId === alice)).toBe(true);
  });
});
