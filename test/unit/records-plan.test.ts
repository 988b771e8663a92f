import { describe, expect, it } from 'vitest';
import { creditLine, splitArtistName } from '../../src/sync/records/artist-name.ts';
import {
  instanceRows,
  planCollectionPage,
  planWantlistPage,
  type StoredInstance,
} from '../../src/sync/records/collection-plan.ts';
import { addedAtUtc, durationSeconds } from '../../src/sync/records/discogs-dates.ts';
import { diffById } from '../../src/sync/records/folder-sync.ts';
import { basicHash, releaseRows } from '../../src/sync/records/release-rows.ts';
import {
  collectionItemSchema,
  type DiscogsCollectionItem,
  type DiscogsWant,
  wantSchema,
} from '../../src/upstream/discogs/schemas.ts';

const NOW = Date.UTC(2026, 0, 1);

function basic(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: `Release ${id}`,
    year: 1969,
    thumb: 'https://i.example/t.jpg',
    resource_url: `https://api.discogs.com/releases/${id}`,
    artists: [{ id: 7, name: 'Miles Davis (2)', anv: '', join: '', role: '', tracks: '' }],
    labels: [{ id: 3, name: 'Columbia', catno: 'CS 9875', entity_type: '1', entity_type_name: 'Label' }],
    formats: [{ name: 'Vinyl', qty: '1', descriptions: ['LP', 'Album'] }],
    genres: ['Jazz'],
    styles: ['Modal'],
    ...extra,
  };
}

function item(
  instanceId: number,
  releaseId: number,
  extra: Record<string, unknown> = {},
): DiscogsCollectionItem {
  return collectionItemSchema.parse({
    id: releaseId,
    instance_id: instanceId,
    folder_id: 1,
    rating: 3,
    date_added: '2020-05-01T10:00:00-07:00',
    notes: [{ field_id: 1, value: 'Mint (M)' }],
    basic_information: basic(releaseId),
    ...extra,
  });
}

function stored(entry: DiscogsCollectionItem): StoredInstance {
  const rows = instanceRows(entry);
  return { instance: rows.instance, notes: new Map(rows.notes.map((note) => [note.field_id, note.value])) };
}

function storedState(entries: DiscogsCollectionItem[]) {
  return {
    instances: new Map(entries.map((entry) => [entry.instance_id, stored(entry)])),
    releaseHashes: new Map(entries.map((entry) => [entry.id, basicHash(entry.basic_information)])),
  };
}

describe('splitArtistName', () => {
  it.each([
    ['Smith (2)', 'Smith', 2],
    ['The Band (12)', 'The Band', 12],
    ['Smith', 'Smith', null],
    ['(hed) P.E.', '(hed) P.E.', null],
    ['Sunn O)))', 'Sunn O)))', null],
    ['Area (3) (2)', 'Area (3)', 2],
    ['  Spaced (4) ', 'Spaced', 4],
  ])('%s → %s / %s', (name, display, suffix) => {
    expect(splitArtistName(name)).toEqual({ display, suffix });
  });
});

describe('creditLine', () => {
  it.each([
    [
      [
        { name: 'A (2)', anv: '', join: '&' },
        { name: 'B', anv: '', join: '' },
      ],
      'A & B',
    ],
    [
      [
        { name: 'A', anv: 'Ay', join: ',' },
        { name: 'B', anv: '', join: 'Feat.' },
        { name: 'C', anv: '', join: '' },
      ],
      'Ay, B Feat. C',
    ],
    [
      [
        { name: 'A', anv: '', join: '' },
        { name: 'B', anv: '', join: '' },
      ],
      'A & B',
    ],
    [[], ''],
  ])('%j → %s', (credits, line) => {
    expect(creditLine(credits)).toBe(line);
  });
});

describe('addedAtUtc and durationSeconds', () => {
  it.each([
    ['2015-04-14T03:23:29-07:00', '2015-04-14T10:23:29Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00Z'],
    ['2024-01-01T00:00:00+09:00', '2023-12-31T15:00:00Z'],
    ['', ''],
    ['yesterday', 'yesterday'],
  ])('%s → %s', (input, output) => {
    expect(addedAtUtc(input)).toBe(output);
  });

  it.each([
    ['4:05', 245],
    ['0:59', 59],
    ['1:02:03', 3723],
    ['12:00', 720],
    ['', null],
    ['4:5x', null],
    ['-1:00', null],
  ])('duration %j → %j', (input, seconds) => {
    expect(durationSeconds(input)).toBe(seconds);
  });
});

