import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStandIn, startStandIn } from '../../sandbox/core/stand-in.ts';
import { createDiscogsStandIn } from '../../sandbox/discogs/stand-in.ts';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import type { RecordWorld } from '../../sandbox/records/world.ts';
import { ManualClock } from '../../src/core/clock.ts';

const specs = fileURLToPath(new URL('../../../shared/specs/', import.meta.url));
const fixtures = `${specs}discogs/fixtures/`;

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(`${fixtures}${path}`, 'utf8'));
}

/**
 * List keys the real API leaves out when the list is empty (API-NOTES 6.5: python discogs_client
 * #36, beets #3251), although every captured sample happens to have one.
 */
const OMITTED_WHEN_EMPTY = new Set(['styles']);

type Kind = 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null';
const kindOf = (value: unknown): Kind =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : (typeof value as Exclude<Kind, 'array' | 'null'>);
const isObject = (value: unknown): value is Record<string, unknown> => kindOf(value) === 'object';

/**
 * Compares `ours` with every fixture sample of the same place, recursively: a key present in all
 * samples is required, a key in none of them is only allowed when documented (`extras`), and shared
 * keys must have the same JSON type. A fixture null accepts anything there (Discogs allows null);
 * ours may be null only where some sample is. Array elements are compared with all sample elements.
 */
function shapeIssues(
  samples: readonly unknown[],
  ours: unknown,
  extras: ReadonlySet<string>,
  path = '$',
): string[] {
  const known = samples.filter((sample) => sample !== null);
  if (known.length === 0) return [];
  if (ours === null)
    return samples.includes(null) ? [] : [`${path}: null where the fixtures have ${kindOf(known[0])}`];
  const kinds = new Set(known.map(kindOf));
  if (!kinds.has(kindOf(ours)))
    return [`${path}: ${kindOf(ours)} where the fixtures have ${[...kinds].join('/')}`];
  if (Array.isArray(ours)) {
    const elements = known.filter(Array.isArray).flat();
    return elements.length === 0
      ? []
      : ours.flatMap((element, i) => shapeIssues(elements, element, extras, `${path}[${i}]`));
  }
  if (!isObject(ours)) return [];
  const objects = known.filter(isObject);
  const union = new Set(objects.flatMap((object) => Object.keys(object)));
  const issues = [...union]
    .filter((key) => objects.every((object) => key in object) && !(key in ours))
    .filter((key) => !OMITTED_WHEN_EMPTY.has(key))
    .map((key) => `${path}.${key}: missing`);
  for (const [key, value] of Object.entries(ours)) {
    if (!union.has(key)) {
      if (!extras.has(key)) issues.push(`${path}.${key}: not in the fixtures nor documented`);
      continue;
    }
    const values = objects.filter((object) => key in object).map((object) => object[key]);
    issues.push(...shapeIssues(values, value, extras, `${path}.${key}`));
  }
  return issues;
}

describe('contract helper: shapeIssues', () => {
  const none = new Set<string>();
  it('accepts the same shape and flags missing keys, wrong types and undocumented keys', () => {
    expect(shapeIssues([{ a: 1, b: [{ c: 'x' }] }], { a: 2, b: [{ c: 'y' }, { c: 'z' }] }, none)).toEqual([]);
    expect(shapeIssues([{ a: 1, b: 'x' }], { a: 1 }, none)).toEqual(['$.b: missing']);
    expect(shapeIssues([{ a: 1 }], { a: '1' }, none)).toEqual(['$.a: string where the fixtures have number']);
    expect(shapeIssues([{ a: [{ c: 1 }] }], { a: [{ c: 1, d: 2 }] }, none)).toEqual([
      '$.a[0].d: not in the fixtures nor documented',
    ]);
    expect(shapeIssues([{ a: 1 }], { a: 1, d: 2 }, new Set(['d']))).toEqual([]);
    expect(shapeIssues([{ a: 1, styles: ['Jazz'] }], { a: 1 }, none)).toEqual([]);
  });

  it('treats a key missing from some samples as optional and nulls leniently', () => {
    expect(shapeIssues([{ a: 1, t: 'x' }, { a: 2 }], { a: 3 }, none)).toEqual([]);
    expect(shapeIssues([{ m: null }, { m: '/masters/1' }], { m: null }, none)).toEqual([]);
    expect(shapeIssues([{ m: null }], { m: 5 }, none)).toEqual([]);
    expect(shapeIssues([{ m: 'x' }], { m: null }, none)).toEqual([
      '$.m: null where the fixtures have string',
    ]);
  });
});

/** Every captured pagination object: together they show that each of the urls is optional. */
const PAGINATED = [
  'users/example/collection/folders/0/releases_page=1&per_page=50.json',
  'users/example/wants_per_page=50&page=1.json',
  'artists/1/releases_per_page=50&page=1.json',
  'artists/1/releases_per_page=50&page=2.json',
  'masters/4242/versions_per_page=50&page=1.json',
];

/** One sample per captured pagination object, each with the list of `page`. */
function withEveryPagination(page: unknown): unknown[] {
  if (!isObject(page)) return [page];
  return PAGINATED.map((path) => {
    const other = fixture(path);
    return { ...page, pagination: isObject(other) ? other.pagination : page.pagination };
  });
}

