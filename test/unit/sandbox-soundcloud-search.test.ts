import { describe, expect, it } from 'vitest';
import { parseResourceId, SoundcloudCatalog } from '../../sandbox/soundcloud/catalog.ts';
import {
  foldText,
  parseQueryDate,
  parseSoundcloudTimestamp,
  slugify,
  soundcloudTimestamp,
  uniqueSlug,
  wordsOf,
} from '../../sandbox/soundcloud/formats.ts';
import { TrackSearchIndex } from '../../sandbox/soundcloud/search-index.ts';
import { selectTracks } from '../../sandbox/soundcloud/track-query.ts';
import { soundcloudTestWorld, TRACK } from '../fixtures/soundcloud/world.ts';

const catalog = new SoundcloudCatalog(soundcloudTestWorld());
const index = new TrackSearchIndex(catalog);
const ids = (q: string) => index.search(q).map((track) => track.id);

describe('SoundCloud stand-in search index', () => {
  it('matches title, uploader, metadata_artist and tags, with the title weighing most', () => {
    expect(ids('so what')).toEqual(
      expect.arrayContaining([TRACK.soWhat, TRACK.soWhatCover, TRACK.soWhatRemix, TRACK.soWhatReupload]),
    );
    expect(ids('modal jazz')).toContain(TRACK.soWhat);
    expect(ids('dj remixer')[0]).toBe(TRACK.soWhatRemix);
  });

  it('needs at least half of the query words', () => {
    expect(ids('what completely unrelated words')).toEqual([]);
    expect(ids('what day')).toContain(TRACK.whatADay);
  });

  it('matches by prefix from three letters and forgives one typo from five', () => {
    expect(ids('bjö')).toContain(TRACK.joga);
    expect(ids('bj')).not.toContain(TRACK.joga);
    expect(ids('grooev')).toEqual([]);
    expect(ids('grooove').length).toBeGreaterThan(0);
    expect(ids('filler gruuve').length).toBeGreaterThan(0);
  });

  it('ranks a track lower for title words the query did not ask for', () => {
    const found = ids('so what');
    expect(found.indexOf(TRACK.soWhat)).toBeLessThan(found.indexOf(TRACK.soWhatRemix));
    expect(ids('so what remix')[0]).toBe(TRACK.soWhatRemix);
  });

  it('is deterministic: the same query gives the same order', () => {
    expect(ids('filler groove')).toEqual(ids('filler groove'));
    expect(ids('')).toEqual([]);
  });

  it('applies filters after ranking and refuses malformed ones', () => {
    const query = (text: string) => selectTracks(new URLSearchParams(text), catalog, index);
    const blocked = query('access=blocked');
    expect(blocked.ok && blocked.value.map((track) => track.id)).toEqual([TRACK.blocked]);
    const recent = query('q=so%20what&created_at[from]=2021-01-01%2000:00:00');
    expect(recent.ok && recent.value.map((track) => track.id).sort()).toEqual([
      TRACK.soWhatCover,
      TRACK.soWhatRemix,
    ]);
    const tagged = query('tags=modal%20jazz');
    expect(tagged.ok && tagged.value.map((track) => track.id)).toEqual([TRACK.soWhat]);
    const bpm = query('q=so%20what&bpm[from]=100');
    expect(bpm.ok && bpm.value).toEqual([]);
    expect(query('duration[from]=long').ok).toBe(false);
    expect(query('urns=soundcloud:users:1').ok).toBe(false);
  });
});

describe('SoundCloud stand-in formats', () => {
  it('writes and reads SoundCloud timestamps', () => {
    const ms = Date.UTC(2019, 0, 15, 15, 40, 49);
    expect(soundcloudTimestamp(ms)).toBe('2019/01/15 15:40:49 +0000');
    expect(parseSoundcloudTimestamp('2019/01/15 15:40:49 +0000')).toBe(ms);
    expect(parseQueryDate('2019-01-15 15:40:49')).toBe(ms);
    expect(parseQueryDate('2019-01-15')).toBe(Date.UTC(2019, 0, 15));
    expect(parseQueryDate('15.01.2019')).toBeNaN();
  });

  it('folds accents and case but keeps non-Latin letters', () => {
    expect(foldText('Björk Guðmundsdóttir')).toBe('bjork guðmundsdottir');
    expect(wordsOf('So What (Live, 1959) — 坂本龍一')).toEqual(['so', 'what', 'live', '1959', '坂本龍一']);
  });

  it('makes unique ASCII permalinks', () => {
    expect(slugify('Jóga (Live at Wembley!)')).toBe('joga-live-at-wembley');
    expect(slugify('戦場のメリークリスマス')).toBe('');
    const taken = new Set<string>();
    expect([
      uniqueSlug('so-what', taken),
      uniqueSlug('so-what', taken),
      uniqueSlug('so-what', taken),
    ]).toEqual(['so-what', 'so-what-2', 'so-what-3']);
  });

  it('reads URNs and deprecated numeric ids, of the right kind only', () => {
    expect(parseResourceId('soundcloud:tracks:123', 'tracks')).toBe(123);
    expect(parseResourceId('123', 'tracks')).toBe(123);
    expect(parseResourceId('soundcloud:users:123', 'tracks')).toBeUndefined();
    expect(parseResourceId('soundcloud:tracks:abc', 'tracks')).toBeUndefined();
  });

  it('gives each track of an uploader its own permalink', () => {
    const merry = catalog.track(TRACK.merryChristmas);
    expect(merry && catalog.trackPermalink(merry)).toBe(`track-${TRACK.merryChristmas}`);
    const soWhat = catalog.track(TRACK.soWhat);
    expect(soWhat && catalog.trackByPermalink('miles-davis', catalog.trackPermalink(soWhat))?.id).toBe(
      TRACK.soWhat,
    );
  });
});
