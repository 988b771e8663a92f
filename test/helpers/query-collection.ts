import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../src/core/db/schema.ts';
import { foldText } from '../../src/core/text/fold.ts';

/**
 * A small hand-made collection written straight into the records tables, for query tests.
 * Release 7 is only on the wantlist; release 3 is owned twice (two folders, two ratings).
 */
interface FixtureRelease {
  id: number;
  title: string;
  artists: string[];
  year: number | null;
  country: string | null;
  genres: string[];
  styles: string[];
  formats: { name: string; descriptions: string[] }[];
  labels: { name: string; catno: string }[];
  tracks: { type?: 'track' | 'heading'; position: string; title: string; duration: string }[];
  copies: { folder: number; rating: number; added: string }[];
}

export const FOLDERS = [
  { id: 1, name: 'Uncategorized' },
  { id: 2, name: 'Jazz' },
  { id: 3, name: 'Favourites' },
];

export const RELEASES: FixtureRelease[] = [
  {
    id: 1,
    title: 'Kind of Blue',
    artists: ['Miles Davis'],
    year: 1959,
    country: 'US',
    genres: ['Jazz'],
    styles: ['Modal', 'Cool Jazz'],
    formats: [{ name: 'Vinyl', descriptions: ['LP', 'Album', 'Mono'] }],
    labels: [{ name: 'Columbia', catno: 'CL 1355' }],
    tracks: [
      { type: 'heading', position: '', title: 'Side One', duration: '' },
      { position: 'A1', title: 'So What', duration: '9:22' },
      { position: 'A2', title: 'Freddie Freeloader', duration: '9:46' },
      { position: 'B1', title: 'Blue in Green', duration: '5:37' },
    ],
    copies: [{ folder: 2, rating: 5, added: '2023-05-01T10:00:00Z' }],
  },
  {
    id: 2,
    title: 'Bitches Brew',
    artists: ['Miles Davis'],
    year: 1970,
    country: 'US',
    genres: ['Jazz'],
    styles: ['Fusion', 'Jazz-Rock'],
    formats: [{ name: 'Vinyl', descriptions: ['LP', 'Album'] }],
    labels: [{ name: 'Columbia', catno: 'GP 26' }],
    tracks: [{ position: 'A', title: 'Pharaoh’s Dance', duration: '20:06' }],
    copies: [{ folder: 2, rating: 4, added: '2024-02-10T08:00:00Z' }],
  },
  {
    id: 3,
    title: 'Homogenic',
    artists: ['Björk'],
    year: 1997,
    country: 'UK',
    genres: ['Electronic', 'Pop'],
    styles: ['Trip Hop'],
    formats: [{ name: 'CD', descriptions: ['Album'] }],
    labels: [{ name: 'One Little Indian', catno: 'TPLP71CD' }],
    tracks: [{ position: '1', title: 'Jóga', duration: '5:05' }],
    copies: [
      { folder: 1, rating: 0, added: '2024-06-15T12:00:00Z' },
      { folder: 3, rating: 5, added: '2024-07-01T12:00:00Z' },
    ],
  },
  {
    id: 4,
    title: 'A Love Supreme',
    artists: ['John Coltrane'],
    year: 1965,
    country: 'US',
    genres: ['Jazz'],
    styles: ['Free Jazz', 'Hard Bop'],
    formats: [{ name: 'Vinyl', descriptions: ['LP', 'Album'] }],
    labels: [{ name: 'Impulse!', catno: 'A-77' }],
    tracks: [],
    copies: [{ folder: 2, rating: 5, added: '2022-01-01T00:00:00Z' }],
  },
  {
    id: 5,
    title: 'Café Tacvba',
    artists: ['Café Tacvba'],
    year: 1992,
    country: 'Mexico',
    genres: ['Rock', 'Latin'],
    styles: ['Alternative Rock'],
    formats: [{ name: 'CD', descriptions: ['Album'] }],
    labels: [{ name: 'WEA', catno: 'CDW-1992' }],
    tracks: [],
    copies: [{ folder: 1, rating: 3, added: '2024-01-01T23:30:00Z' }],
  },
  {
    id: 6,
    title: 'Untitled Tape',
    artists: ['Anonymous'],
    year: null,
    country: null,
    genres: [],
    styles: [],
    formats: [{ name: 'Cassette', descriptions: [] }],
    labels: [],
    tracks: [],
    copies: [{ folder: 1, rating: 0, added: '2021-03-03T03:03:03Z' }],
  },
  {
    id: 7,
    title: 'Head Hunters',
    artists: ['Herbie Hancock'],
    year: 1973,
    country: 'US',
    genres: ['Jazz'],
    styles: ['Fusion'],
    formats: [{ name: 'Vinyl', descriptions: ['LP'] }],
    labels: [{ name: 'Columbia', catno: 'KC 32731' }],
    tracks: [],
    copies: [],
  },
  {
    id: 8,
    title: "Robert'); DROP TABLE releases;--",
    artists: ['Little Bobby Tables'],
    year: 2007,
    country: 'US',
    genres: ['Rock'],
    styles: ['Punk'],
    formats: [{ name: 'Vinyl', descriptions: ['7"', 'Single'] }],
    labels: [{ name: 'xkcd', catno: '327' }],
    tracks: [],
    copies: [{ folder: 1, rating: 1, added: '2024-03-27T00:00:00Z' }],
  },
];

