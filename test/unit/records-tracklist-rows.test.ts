import { describe, expect, it } from 'vitest';
import { tracklistRows } from '../../src/sync/records/tracklist-rows.ts';
import { releaseSchema } from '../../src/upstream/discogs/schemas.ts';

const credit = (id: number, name: string, role = '') => ({ id, name, anv: '', join: '', role, tracks: '' });

function tracklist(entries: unknown[]) {
  return releaseSchema.parse({ id: 1, title: 'T', tracklist: entries }).tracklist;
}

describe('tracklistRows', () => {
  it('keeps headings and index entries as what they are, sub-tracks after their index', () => {
    const rows = tracklistRows(
      1,
      tracklist([
        { position: '', type_: 'heading', title: 'Side A', duration: '' },
        { position: 'A1', type_: 'track', title: 'Intro', duration: '1:05' },
        {
          position: 'A2',
          type_: 'index',
          title: 'Suite',
          duration: '',
          sub_tracks: [
            { position: 'A2a', type_: 'track', title: 'Part One', duration: '3:00' },
            { position: 'A2b', type_: 'track', title: 'Part Two', duration: '' },
          ],
        },
        { position: '', type_: 'track', title: 'Hidden Track', duration: '2:00' },
      ]),
    );
    expect(
      rows.tracks.map((t) => [t.seq, t.parent_seq, t.type, t.position, t.title, t.duration_seconds]),
    ).toEqual([
      [1, null, 'heading', '', 'Side A', null],
      [2, null, 'track', 'A1', 'Intro', 65],
      [3, null, 'index', 'A2', 'Suite', null],
      [4, 3, 'track', 'A2a', 'Part One', 180],
      [5, 3, 'track', 'A2b', 'Part Two', null],
      [6, null, 'track', '', 'Hidden Track', 120],
    ]);
    // Playable tracks: every 'track', sub-tracks included, headings and indexes not.
    expect(rows.tracks.filter((t) => t.type === 'track').map((t) => t.title)).toEqual([
      'Intro',
      'Part One',
      'Part Two',
      'Hidden Track',
    ]);
  });

  it('keeps track credits by kind and position, and folds titles', () => {
    const rows = tracklistRows(
      9,
      tracklist([
        {
          position: '1',
          type_: 'track',
          title: 'Café Noir',
          duration: '4:05',
          artists: [credit(5, 'Ana (2)')],
          extraartists: [credit(6, 'Bo', 'Featuring'), credit(7, 'Cy', 'Remix')],
        },
      ]),
    );
    expect(rows.tracks[0]?.title_folded).toBe('cafe noir');
    expect(rows.credits.map((c) => [c.track_seq, c.kind, c.position, c.artist_id, c.role])).toEqual([
      [1, 'main', 0, 5, ''],
      [1, 'extra', 0, 6, 'Featuring'],
      [1, 'extra', 1, 7, 'Remix'],
    ]);
    expect(rows.artists.map((a) => a.id)).toEqual([5, 6, 7]);
  });

  it('gives an empty tracklist no rows', () => {
    expect(tracklistRows(1, [])).toEqual({ tracks: [], credits: [], artists: [] });
  });
});
