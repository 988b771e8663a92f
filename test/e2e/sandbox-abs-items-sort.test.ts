import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNoCase } from '../../sandbox/audiobookshelf/names.ts';
import { createAudiobookshelfStandIn } from '../../sandbox/audiobookshelf/stand-in.ts';
import { generateBookWorld } from '../../sandbox/books/generate.ts';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { ManualClock } from '../../src/core/clock.ts';

/**
 * `GET /api/libraries/:id/items` sorting where SQL's NULL placement shows (`sort=sequence` is
 * `ASC NULLS LAST` / `DESC NULLS FIRST`), and podcast libraries, which have their own sort keys and
 * filters (API-NOTES 2.4; libraryItemsPodcastFilters on the server).
 */

// 80 books: "The Lowmere Trilogy" then has a book with sequence 1 and one without a sequence.
const world = generateBookWorld({ seed: 1, books: 80 });
const abs = createAudiobookshelfStandIn(world.audiobookshelf);
const [audiobooks, , podcasts] = world.audiobookshelf.libraries;
if (!audiobooks || !podcasts) throw new Error('libraries missing');
const alice = world.audiobookshelf.users.find((u) => u.username === 'alice');
if (!alice) throw new Error('alice missing');
const b64 = (text: string) => encodeURIComponent(Buffer.from(text).toString('base64'));

let server: RunningStandIn;
beforeAll(async () => {
  server = await startStandIn(abs.build, { clock: new ManualClock(world.now), rateScale: 1 });
});
afterAll(() => server.stop());

interface Listed {
  id: string;
  addedAt: number;
  media: { numEpisodes?: number; metadata: { author?: string | null; title: string } };
}

async function page(libraryId: string, query: string): Promise<{ results: Listed[]; total: number }> {
  const response = await fetch(`${server.origin}/api/libraries/${libraryId}/items${query}`, {
    headers: { authorization: `Bearer ${abs.apiKeys[alice?.id ?? '']}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { results: Listed[]; total: number };
}

describe('audiobookshelf stand-in: sort=sequence within a series filter', () => {
  const lowmere = world.audiobookshelf.items.filter((i) => i.series[0]?.name === 'The Lowmere Trilogy');
  const numbered = lowmere.find((i) => i.series[0]?.sequence !== null);
  const unnumbered = lowmere.find((i) => i.series[0]?.sequence === null);

  it('puts a book without a sequence last ascending and first descending', async () => {
    if (!numbered || !unnumbered) throw new Error('the world no longer has a series with a gap');
    const filter = `filter=series.${b64(numbered.series[0]?.id ?? '')}`;
    const asc = await page(audiobooks.id, `?${filter}&sort=sequence`);
    expect(asc.results.map((r) => r.id)).toEqual([numbered.id, unnumbered.id]);
    const desc = await page(audiobooks.id, `?${filter}&sort=sequence&desc=1`);
    expect(desc.results.map((r) => r.id)).toEqual([unnumbered.id, numbered.id]);
  });
});

describe('audiobookshelf stand-in: podcast library items', () => {
  const shows = world.audiobookshelf.items.filter((i) => i.libraryId === podcasts.id);

  it('sorts by the podcast author, case-insensitively, either way', async () => {
    expect(shows.length).toBeGreaterThan(1);
    const authors = (await page(podcasts.id, '?sort=media.metadata.author')).results.map((r) =>
      String(r.media.metadata.author),
    );
    expect(authors).toEqual([...authors].sort(compareNoCase));
    expect(new Set(authors).size).toBeGreaterThan(1);
    const desc = (await page(podcasts.id, '?sort=media.metadata.author&desc=1')).results.map((r) =>
      String(r.media.metadata.author),
    );
    expect(desc).toEqual([...authors].reverse());
  });

  it('sorts by the number of episodes with sort=media.numTracks', async () => {
    for (const desc of [0, 1]) {
      const counts = (await page(podcasts.id, `?sort=media.numTracks&desc=${desc}`)).results.map(
        (r) => r.media.numEpisodes ?? -1,
      );
      expect(counts).toEqual([...counts].sort((a, b) => (desc ? b - a : a - b)));
    }
  });

  it('ignores book-only sort keys, keeping the unsorted order', async () => {
    const unsorted = (await page(podcasts.id, '')).results.map((r) => r.id);
    for (const sort of ['media.duration', 'media.metadata.publishedYear', 'media.metadata.authorName']) {
      for (const desc of [0, 1]) {
        const ids = (await page(podcasts.id, `?sort=${sort}&desc=${desc}`)).results.map((r) => r.id);
        expect(ids).toEqual(unsorted);
      }
    }
  });

  it('filters podcasts added in the last 60 days with filter=recent', async () => {
    const cutoff = world.now - 60 * 24 * 60 * 60 * 1000;
    const recent = await page(podcasts.id, '?filter=recent');
    expect(recent.total).toBe(shows.filter((s) => s.addedAt >= cutoff).length);
    expect(recent.total).toBeLessThan(shows.length);
  });
});
