import { describe, expect, it } from 'vitest';
import type { SoundcloudTrack, SoundcloudUser, SoundcloudWorld } from '../../sandbox/records/world.ts';
import { SoundcloudCatalog } from '../../sandbox/soundcloud/catalog.ts';
import { slugify, wordsOf } from '../../sandbox/soundcloud/formats.ts';
import { TrackSearchIndex } from '../../sandbox/soundcloud/search-index.ts';
import { buildTrackPostings, postingTrack, postingWeight } from '../../sandbox/soundcloud/search-postings.ts';
import { TrackPermalinks } from '../../sandbox/soundcloud/track-permalinks.ts';

/**
 * The SoundCloud stand-in works out permalinks and the search index lazily, so a big world starts
 * fast. These tests pin the results to what building everything up front gives.
 */

function user(id: number, username: string, permalink: string): SoundcloudUser {
  return { id, username, permalink, fullName: '', city: null, country: null, followersCount: 0 };
}

let nextId = 100;
function track(userId: number, title: string, fields: Partial<SoundcloudTrack> = {}): SoundcloudTrack {
  nextId += 1;
  return {
    id: nextId,
    userId,
    title,
    duration: 200_000,
    genre: null,
    tagList: '',
    labelName: null,
    metadataArtist: null,
    isrc: null,
    releaseYear: null,
    createdAt: '2020/01/01 00:00:00 +0000',
    access: 'playable',
    playbackCount: 10,
    favoritingsCount: 0,
    kind: 'filler',
    ...fields,
  };
}

// Two accounts share the permalink "orion" (one spelled "Orion"), as generated worlds do.
const users = [user(1, 'Orion', 'orion'), user(2, 'Orion', 'Orion'), user(3, 'Björk', 'bjork')];
const tracks = [
  track(1, 'Nebula'),
  track(2, 'Nebula'),
  track(1, 'Nebula'),
  track(2, 'Comet Tail'),
  track(3, 'Jóga', { metadataArtist: 'Björk', tagList: 'art-pop "Trip Hop"', genre: 'Electronic' }),
  track(3, '戦場のメリークリスマス'),
  track(1, 'Nebula', { labelName: 'Orion Records', genre: 'Nebula Sounds' }),
];
const world: SoundcloudWorld = {
  app: { clientId: 'id', clientSecret: 'secret', accountUserId: 1 },
  users,
  tracks,
  truth: {},
};
const byId = new Map(users.map((u) => [u.id, u]));
const at = (index: number) => tracks[index] as SoundcloudTrack;

/** What the stand-in did before permalinks were lazy: every track in world order, last path wins. */
function eagerPermalinks(): { slugs: Map<number, string>; byPath: Map<string, number> } {
  const slugs = new Map<number, string>();
  const byPath = new Map<string, number>();
  const taken = new Map<number, Set<string>>();
  for (const t of tracks) {
    const owner = byId.get(t.userId) as SoundcloudUser;
    const own = taken.get(owner.id) ?? new Set<string>();
    taken.set(owner.id, own);
    const base = slugify(t.title) || `track-${t.id}`;
    let slug = base;
    for (let n = 2; own.has(slug); n++) slug = `${base}-${n}`;
    own.add(slug);
    slugs.set(t.id, slug);
    byPath.set(`${owner.permalink.toLowerCase()}/${slug}`, t.id);
  }
  return { slugs, byPath };
}

