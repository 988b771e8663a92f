import { describe, expect, it } from 'vitest';
import {
  collectionItemSchema,
  customFieldsSchema,
  foldersSchema,
  releaseSchema,
} from '../../src/upstream/discogs/schemas.ts';

const credit = { id: 1, name: 'Smith (2)', anv: '', join: '', role: '', tracks: '', resource_url: 'x' };

describe('Discogs schemas', () => {
  it('read a release that leaves out empty list keys as empty lists', () => {
    const release = releaseSchema.parse({ id: 5, title: 'Untitled', artists: [credit] });
    expect(release).toMatchObject({
      styles: [],
      genres: [],
      labels: [],
      formats: [],
      extraartists: [],
      tracklist: [],
      year: 0,
    });
  });

  it('refuse a folders or fields answer without its list: it is not an empty list (that would drop them all)', () => {
    const wrong = { unexpected: [{ shape: true }], data: 'not what you asked for' };
    expect(foldersSchema.safeParse(wrong).success).toBe(false);
    expect(customFieldsSchema.safeParse(wrong).success).toBe(false);
    expect(foldersSchema.parse({ folders: [] }).folders).toEqual([]);
    expect(customFieldsSchema.parse({ fields: [] }).fields).toEqual([]);
  });

  it('read nested index tracks, headings and positionless tracks', () => {
    const release = releaseSchema.parse({
      id: 5,
      title: 'T',
      tracklist: [
        { position: '', type_: 'heading', title: 'Side A', duration: '' },
        {
          position: 'A1',
          type_: 'index',
          title: 'Suite',
          duration: '',
          sub_tracks: [{ position: 'A1a', type_: 'track', title: 'Part 1', duration: '3:01' }],
        },
        { position: '', type_: 'track', title: 'Hidden', duration: '' },
      ],
    });
    expect(release.tracklist.map((track) => track.type_)).toEqual(['heading', 'index', 'track']);
    expect(release.tracklist[1]?.sub_tracks[0]).toMatchObject({
      position: 'A1a',
      artists: [],
      sub_tracks: [],
    });
  });

  it('rejects a track type Discogs does not have rather than guessing', () => {
    expect(() =>
      releaseSchema.parse({ id: 5, title: 'T', tracklist: [{ position: '1', type_: 'bonus', title: 'x' }] }),
    ).toThrow();
  });

  it('accepts qty as a number and leaves out notes when there are none', () => {
    const item = collectionItemSchema.parse({
      id: 5,
      instance_id: 9,
      folder_id: 1,
      rating: 3,
      date_added: '2020-01-01T00:00:00-08:00',
      basic_information: { id: 5, title: 'T', formats: [{ name: 'Vinyl', qty: 2, descriptions: ['LP'] }] },
    });
    expect(item.notes).toEqual([]);
    expect(item.basic_information.formats[0]?.qty).toBe('2');
  });
});
