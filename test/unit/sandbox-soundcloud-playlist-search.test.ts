import { describe, expect, it } from 'vitest';
import type { SoundcloudAlbum } from '../../sandbox/records/world.ts';
import { SoundcloudCatalog } from '../../sandbox/soundcloud/catalog.ts';
import { PlaylistSearch } from '../../sandbox/soundcloud/playlist-search.ts';
import { PlaylistStore } from '../../sandbox/soundcloud/playlist-store.ts';
import { soundcloudTestWorld, TRACK } from '../fixtures/soundcloud/world.ts';

function album(
  id: number,
  userId: number,
  title: string,
  kind: SoundcloudAlbum['kind'] = 'official',
): SoundcloudAlbum {
  return {
    id,
    userId,
    title,
    setType: kind === 'official' ? 'album' : 'playlist',
    trackIds: [TRACK.soWhat],
    genre: '',
    tagList: '',
    labelName: '',
    releaseDate: '',
    createdAt: Date.UTC(2020, 0, id),
    releaseId: 1,
    kind,
  };
}

/** Users of the fixture world: 2001 Miles Davis, 2002 jazzcovers, 2004 oldies uploads, 2005 Björk. */
const UPLOADS = [
  album(1, 2001, 'Kind of Blue'),
  album(2, 2004, 'Miles Davis - Kind of Blue (Full Album)', 'fan'),
  album(3, 2004, 'Best of Kind of Blue', 'partial'),
  album(4, 2005, 'Homogenic'),
  album(5, 2002, 'Blue Train'),
  album(6, 2001, 'Kind of Blue (Live)'),
];

describe('PlaylistSearch: /playlists?q= over album uploads', () => {
  const world = soundcloudTestWorld();
  const store = new PlaylistStore(UPLOADS);
  const search = new PlaylistSearch(new SoundcloudCatalog(world));
  const ids = (q: string) => search.search(store.publicPlaylists(), q).map((playlist) => playlist.id);

  it.each([
    [
      "the artist's album first when the query names artist and title",
      'Miles Davis Kind of Blue',
      [1, 6, 2, 3],
    ],
    ['a typed-out name with accents folded, through the uploader', 'bjork homogenic', [4]],
    ['a title alone', 'homogenic', [4]],
    ['half of the words are enough, uploader words count', 'blue train miles', [5, 1, 6, 2]],
    ['fewer unasked title words rank higher', 'blue kind', [1, 6, 3, 2, 5]],
    ['nothing for unknown words', 'zzz qqq', []],
  ])('%s', (_name, q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('returns every public playlist, newest first, for an empty query', () => {
    expect(ids('')).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('reads a title again after it changed', () => {
    const playlist = store.get(4);
    if (!playlist) throw new Error('missing');
    store.update(playlist, { title: 'Vespertine' }, Date.UTC(2026, 0, 1));
    expect(ids('homogenic')).toEqual([]);
    expect(ids('vespertine')).toEqual([4]);
  });
});