describe('SoundCloud track permalinks, worked out per uploader on demand', () => {
  const expected = eagerPermalinks();

  it('numbers repeated titles of one uploader in world order', () => {
    const permalinks = new TrackPermalinks(tracks, byId);
    expect([0, 2, 6].map((i) => permalinks.permalinkOf(at(i)))).toEqual(['nebula', 'nebula-2', 'nebula-3']);
    expect(permalinks.permalinkOf(at(1))).toBe('nebula');
    expect(permalinks.permalinkOf(at(5))).toBe(`track-${at(5).id}`);
  });

  it('gives the same permalinks whichever track is asked for first', () => {
    for (const order of [
      [0, 1, 2, 3, 4, 5, 6],
      [6, 5, 4, 3, 2, 1, 0],
      [3, 0, 6, 1, 5, 2, 4],
    ]) {
      const permalinks = new TrackPermalinks(tracks, byId);
      for (const i of order) expect(permalinks.permalinkOf(at(i))).toBe(expected.slugs.get(at(i).id));
    }
  });

  it('resolves a clash between two accounts with one permalink to the later track, case-insensitively', () => {
    expect(expected.byPath.get('orion/nebula')).toBe(at(1).id);
    for (const ask of ['orion', 'ORION', 'Orion']) {
      const permalinks = new TrackPermalinks(tracks, byId);
      expect(permalinks.find(ask, 'NEBULA')?.id).toBe(at(1).id);
      expect(permalinks.find(ask, 'nebula-2')?.id).toBe(at(2).id);
      expect(permalinks.find(ask, 'comet-tail')?.id).toBe(at(3).id);
      expect(permalinks.find(ask, 'nebula-4')).toBeUndefined();
    }
    // Asking for a permalink first must not change what a later lookup finds.
    const permalinks = new TrackPermalinks(tracks, byId);
    permalinks.permalinkOf(at(0));
    expect(permalinks.find('orion', 'nebula')?.id).toBe(at(1).id);
  });

  it('counts uploads per user and knows nothing about unknown users', () => {
    const permalinks = new TrackPermalinks(tracks, byId);
    expect([1, 2, 3, 4].map((id) => permalinks.countOf(id))).toEqual([3, 2, 2, 0]);
    expect(permalinks.find('nobody', 'nebula')).toBeUndefined();
  });

  it('backs the catalog: track counts, permalinks and lookups', () => {
    const catalog = new SoundcloudCatalog(world);
    expect(catalog.trackCount(1)).toBe(3);
    expect(catalog.trackPermalink(at(6))).toBe('nebula-3');
    expect(catalog.trackByPermalink('bjork', 'joga')?.id).toBe(at(4).id);
    expect(() => new SoundcloudCatalog({ ...world, tracks: [track(9, 'Lost')] })).toThrow(/unknown user 9/);
  });
});

describe('SoundCloud search postings', () => {
  it('keeps each word once per track, with the weight of its best field', () => {
    const catalog = new SoundcloudCatalog(world);
    const { postings, vocabulary, vocabularyByLength } = buildTrackPostings(tracks, catalog);
    const entries = (word: string) =>
      (postings.get(word) ?? []).map((p) => [postingTrack(p), postingWeight(p)] as const);
    // "nebula" is a title word of track 6 and also its genre: posted once, at title weight.
    expect(entries('nebula')).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [6, 3],
    ]);
    // "orion" is every Orion upload's username; track 6 also has it in its label.
    expect(entries('orion')).toEqual([0, 1, 2, 3, 6].map((i) => [i, 2]));
    expect(entries('records')).toEqual([[6, 0.5]]);
    expect(entries('bjork')).toEqual([
      [4, 2],
      [5, 2],
    ]);
    expect(entries('hop')).toEqual([[4, 1]]);
    expect(entries('electronic')).toEqual([[4, 1]]);
    expect(vocabulary).toEqual([...vocabulary].sort());
    expect(vocabularyByLength.get(4)).toEqual(vocabulary.filter((word) => word.length === 4));
  });

  it('searches without building anything up front, and the same query gives the same order', () => {
    const index = new TrackSearchIndex(new SoundcloudCatalog(world));
    expect(index.search('nebula').map((t) => t.id)).toEqual(index.search('nebula').map((t) => t.id));
    expect(index.search('joga bjork')[0]?.id).toBe(at(4).id);
    expect(index.search('comet tial')[0]?.id).toBe(at(3).id);
  });
});

describe('word folding', () => {
  it('takes the same words from ASCII and from accented or non-Latin text', () => {
    expect(wordsOf('So What (Live, 1959)')).toEqual(['so', 'what', 'live', '1959']);
    expect(wordsOf('Jóga — BJÖRK')).toEqual(['joga', 'bjork']);
    expect(wordsOf('ﬁre Ⅻ')).toEqual(['fire', 'xii']);
    expect(wordsOf('Кино: Группа крови')).toEqual(['кино', 'группа', 'крови']);
    expect(wordsOf('--- !!')).toEqual([]);
  });
});