/** Keys the developer docs show (or, where marked, third-party captures) but the 2022 fixtures lack. */
const DOCUMENTED = {
  collectionItem: ['notes'],
  // date_added on wantlist items: live responses (3p: client models such as LocalDiscogsApi's Want).
  want: ['date_added', 'cover_image', 'genres', 'styles', 'master_id', 'master_url', 'entity_type_name'],
  profile: [
    'email',
    'avatar_url',
    'banner_url',
    'uri',
    'buyer_rating',
    'buyer_rating_stars',
    'buyer_num_ratings',
    'seller_rating',
    'seller_rating_stars',
    'seller_num_ratings',
    'curr_abbr',
    // Live profiles (3p: the recordings of damidhagor/DiscogsApiClient's tests against the live API).
    'activated',
    'marketplace_suspended',
    'is_staff',
    'num_unread',
  ],
  // type_ is in the docs' tracklists; sub_tracks is how Discogs nests the tracks of an index track.
  release: [
    'community',
    'date_added',
    'date_changed',
    'estimated_weight',
    'format_quantity',
    'lowest_price',
    'num_for_sale',
    'uri',
    'type_',
    'sub_tracks',
    'text',
    'description',
    // Live releases (3p: go-discogs quotes one in its tests; DiscogsApiClient's live tests read them).
    'artists_sort',
    'blocked_from_sale',
    'thumbnail_url',
  ],
  master: [
    'lowest_price',
    'num_for_sale',
    'uri',
    'type_',
    'sub_tracks',
    'extraartists',
    'artists',
    // Live masters (3p: client models such as go-discogs' and a Kotlin DTO that requires them).
    'most_recent_release',
    'most_recent_release_url',
    'thumbnail_url',
  ],
  // The docs' "Master Release Versions" example rows.
  version: ['major_formats', 'stats'],
  // uri: the docs' artist and label examples. artist/stats on release rows: docs example / live rows.
  artist: ['uri'],
  label: ['uri'],
  artistRelease: ['artist', 'stats'],
  // Live search results (API-NOTES 3.3: docs example plus third-party captures).
  searchResult: [
    'user_data',
    'master_id',
    'master_url',
    'cover_image',
    'barcode',
    'community',
    'format_quantity',
    'formats',
  ],
  marketplaceStats: ['blocked_from_sale'],
};

/**
 * The keys of the docs' `GET /artists/{id}` example (a band): it has neither `aliases` nor
 * `realname`, which every captured artist happens to have, so those two are optional.
 */
const DOCS_ARTIST_EXAMPLE = {
  namevariations: ['Nickleback'],
  profile: 'text',
  releases_url: 'https://api.discogs.com/artists/108713/releases',
  resource_url: 'https://api.discogs.com/artists/108713',
  uri: 'https://www.discogs.com/artist/108713-Nickelback',
  urls: ['http://www.nickelback.com/'],
  data_quality: 'Needs Vote',
  id: 108713,
  images: [{ height: 260, resource_url: 'u', type: 'primary', uri: 'u', uri150: 'u', width: 330 }],
  members: [{ active: true, id: 270222, name: 'Chad Kroeger', resource_url: 'u' }],
};

/**
 * The captured search results predate the docs' example in one respect: `label` was one string;
 * the docs (and live responses today) have a list of label names. Samples are updated to that.
 */
function searchSamples(): unknown[] {
  return [
    'database/search_q=trash80&per_page=50&page=1.json',
    'database/search_artist=trash80&title=icarus&per_page=50&page=1.json',
  ].map((path) => {
    const page = fixture(path);
    if (!isObject(page) || !Array.isArray(page.results)) return page;
    const results = page.results.map((result) =>
      isObject(result) && typeof result.label === 'string' ? { ...result, label: [result.label] } : result,
    );
    return { ...page, results };
  });
}