/** Ids of the releases the collection owns (all but the wantlist-only one). */
export const OWNED_IDS = RELEASES.filter((release) => release.copies.length > 0).map((release) => release.id);

export async function insertCollection(db: Kysely<DatabaseSchema>, releases = RELEASES): Promise<void> {
  await db
    .insertInto('collection_folders')
    .values(FOLDERS.map((folder) => ({ ...folder, count: 0 })))
    .execute();
  const artistIds = new Map<string, number>();
  const labelIds = new Map<string, number>();
  let instanceId = 1000;
  for (const release of releases) {
    await db
      .insertInto('releases')
      .values({
        id: release.id,
        title: release.title,
        title_folded: foldText(release.title),
        artists_display: release.artists.join(' & '),
        year: release.year,
        country: release.country,
        basic_hash: `hash-${release.id}`,
        updated_at: 0,
      })
      .execute();
    for (const [position, name] of release.artists.entries()) {
      let artistId = artistIds.get(name);
      if (artistId === undefined) {
        artistId = 100 + artistIds.size;
        artistIds.set(name, artistId);
        await db
          .insertInto('artists')
          .values({ id: artistId, name, display_name: name, name_folded: foldText(name) })
          .execute();
      }
      await db
        .insertInto('release_artists')
        .values({
          release_id: release.id,
          kind: 'main',
          position,
          artist_id: artistId,
          anv: '',
          join_text: '',
          role: '',
          tracks: '',
        })
        .execute();
    }
    for (const [position, label] of release.labels.entries()) {
      let labelId = labelIds.get(label.name);
      if (labelId === undefined) {
        labelId = 500 + labelIds.size;
        labelIds.set(label.name, labelId);
        await db
          .insertInto('labels')
          .values({ id: labelId, name: label.name, name_folded: foldText(label.name) })
          .execute();
      }
      await db
        .insertInto('release_labels')
        .values({
          release_id: release.id,
          position,
          label_id: labelId,
          catno: label.catno,
          entity_type: '1',
          entity_type_name: 'Label',
        })
        .execute();
    }
    for (const [position, format] of release.formats.entries()) {
      await db
        .insertInto('release_formats')
        .values({ release_id: release.id, position, name: format.name, qty: '1' })
        .execute();
      for (const [index, description] of format.descriptions.entries()) {
        await db
          .insertInto('release_format_descriptions')
          .values({ release_id: release.id, format_position: position, position: index, description })
          .execute();
      }
    }
    for (const [position, genre] of release.genres.entries()) {
      await db.insertInto('release_genres').values({ release_id: release.id, position, genre }).execute();
    }
    for (const [position, style] of release.styles.entries()) {
      await db.insertInto('release_styles').values({ release_id: release.id, position, style }).execute();
    }
    for (const [index, track] of release.tracks.entries()) {
      await db
        .insertInto('release_tracks')
        .values({
          release_id: release.id,
          seq: index + 1,
          type: track.type ?? 'track',
          position: track.position,
          title: track.title,
          title_folded: foldText(track.title),
          duration: track.duration,
          duration_seconds: secondsOf(track.duration),
        })
        .execute();
    }
    for (const copy of release.copies) {
      await db
        .insertInto('collection_instances')
        .values({
          instance_id: instanceId++,
          release_id: release.id,
          folder_id: copy.folder,
          rating: copy.rating,
          date_added: copy.added.replace('Z', '-00:00'),
          added_at: copy.added,
        })
        .execute();
    }
    if (release.copies.length === 0) {
      await db
        .insertInto('wantlist')
        .values({
          release_id: release.id,
          rating: 0,
          notes: '',
          notes_public: 0,
          date_added: '2024-01-01T00:00:00-00:00',
          added_at: '2024-01-01T00:00:00Z',
        })
        .execute();
    }
  }
}

function secondsOf(duration: string): number | null {
  const match = /^(\d+):(\d{2})$/.exec(duration);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
