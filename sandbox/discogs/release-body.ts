import type { DiscogsArtistCredit, DiscogsLabel, DiscogsRelease } from '../records/world.ts';
import {
  artistJson,
  artistsSort,
  formatJson,
  imageUrl,
  labelJson,
  listOrNothing,
  masterUrl,
  releasedFormatted,
  slug,
  trackJson,
} from './bodies.ts';
import { convertFromUsd } from './currency.ts';
import { entityImageUrl } from './entity-bodies.ts';

/**
 * The main artists and labels of a full release or master: as in listings, plus the thumbnail_url live
 * bodies carry (not in the docs' examples; go-discogs quotes a live release with it).
 */
function mainArtistJson(artist: DiscogsArtistCredit, origin: string) {
  return { ...artistJson(artist, origin), thumbnail_url: entityImageUrl('A', artist.id, 150) };
}

function mainLabelJson(label: DiscogsLabel, origin: string) {
  return { ...labelJson(label, origin), thumbnail_url: entityImageUrl('L', label.id, 150) };
}

const WEIGHT_GRAMS: Record<string, number> = { Vinyl: 230, CD: 85, Cassette: 60 };

function formatQuantity(release: DiscogsRelease): number {
  return release.formats.reduce((sum, format) => sum + (Number(format.qty) || 1), 0);
}

function images(release: DiscogsRelease) {
  return [
    {
      height: 600,
      resource_url: imageUrl(release.id, 600),
      type: 'primary',
      uri: imageUrl(release.id, 600),
      uri150: imageUrl(release.id, 150),
      width: 600,
    },
  ];
}

/** Videos for releases that belong to a master; Discogs omits the key when there are none. */
function videos(release: DiscogsRelease) {
  const artist = artistsSort(release.artists);
  return release.tracklist
    .filter((track) => track.type_ === 'track')
    .slice(0, 2)
    .map((track, i) => ({
      description: `${artist} - ${track.title}`,
      duration: 180 + ((release.id + i * 37) % 240),
      embed: true,
      title: `${artist} - ${track.title}`,
      uri: `https://www.youtube.com/watch?v=${(release.id * 7 + i).toString(36).padStart(11, 'x').slice(0, 11)}`,
    }));
}

/** Copies listed in the marketplace: a stable function of the release. */
export function numberForSale(release: DiscogsRelease): number {
  return (release.id % 13) * (release.have > 100 ? 3 : 0);
}

/** Suggested price, a stable function of demand so a seed always gives the same numbers. */
export function estimatedPrice(release: DiscogsRelease): number {
  return Math.round((2 + (release.want / (release.have + 1)) * 14 + (release.id % 700) / 100) * 100) / 100;
}

/** The community's rating of a release: `community.rating` of the release, and `GET /releases/{id}/rating`. */
export function communityRating(release: DiscogsRelease) {
  return { average: Math.round((3 + (release.id % 200) / 100) * 100) / 100, count: release.have % 97 };
}

/**
 * `GET /releases/{id}`: the full release. `master_id`/`master_url`, `notes`, `videos`, `identifiers`
 * and `styles` are absent when unset or empty, as in the fixtures; `companies`, `series` and
 * `extraartists` stay as empty lists, as there.
 */
export function releaseJson(release: DiscogsRelease, origin: string, currency = 'USD') {
  const hasMaster = release.masterId !== 0;
  const numForSale = numberForSale(release);
  return {
    artists: release.artists.map((artist) => mainArtistJson(artist, origin)),
    // Not in the docs' example; live releases carry the credit line, as the search titles show it.
    artists_sort: artistsSort(release.artists),
    blocked_from_sale: false,
    community: {
      contributors: [{ resource_url: `${origin}/users/sandbox_submitter`, username: 'sandbox_submitter' }],
      data_quality: release.dataQuality,
      have: release.have,
      rating: communityRating(release),
      status: 'Accepted',
      submitter: { resource_url: `${origin}/users/sandbox_submitter`, username: 'sandbox_submitter' },
      want: release.want,
    },
    companies: [],
    country: release.country,
    data_quality: release.dataQuality,
    date_added: release.dateAdded,
    date_changed: release.dateChanged,
    estimated_weight: release.formats.reduce(
      (sum, format) => sum + (WEIGHT_GRAMS[format.name] ?? 100) * (Number(format.qty) || 1),
      0,
    ),
    extraartists: release.extraartists.map((artist) => artistJson(artist, origin)),
    format_quantity: formatQuantity(release),
    formats: release.formats.map(formatJson),
    genres: [...release.genres],
    id: release.id,
    ...listOrNothing(
      'identifiers',
      release.identifiers.map((identifier) => ({ ...identifier })),
    ),
    images: images(release),
    labels: release.labels.map((label) => mainLabelJson(label, origin)),
    lowest_price: numForSale > 0 ? convertFromUsd(estimatedPrice(release), currency) : null,
    ...(hasMaster ? { master_id: release.masterId, master_url: masterUrl(release, origin) } : {}),
    ...(release.notes !== null ? { notes: release.notes } : {}),
    num_for_sale: numForSale,
    released: release.released,
    released_formatted: releasedFormatted(release.released),
    resource_url: `${origin}/releases/${release.id}`,
    series: [],
    status: 'Accepted',
    ...listOrNothing('styles', release.styles),
    thumb: imageUrl(release.id, 150),
    title: release.title,
    tracklist: release.tracklist.map((track) => trackJson(track, origin)),
    uri: `https://www.discogs.com/release/${release.id}-${slug(`${artistsSort(release.artists)} ${release.title}`)}`,
    ...(hasMaster ? listOrNothing('videos', videos(release)) : {}),
    year: release.year,
  };
}

/** `GET /masters/{id}`, built from the main release (the earliest version) of the master. */
export function masterJson(masterId: number, versions: readonly DiscogsRelease[], origin: string) {
  const main = [...versions].sort((a, b) => a.year - b.year || a.id - b.id)[0] as DiscogsRelease;
  const mostRecent = [...versions].sort((a, b) => b.year - a.year || b.id - a.id)[0] as DiscogsRelease;
  return {
    artists: main.artists.map((artist) => mainArtistJson(artist, origin)),
    data_quality: main.dataQuality,
    genres: [...main.genres],
    id: masterId,
    images: images(main),
    lowest_price: estimatedPrice(main),
    main_release: main.id,
    main_release_url: `${origin}/releases/${main.id}`,
    // Not in the docs' example; live masters carry them (API-NOTES 3.3 lists the example's keys only).
    most_recent_release: mostRecent.id,
    most_recent_release_url: `${origin}/releases/${mostRecent.id}`,
    num_for_sale: versions.length * 2,
    resource_url: `${origin}/masters/${masterId}`,
    ...listOrNothing('styles', main.styles),
    title: main.title,
    tracklist: main.tracklist.map((track) => trackJson(track, origin)),
    uri: `https://www.discogs.com/master/${masterId}-${slug(`${artistsSort(main.artists)} ${main.title}`)}`,
    versions_url: `${origin}/masters/${masterId}/versions`,
    ...listOrNothing('videos', videos(main)),
    year: main.year,
  };
}
