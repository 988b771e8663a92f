import { Random } from '../core/random.ts';
import { generateAlbums } from './albums.ts';
import { artistsByGenre, type GeneratedArtist, generateArtists, IdAllocator } from './artists.ts';
import { CatalogBuilder } from './catalog.ts';
import { UploaderRegistry } from './catalog-users.ts';
import {
  CUSTOM_FIELDS,
  generateCollection,
  generateConsumer,
  generateFolders,
  generateGuest,
  generateUser,
  generateWantlist,
  token,
} from './collection.ts';
import {
  type GeneratedRelease,
  generateRelease,
  type ReleaseContext,
  type ReleaseTraits,
} from './releases.ts';
import { COUNTRIES } from './vocabulary.ts';
import type { DiscogsRelease, RecordWorld } from './world.ts';

export interface RecordWorldOptions {
  seed: number;
  /** Collection items (instances), duplicates included. */
  records?: number;
}

/** The generated world's "today"; all dates lie before it. Fixed so a seed always gives the same bytes. */
export const RECORD_WORLD_NOW = Date.UTC(2026, 0, 1);

/** Every hard case, forced onto the first releases so that even a 20-record world has them all. */
function forcedTraits(artists: readonly GeneratedArtist[]): ReleaseTraits[] {
  const named = (name: string) => artists.find((artist) => artist.name === name);
  const withArtist = (name: string, traits: ReleaseTraits = {}): ReleaseTraits => {
    const artist = named(name);
    return artist ? { credit: 'single', artist, ...traits } : traits;
  };
  return [
    withArtist('Orion (2)', { format: '12inch' }),
    { credit: 'feat', format: '7inch' },
    { credit: 'various', format: 'CD' },
    withArtist('坂本龍一', { anv: true }),
    withArtist('Beyoncé', { credit: 'feat' }),
    { headings: true, index: 'grouping', positionless: true, format: 'LP' },
    { classical: true, index: 'suffixed', format: 'LP' },
    { credit: 'and' },
    { qualifiers: ['remix', 'live', 'edit'], format: 'CD' },
    withArtist('Sigur Rós'),
    withArtist('Кино', { format: 'Cassette' }),
    { credit: 'vs', master: false },
    { format: '2CD', headings: true, remastered: true },
    withArtist('山下達郎', { hideAllDurations: true }),
    withArtist('Mötley Crüe'),
    { credit: 'split', format: '12inch' },
    withArtist('John Smith (2)', { anv: true }),
    { credit: 'feat', format: 'LP' },
  ];
}

/** Another pressing of an owned release (same master), as a collector would put on a wantlist. */
function otherPressing(random: Random, ctx: ReleaseContext, original: DiscogsRelease): DiscogsRelease {
  const year = Math.min(2025, original.year + random.int(1, 25));
  const label = original.labels[0];
  return {
    ...original,
    id: ctx.releaseIds.next(10_000, 32_000_000),
    year,
    released: String(year),
    country: random.pick(COUNTRIES),
    labels: label ? [{ ...label, catno: `${label.catno}-RE` }] : [],
    formats: [{ name: 'Vinyl', qty: '1', descriptions: ['LP', 'Album', 'Reissue'] }],
    have: random.int(3, 900),
    want: random.int(1, 900),
  };
}

/** Share of releases whose submitters set no style: Discogs then leaves `styles` out of the JSON. */
const STYLELESS_SHARE = 0.04;

/**
 * Clears the styles of a few releases (at least one owned one), after the releases are drawn so the
 * rest of the world stays as it was for the seed. Only `styles` changes; the titles already drawn
 * from a style stay as they are, as old Discogs entries do.
 */
function withoutStyles(random: Random, owned: readonly GeneratedRelease[], wanted: DiscogsRelease[]): void {
  const releases = [...owned.map((item) => item.release), ...wanted];
  let ownedCleared = 0;
  releases.forEach((release, i) => {
    if (!random.chance(STYLELESS_SHARE)) return;
    release.styles = [];
    if (i < owned.length) ownedCleared += 1;
  });
  if (ownedCleared === 0 && owned.length > 0) random.pick(owned).release.styles = [];
}

