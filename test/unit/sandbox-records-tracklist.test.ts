import { describe, expect, it } from 'vitest';
import { VARIOUS } from '../../sandbox/records/artists.ts';
import { positionsFor } from '../../sandbox/records/formats.ts';
import { playableTracks, truthKey } from '../../sandbox/records/playable.ts';
import { buildTracklist, type TrackSpec } from '../../sandbox/records/tracklist.ts';
import type { DiscogsTrack } from '../../sandbox/records/world.ts';

const spec = (baseTitle: string, extra: Partial<TrackSpec> = {}): TrackSpec => ({
  baseTitle,
  performer: VARIOUS,
  featured: [],
  seconds: 200,
  hideDuration: false,
  ...extra,
});

describe('positionsFor', () => {
  it.each([
    ['LP', 7, ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3']],
    ['2LP', 5, ['A1', 'A2', 'B', 'C', 'D']],
    ['7inch', 2, ['A', 'B']],
    ['7inch', 3, ['A1', 'A2', 'B']],
    ['CD', 3, ['1', '2', '3']],
    ['2CD', 5, ['1-1', '1-2', '1-3', '2-1', '2-2']],
    ['Cassette', 4, ['A1', 'A2', 'B1', 'B2']],
  ] as const)('lays out a %s with %i tracks', (kind, count, expected) => {
    expect(positionsFor(kind, count)).toEqual(expected);
  });
});

describe('buildTracklist', () => {
  it('groups sub-tracks under a position-less index track, with headings and a hidden track', () => {
    const suite = { title: 'The Suite', suffixed: false };
    const { tracklist, facts } = buildTracklist(
      'LP',
      [
        spec('One'),
        spec('Part I', { index: suite }),
        spec('Part II', { index: suite }),
        spec('Four', { qualifier: { kind: 'live', text: 'Live At Budokan' } }),
        spec('Hidden', { positionless: true, hideDuration: true }),
      ],
      [{ beforeUnit: 0, title: 'Side One' }],
    );
    expect(tracklist.map((t) => [t.type_, t.position, t.title, t.duration])).toEqual([
      ['heading', '', 'Side One', ''],
      ['track', 'A1', 'One', '3:20'],
      ['index', '', 'The Suite', ''],
      ['track', 'B2', 'Four (Live At Budokan)', '3:20'],
      ['track', '', 'Hidden', ''],
    ]);
    expect(tracklist[2]?.sub_tracks?.map((t) => [t.type_, t.position, t.title])).toEqual([
      ['track', 'A2', 'Part I'],
      ['track', 'B1', 'Part II'],
    ]);
    expect(facts.map((f) => f.position)).toEqual(['A1', 'A2', 'B1', 'B2', '']);
    expect(facts[3]?.qualifier).toEqual({ kind: 'live', text: 'Live At Budokan' });
    expect(facts[3]?.baseTitle).toBe('Four');
  });

  it('gives a suffixed index track a position of its own and lettered sub-tracks', () => {
    const work = { title: 'Symphony', suffixed: true };
    const { tracklist } = buildTracklist(
      'CD',
      [spec('Intro'), spec('I.', { index: work }), spec('II.', { index: work })],
      [],
    );
    expect(tracklist.map((t) => [t.type_, t.position])).toEqual([
      ['track', '1'],
      ['index', '2'],
    ]);
    expect(tracklist[1]?.sub_tracks?.map((t) => t.position)).toEqual(['2a', '2b']);
  });

  it('credits featured artists and remixers in extraartists', () => {
    const { tracklist } = buildTracklist(
      '7inch',
      [
        spec('Song', {
          featured: [VARIOUS],
          qualifier: { kind: 'remix', text: 'X Remix', remixer: VARIOUS },
        }),
        spec('B-side'),
      ],
      [],
    );
    expect(tracklist[0]?.title).toBe('Song (X Remix)');
    expect(tracklist[0]?.extraartists?.map((c) => c.role)).toEqual(['Featuring', 'Remix']);
    expect(tracklist[1]?.extraartists).toBeUndefined();
  });
});

describe('playableTracks', () => {
  const track = (position: string, title: string): DiscogsTrack => ({
    position,
    type_: 'track',
    title,
    duration: '',
  });

  it('keeps tracks and sub-tracks, drops headings and index entries', () => {
    const tracklist: DiscogsTrack[] = [
      { position: '', type_: 'heading', title: 'Side A', duration: '' },
      track('A1', 'One'),
      {
        position: '',
        type_: 'index',
        title: 'Medley',
        duration: '',
        sub_tracks: [track('A2', 'Two'), track('A3', 'Three')],
      },
      track('', 'Hidden'),
    ];
    expect(playableTracks(tracklist).map((t) => t.title)).toEqual(['One', 'Two', 'Three', 'Hidden']);
  });

  it('keys the truth map by release id and Discogs position', () => {
    expect(truthKey(123, 'A1')).toBe('123:A1');
    expect(truthKey(123, '')).toBe('123:');
  });
});
