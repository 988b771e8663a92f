/**
 * Discogs JSON shapes, key for key as in the captured fixtures (specs/discogs/fixtures) and the
 * developer docs. Every URL is absolute on the stand-in's own origin, as the real API's are on its own.
 */
import { displayName } from '../records/artists.ts';
import type {
  DiscogsArtistCredit,
  DiscogsCollectionItem,
  DiscogsFormat,
  DiscogsLabel,
  DiscogsRelease,
  DiscogsTrack,
  DiscogsWant,
} from '../records/world.ts';

export function artistJson(artist: DiscogsArtistCredit, origin: string) {
  return {
    anv: artist.anv,
    id: artist.id,
    join: artist.join,
    name: artist.name,
    resource_url: `${origin}/artists/${artist.id}`,
    role: artist.role,
    tracks: artist.tracks,
  };
}

export function labelJson(label: DiscogsLabel, origin: string) {
  return {
    catno: label.catno,
    entity_type: label.entity_type,
    entity_type_name: label.entity_type_name,
    id: label.id,
    name: label.name,
    resource_url: `${origin}/labels/${label.id}`,
  };
}

export function formatJson(format: DiscogsFormat) {
  return {
    descriptions: [...format.descriptions],
    name: format.name,
    qty: format.qty,
    ...(format.text !== undefined ? { text: format.text } : {}),
  };
}

/** Image URLs as Discogs serves them from its image host (never fetched by the tools). */
export function imageUrl(releaseId: number, size: 150 | 600): string {
  return `https://i.discogs.com/sandbox/rs:fit/w:${size}/h:${size}/R-${releaseId}.jpeg`;
}

/**
 * `{ [key]: [...items] }`, or nothing when the list is empty: Discogs leaves out list keys such as
 * `styles` and `identifiers` when a release has none (API-NOTES 6.5, fixtures releases/1 and 79).
 */
export function listOrNothing<K extends string, T>(key: K, items: readonly T[]): { [P in K]?: T[] } {
  return (items.length > 0 ? { [key]: [...items] } : {}) as { [P in K]?: T[] };
}

export function masterUrl(release: DiscogsRelease, origin: string): string | null {
  return release.masterId === 0 ? null : `${origin}/masters/${release.masterId}`;
}

/** The `basic_information` block of collection and wantlist items. */
export function basicInformation(release: DiscogsRelease, origin: string) {
  return {
    artists: release.artists.map((artist) => artistJson(artist, origin)),
    cover_image: imageUrl(release.id, 600),
    formats: release.formats.map(formatJson),
    genres: [...release.genres],
    id: release.id,
    labels: release.labels.map((label) => labelJson(label, origin)),
    master_id: release.masterId,
    master_url: masterUrl(release, origin),
    resource_url: `${origin}/releases/${release.id}`,
    ...listOrNothing('styles', release.styles),
    thumb: imageUrl(release.id, 150),
    title: release.title,
    year: release.year,
  };
}

/** A collection item; `visibleFields` filters the notes (non-owners see only public fields). */
export function collectionItemJson(
  item: DiscogsCollectionItem,
  release: DiscogsRelease,
  origin: string,
  visibleFields: ReadonlySet<number> | undefined,
) {
  const notes = item.notes.filter((note) => !visibleFields || visibleFields.has(note.field_id));
  return {
    basic_information: basicInformation(release, origin),
    date_added: item.dateAdded,
    folder_id: item.folderId,
    id: release.id,
    instance_id: item.instanceId,
    ...(notes.length > 0
      ? { notes: notes.map((note) => ({ field_id: note.field_id, value: note.value })) }
      : {}),
    rating: item.rating,
  };
}

/** A wantlist item. The owner sees the notes; others only notes the owner made public. */
export function wantJson(
  want: DiscogsWant,
  release: DiscogsRelease,
  username: string,
  origin: string,
  isOwner: boolean,
) {
  const notesPublic = want.notesPublic ?? false;
  return {
    basic_information: basicInformation(release, origin),
    date_added: want.dateAdded,
    id: release.id,
    ...(isOwner || notesPublic ? { notes: want.notes } : {}),
    notes_public: notesPublic,
    rating: want.rating,
    resource_url: `${origin}/users/${username}/wants/${release.id}`,
  };
}

export function trackJson(track: DiscogsTrack, origin: string): Record<string, unknown> {
  return {
    duration: track.duration,
    position: track.position,
    title: track.title,
    type_: track.type_,
    ...(track.artists ? { artists: track.artists.map((artist) => artistJson(artist, origin)) } : {}),
    ...(track.extraartists
      ? { extraartists: track.extraartists.map((artist) => artistJson(artist, origin)) }
      : {}),
    ...(track.sub_tracks ? { sub_tracks: track.sub_tracks.map((sub) => trackJson(sub, origin)) } : {}),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1999-07-13" → "13 Jul 1999", "1998-12-00" → "Dec 1998", "2005" → "2005". */
export function releasedFormatted(released: string): string {
  const [year = '', month = '00', day = '00'] = released.split('-');
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) return year;
  return day === '00' ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

export function artistsSort(artists: readonly DiscogsArtistCredit[]): string {
  return artists
    .map((artist, i) => {
      if (i === artists.length - 1 || !artist.join) return displayName(artist);
      return `${displayName(artist)}${artist.join === ',' ? ',' : ` ${artist.join}`}`;
    })
    .join(' ');
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'release'
  );
}