describe('releaseRows', () => {
  it('keeps lists as rows, folds the title and splits the artist suffix', () => {
    const rows = releaseRows(collectionItemSchema.parse(item(1, 10)).basic_information, NOW);
    expect(rows.release).toMatchObject({
      id: 10,
      title_folded: 'release 10',
      artists_display: 'Miles Davis',
      year: 1969,
    });
    expect(rows.artists).toEqual([
      {
        id: 7,
        name: 'Miles Davis (2)',
        display_name: 'Miles Davis',
        name_suffix: 2,
        name_folded: 'miles davis',
      },
    ]);
    expect(rows.formatDescriptions.map((d) => d.description)).toEqual(['LP', 'Album']);
    expect(rows.styles).toEqual([{ release_id: 10, position: 0, style: 'Modal' }]);
  });

  it('stores year 0 and master 0 as unknown', () => {
    const rows = releaseRows(
      item(1, 10, { basic_information: basic(10, { year: 0, master_id: 0 }) }).basic_information,
      NOW,
    );
    expect(rows.release.year).toBeNull();
    expect(rows.release.master_id).toBeNull();
  });

  it('fingerprints what matters and ignores links that name the host', () => {
    const a = basicHash(item(1, 10).basic_information);
    expect(
      basicHash(
        item(1, 10, { basic_information: basic(10, { resource_url: 'http://127.0.0.1/x' }) })
          .basic_information,
      ),
    ).toBe(a);
    expect(
      basicHash(item(1, 10, { basic_information: basic(10, { styles: ['Hard Bop'] }) }).basic_information),
    ).not.toBe(a);
    expect(
      basicHash(item(1, 10, { basic_information: basic(10, { styles: [] }) }).basic_information),
    ).not.toBe(a);
    expect(
      basicHash(item(1, 10, { basic_information: basic(10, { year: 1970 }) }).basic_information),
    ).not.toBe(a);
  });
});

describe('planCollectionPage', () => {
  it('inserts everything into an empty database, each release once', () => {
    const page = [item(1, 10), item(2, 10), item(3, 11)];
    const plan = planCollectionPage(page, { instances: new Map(), releaseHashes: new Map() }, NOW);
    expect(plan.inserts.map((r) => r.instance.instance_id)).toEqual([1, 2, 3]);
    expect(plan.releases.map((r) => r.release.id)).toEqual([10, 11]);
    expect(plan.updates).toEqual([]);
  });

  it('plans nothing when the database already agrees', () => {
    const page = [item(1, 10), item(2, 11)];
    const plan = planCollectionPage(page, storedState(page), NOW);
    expect(plan).toEqual({ releases: [], inserts: [], updates: [], releaseOnlyUpdates: 0 });
  });

  it.each([
    ['rating', { rating: 5 }],
    ['folder', { folder_id: 99 }],
    ['date added', { date_added: '2021-01-01T00:00:00-08:00' }],
    ['a note value', { notes: [{ field_id: 1, value: 'Near Mint (NM or M-)' }] }],
    [
      'a new note',
      {
        notes: [
          { field_id: 1, value: 'Mint (M)' },
          { field_id: 3, value: 'signed' },
        ],
      },
    ],
    ['a removed note', { notes: [] }],
  ])('updates an instance whose %s changed', (_what, change) => {
    const before = item(1, 10);
    const plan = planCollectionPage([item(1, 10, change)], storedState([before]), NOW);
    expect(plan.updates.map((r) => r.instance.instance_id)).toEqual([1]);
    expect(plan.inserts).toEqual([]);
    expect(plan.releases).toEqual([]);
  });

  it('rewrites a release whose listing changed and counts its unchanged instances as updated', () => {
    const before = [item(1, 10), item(2, 10)];
    const after = [1, 2].map((id) => item(id, 10, { basic_information: basic(10, { title: 'Renamed' }) }));
    const plan = planCollectionPage(after, storedState(before), NOW);
    expect(plan.releases.map((r) => r.release.title)).toEqual(['Renamed']);
    expect(plan.updates).toEqual([]);
    expect(plan.releaseOnlyUpdates).toBe(2);
  });
});

describe('planWantlistPage', () => {
  const want = (id: number, extra: Record<string, unknown> = {}): DiscogsWant =>
    wantSchema.parse({
      id,
      rating: 0,
      notes: '',
      notes_public: false,
      date_added: '2020-01-01T00:00:00-08:00',
      basic_information: basic(id),
      ...extra,
    });

  it('inserts new wants, updates changed ones, leaves equal ones alone', () => {
    const stored = new Map([
      [
        1,
        {
          release_id: 1,
          rating: 0,
          notes: '',
          notes_public: 0,
          date_added: '2020-01-01T00:00:00-08:00',
          added_at: '2020-01-01T08:00:00Z',
        },
      ],
      [
        2,
        {
          release_id: 2,
          rating: 0,
          notes: '',
          notes_public: 0,
          date_added: '2020-01-01T00:00:00-08:00',
          added_at: '2020-01-01T08:00:00Z',
        },
      ],
    ]);
    const hashes = new Map([1, 2].map((id) => [id, basicHash(want(id).basic_information)]));
    const plan = planWantlistPage(
      [want(1), want(2, { notes: 'Any copy' }), want(3)],
      { wants: stored, releaseHashes: hashes },
      NOW,
    );
    expect(plan.inserts.map((w) => w.release_id)).toEqual([3]);
    expect(plan.updates.map((w) => w.notes)).toEqual(['Any copy']);
    expect(plan.releases.map((r) => r.release.id)).toEqual([3]);
  });
});

describe('diffById', () => {
  it('finds new, changed and gone rows, and nothing when equal', () => {
    const stored = [
      { id: 1, name: 'Uncategorized', count: 3 },
      { id: 2, name: 'Jazz', count: 1 },
      { id: 3, name: 'Gone', count: 0 },
    ];
    const wanted = [
      { id: 1, name: 'Uncategorized', count: 3 },
      { id: 2, name: 'Jazz', count: 2 },
      { id: 4, name: 'New', count: 0 },
    ];
    expect(diffById(stored, wanted)).toEqual({ upserts: [wanted[1], wanted[2]], deletes: [3] });
    expect(diffById(wanted, wanted)).toEqual({ upserts: [], deletes: [] });
  });
});
