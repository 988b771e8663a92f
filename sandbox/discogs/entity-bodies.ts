/**
 * Bodies of the artist and label resources and of their release listings (developer docs "Artist",
 * "Artist Releases", "Label", "All Label Releases"; fixtures artists/*.json, labels/*.json).
 * Empty lists (urls, members, sublabels...) are left out, as in the fixtures.
 */
import type { DiscogsRelease } from '../records/world.ts';
import { artistsSort, imageUrl, slug } from './bodies.ts';
import type { ArtistEntry, LabelEntry } from './entities.ts';
import type { UserShelf } from './store.ts';

/** Artist (A-) and label (L-) images, on the same image host as release images. */
export function entityImageUrl(kind: 'A' | 'L', id: number, size: 150 | 600): string {
  return `https://i.discogs.com/sandbox/rs:fit/w:${size}/h:${size}/${kind}-${id}.jpeg`;
}

function primaryImage(kind: 'A' | 'L', id: number) {
  const uri = entityImageUrl(kind, id, 600);
  return {
    height: 600,
    resource_url: uri,
    type: 'primary',
    uri,
    uri150: entityImageUrl(kind, id, 150),
    width: 600,
  };
}

export function artistPageJson(artist: ArtistEntry, origin: string) {
  const variations = [...artist.anvs];
  return {
    data_quality: 'Needs Vote',
    id: artist.id,
    images: [primaryImage('A', artist.id)],
    name: artist.name,
    ...(variations.length > 0 ? { namevariations: variations } : {}),
    profile: '',
    releases_url: `${origin}/artists/${artist.id}/releases`,
    resource_url: `${origin}/artists/${artist.id}`,
    uri: `https://www.discogs.com/artist/${artist.id}-${slug(artist.name)}`,
  };
}

export function labelPageJson(label: LabelEntry, origin: string) {
  return {
    data_quality: 'Needs Vote',
    id: label.id,
    images: [primaryImage('L', label.id)],
    name: label.name,
    profile: '',
    releases_url: `${origin}/labels/${label.id}/releases`,
    resource_url: `${origin}/labels/${label.id}`,
    uri: `https://www.discogs.com/label/${label.id}-${slug(label.name)}`,
  };
}

/** `"CD, Album"`, `"LP, Album, Reissue"`: the one-line format of release listings. */
export function formatSummary(release: DiscogsRelease): string {
  return release.formats
    .map((format) => {
      const qty = Number(format.qty) > 1 ? `${format.qty}x` : '';
      const parts =
        format.name === 'Vinyl' && format.descriptions.length > 0
          ? [...format.descriptions]
          : [format.name, ...format.descriptions];
      return `${qty}${parts.join(', ')}`;
    })
    .join(', ');
}

/** `stats` of listing rows: community counts, plus the caller's own when a user is signed in. */
function rowStats(releases: readonly DiscogsRelease[], shelf: UserShelf | undefined) {
  const ids = new Set(releases.map((release) => release.id));
  return {
    community: {
      in_collection: releases.reduce((sum, release) => sum + release.have, 0),
      in_wantlist: releases.reduce((sum, release) => sum + release.want, 0),
    },
    ...(shelf
      ? {
          user: {
            in_collection: shelf.instances.filter((item) => ids.has(item.releaseId)).length,
            in_wantlist: [...ids].filter((id) => shelf.wants.has(id)).length,
          },
        }
      : {}),
  };
}

export type ListingSort = { key: 'year' | 'title' | 'format'; descending: boolean };

export function parseListingSort(url: URL): ListingSort {
  const requested = url.searchParams.get('sort');
  const key = requested === 'title' || requested === 'format' ? requested : 'year';
  return { key, descending: url.searchParams.get('sort_order') === 'desc' };
}

interface ListingRow {
  sortTitle: string;
  sortYear: number;
  sortFormat: string;
  id: number;
  body: Record<string, unknown>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortRows(rows: ListingRow[], sort: ListingSort): Record<string, unknown>[] {
  const direction = sort.descending ? -1 : 1;
  return rows
    .sort((a, b) => {
      const primary =
        sort.key === 'year'
          ? a.sortYear - b.sortYear
          : collator.compare(
              sort.key === 'title' ? a.sortTitle : a.sortFormat,
              sort.key === 'title' ? b.sortTitle : b.sortFormat,
            );
      return (primary || a.id - b.id) * direction;
    })
    .map((row) => row.body);
}

/**
 * `GET /artists/{id}/releases`: releases that belong to a master are listed once, as the master
 * (`type: "master"`, `main_release`); the others as themselves (`type: "release"`).
 */
export function artistReleaseRows(
  artist: ArtistEntry,
  origin: string,
  shelf: UserShelf | undefined,
  sort: ListingSort,
): Record<string, unknown>[] {
  const masters = new Map<number, { role: string; versions: DiscogsRelease[] }>();
  const rows: ListingRow[] = [];
  for (const { release, role } of artist.appearances) {
    if (release.masterId !== 0 && role === 'Main') {
      const group = masters.get(release.masterId) ?? { role, versions: [] };
      group.versions.push(release);
      masters.set(release.masterId, group);
      continue;
    }
    rows.push({
      sortTitle: release.title,
      sortYear: release.year,
      sortFormat: formatSummary(release),
      id: release.id,
      body: {
        artist: artistsSort(release.artists),
        format: formatSummary(release),
        id: release.id,
        label: release.labels[0]?.name ?? '',
        resource_url: `${origin}/releases/${release.id}`,
        role,
        stats: rowStats([release], shelf),
        status: 'Accepted',
        thumb: imageUrl(release.id, 150),
        title: release.title,
        type: 'release',
        year: release.year,
      },
    });
  }
  for (const [masterId, { role, versions }] of masters) {
    const main = [...versions].sort((a, b) => a.year - b.year || a.id - b.id)[0] as DiscogsRelease;
    rows.push({
      sortTitle: main.title,
      sortYear: main.year,
      sortFormat: formatSummary(main),
      id: masterId,
      body: {
        artist: artistsSort(main.artists),
        id: masterId,
        main_release: main.id,
        resource_url: `${origin}/masters/${masterId}`,
        role,
        stats: rowStats(versions, shelf),
        thumb: imageUrl(main.id, 150),
        title: main.title,
        type: 'master',
        year: main.year,
      },
    });
  }
  return sortRows(rows, sort);
}

/** `GET /labels/{id}/releases`: every release on the label, oldest first. */
export function labelReleaseRows(
  label: LabelEntry,
  origin: string,
  shelf: UserShelf | undefined,
): Record<string, unknown>[] {
  const rows = label.releases.map(({ release, catno }) => ({
    sortTitle: release.title,
    sortYear: release.year,
    sortFormat: formatSummary(release),
    id: release.id,
    body: {
      artist: artistsSort(release.artists),
      catno,
      format: formatSummary(release),
      id: release.id,
      resource_url: `${origin}/releases/${release.id}`,
      stats: rowStats([release], shelf),
      status: 'Accepted',
      thumb: imageUrl(release.id, 150),
      title: release.title,
      year: release.year,
    },
  }));
  return sortRows(rows, { key: 'year', descending: false });
}