describe.skipIf(!existsSync(specs))('contract: Discogs stand-in bodies match the captured fixtures', () => {
  let running: RunningStandIn;
  let world: RecordWorld;
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${running.origin}${path}`, {
      headers: {
        'user-agent': 'ShelfsyncContract/1.0',
        authorization: `Discogs token=${world.discogs.user.token}`,
      },
    });
    expect(response.status, path).toBe(200);
    return response.json();
  };
  const expectShape = (samples: unknown[], ours: unknown, extras: readonly string[]) =>
    expect(shapeIssues(samples, ours, new Set(extras))).toEqual([]);

  beforeAll(async () => {
    world = generateRecordWorld({ seed: 21, records: 60 });
    running = await startStandIn(createDiscogsStandIn(world.discogs).build, {
      clock: new ManualClock(),
      rateScale: 100,
    });
  });
  afterAll(() => running.stop());

  it('GET /oauth/identity', async () => {
    expectShape([fixture('oauth/identity.json')], await get('/oauth/identity'), []);
  });

  it('GET /users/{username}', async () => {
    expectShape(
      [fixture('users/example.json')],
      await get(`/users/${world.discogs.user.username}`),
      DOCUMENTED.profile,
    );
  });

  it('GET /users/{username}/collection/folders', async () => {
    expectShape(
      [fixture('users/example/collection/folders.json')],
      await get(`/users/${world.discogs.user.username}/collection/folders`),
      [],
    );
  });

  it('GET /users/{username}/collection/folders/0/releases (every item of the collection)', async () => {
    const page = fixture('users/example/collection/folders/0/releases_page=1&per_page=50.json');
    for (const query of ['per_page=100', 'per_page=20&page=2']) {
      const ours = await get(`/users/${world.discogs.user.username}/collection/folders/0/releases?${query}`);
      expectShape(withEveryPagination(page), ours, DOCUMENTED.collectionItem);
    }
  });

  it('GET /users/{username}/wants', async () => {
    const ours = await get(`/users/${world.discogs.user.username}/wants?per_page=100`);
    expectShape(
      withEveryPagination(fixture('users/example/wants_per_page=50&page=1.json')),
      ours,
      DOCUMENTED.want,
    );
  });

  it('GET /users/{username}/collection/value', async () => {
    expectShape(
      [fixture('users/example/collection/value.json')],
      await get(`/users/${world.discogs.user.username}/collection/value`),
      [],
    );
  });

  it('GET /releases/{id} for every owned release', async () => {
    const samples = ['1', '2', '3', '79', '3329867'].map((id) => fixture(`releases/${id}.json`));
    const owned = [...new Set(world.discogs.collection.map((item) => item.releaseId))];
    const fixtureTracks = samples.flatMap((sample) =>
      isObject(sample) && Array.isArray(sample.tracklist) ? sample.tracklist : [],
    );
    let subTracks = 0;
    let withoutStyles = 0;
    for (const id of owned) {
      const ours = await get(`/releases/${id}`);
      if (isObject(ours) && !('styles' in ours)) withoutStyles += 1;
      expectShape(samples, ours, DOCUMENTED.release);
      // Sub-tracks are tracks: they must look like the fixtures' tracklist entries.
      const tracklist = isObject(ours) && Array.isArray(ours.tracklist) ? ours.tracklist : [];
      for (const track of tracklist) {
        for (const sub of isObject(track) && Array.isArray(track.sub_tracks) ? track.sub_tracks : []) {
          subTracks += 1;
          expectShape(fixtureTracks, sub, DOCUMENTED.release);
        }
      }
    }
    expect(subTracks).toBeGreaterThan(0);
    expect(withoutStyles).toBeGreaterThan(0);
  });

  it('GET /masters/{id} and its versions', async () => {
    const masterId = world.discogs.releases.find((release) => release.masterId !== 0)?.masterId;
    expectShape([fixture('masters/4242.json')], await get(`/masters/${masterId}`), DOCUMENTED.master);
    const versions = await get(`/masters/${masterId}/versions`);
    expectShape(
      withEveryPagination(fixture('masters/4242/versions_per_page=50&page=1.json')),
      versions,
      DOCUMENTED.version,
    );
  });

  it('GET /artists/{id} and its releases', async () => {
    const release = world.discogs.releases.find((candidate) => candidate.masterId !== 0);
    const artistId = release?.artists[0]?.id;
    const samples = [...['1', '2', '3'].map((id) => fixture(`artists/${id}.json`)), DOCS_ARTIST_EXAMPLE];
    expectShape(samples, await get(`/artists/${artistId}`), DOCUMENTED.artist);
    const pages = ['1', '2'].map((n) => fixture(`artists/1/releases_per_page=50&page=${n}.json`));
    const ours = await get(`/artists/${artistId}/releases`);
    expectShape(pages, ours, DOCUMENTED.artistRelease);
    expect(isObject(ours) && Array.isArray(ours.releases) ? ours.releases.length : 0).toBeGreaterThan(0);
  });

  it('GET /labels/{id}', async () => {
    const labelId = world.discogs.releases[0]?.labels[0]?.id;
    const samples = ['1', '31405'].map((id) => fixture(`labels/${id}.json`));
    expectShape(samples, await get(`/labels/${labelId}`), DOCUMENTED.label);
  });

  it('GET /database/search for every result type', async () => {
    for (const type of ['release', 'master', 'artist', 'label']) {
      const ours = await get(`/database/search?type=${type}&per_page=50`);
      expectShape(searchSamples().flatMap(withEveryPagination), ours, DOCUMENTED.searchResult);
      expect(isObject(ours) && Array.isArray(ours.results) ? ours.results.length : 0, type).toBeGreaterThan(
        0,
      );
    }
  });

  it('GET /marketplace/stats/{id} and the (empty) inventory', async () => {
    const release = world.discogs.releases.find(
      (candidate) => candidate.id % 13 !== 0 && candidate.have > 100,
    );
    expectShape(
      [fixture('marketplace/stats/1.json')],
      await get(`/marketplace/stats/${release?.id}`),
      DOCUMENTED.marketplaceStats,
    );
    expectShape(
      withEveryPagination(fixture('users/example/inventory_per_page=50&page=1.json')),
      await get(`/users/${world.discogs.user.username}/inventory`),
      [],
    );
  });
});