export function generateRecordWorld(options: RecordWorldOptions): RecordWorld {
  const { seed } = options;
  const records = Math.max(0, Math.floor(options.records ?? 500));
  const now = RECORD_WORLD_NOW;
  const root = new Random(seed);
  const artists = generateArtists(
    root.fork('artists'),
    Math.max(40, Math.ceil(records / 4)),
    new IdAllocator(root.fork('artist-ids')),
  );
  const ctx: ReleaseContext = {
    artists,
    byGenre: artistsByGenre(artists),
    releaseIds: new IdAllocator(root.fork('release-ids')),
    masterIds: new IdAllocator(root.fork('master-ids')),
    labelIds: new Map(),
    entityIds: new IdAllocator(root.fork('entity-ids')),
    now,
  };

  const duplicateCount = records >= 2 ? Math.max(1, Math.round(records * 0.02)) : 0;
  const uniqueCount = records - duplicateCount;
  const releaseRandom = root.fork('releases');
  const forced = forcedTraits(artists);
  const owned: GeneratedRelease[] = [];
  for (let i = 0; i < uniqueCount; i++) owned.push(generateRelease(releaseRandom, ctx, forced[i] ?? {}));

  const wantRandom = root.fork('wantlist');
  const wanted: DiscogsRelease[] = [];
  const wantCount = records > 0 ? Math.max(4, Math.round(records * 0.1)) : 0;
  const withMaster = owned.filter((item) => item.release.masterId !== 0);
  for (let i = 0; i < wantCount; i++) {
    const original = withMaster.length > 0 && i % 5 === 0 ? wantRandom.pick(withMaster) : undefined;
    wanted.push(
      original ? otherPressing(wantRandom, ctx, original.release) : generateRelease(wantRandom, ctx).release,
    );
  }
  // A collector may want a second copy of something owned: the wantlist overlaps the collection a little.
  const overlap = wantRandom
    .shuffle(owned)
    .slice(0, Math.min(2, owned.length))
    .map((item) => item.release);

  withoutStyles(root.fork('no-styles'), owned, wanted);

  const collectionRandom = root.fork('collection');
  const user = generateUser(collectionRandom, now);
  const folders = generateFolders(collectionRandom, ctx.entityIds);
  const since = Date.parse(user.registered);
  const duplicates = collectionRandom
    .shuffle(owned)
    .slice(0, duplicateCount)
    .map((item) => item.release);
  const collection = generateCollection(
    collectionRandom,
    owned.map((item) => item.release),
    duplicates,
    folders,
    since,
    now,
  );
  const wantlist = generateWantlist(collectionRandom, [...wanted, ...overlap], since, now);

  const catalogRandom = root.fork('catalog');
  const uploaders = new UploaderRegistry(
    catalogRandom,
    new IdAllocator(catalogRandom.fork('user-ids')),
    Math.max(10, Math.ceil(records / 25)),
  );
  const trackIds = new IdAllocator(catalogRandom.fork('track-ids'));
  const catalog = new CatalogBuilder({
    random: catalogRandom,
    trackIds,
    uploaders,
    artists,
    byGenre: ctx.byGenre,
    now,
  });
  for (const item of owned) catalog.addRelease(item);
  // Filler keeps small worlds from being trivially searchable; big worlds have decoys enough.
  catalog.addFiller(Math.max(30, Math.min(4000, Math.round(catalog.tracks.length * 0.2))));
  const collector = uploaders.collector(`${user.username}-sc`);
  // After everything else, from its own random source, so adding albums changed no other data.
  const albumRandom = root.fork('albums');
  const albums = generateAlbums(
    { random: albumRandom, albumIds: new IdAllocator(albumRandom.fork('ids')), trackIds, uploaders, now },
    catalog.releases,
  );

  return {
    seed,
    now,
    discogs: {
      user,
      folders,
      customFields: CUSTOM_FIELDS.map((field) => ({
        ...field,
        ...(field.options ? { options: [...field.options] } : {}),
      })),
      releases: [...owned.map((item) => item.release), ...wanted],
      collection,
      wantlist,
      guests: [generateGuest(collectionRandom, now)],
      consumers: [generateConsumer(collectionRandom)],
    },
    soundcloud: {
      app: {
        clientId: token(catalogRandom, 32),
        clientSecret: token(catalogRandom, 32),
        accountUserId: collector.id,
      },
      users: uploaders.users,
      tracks: [...catalogRandom.shuffle(catalog.tracks), ...albums.tracks],
      albums: albums.albums,
      truth: catalog.truth,
    },
  };
}
