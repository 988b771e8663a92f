import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import type { WantedTrack } from './matching/score.ts';
import { dropDiscogsSuffix } from './matching/text.ts';

/** One release of the query with its playable tracks, in Discogs' order. */
export interface WantedRelease {
  id: number;
  title: string;
  /** The release credit's names (display names and name variations). */
  artists: string[];
  tracks: WantedTrack[];
}

/** Releases whose tracklist is not stored yet (enrich must fetch them before matching). */
export async function releasesWithoutTracklist(
  db: Kysely<DatabaseSchema>,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('releases')
    .select('id')
    .where('id', 'in', ids)
    .where('tracklist_fetched_at', 'is', null)
    .where((eb) => eb.or([eb('tracklist_status', 'is', null), eb('tracklist_status', '!=', 'not_found')]))
    .execute();
  return rows.map((row) => row.id);
}

function creditNames(rows: readonly { name: string; anv: string }[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    names.add(dropDiscogsSuffix(row.name));
    if (row.anv) names.add(row.anv);
  }
  return [...names].filter((name) => name.toLowerCase() !== 'various');
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The playable tracks of `ids` (in that order): type `track` rows, sub-tracks of an index included,
 * headings and the index rows themselves left out. Each release once, however many copies.
 */
export async function loadWantedReleases(
  db: Kysely<DatabaseSchema>,
  ids: readonly number[],
): Promise<WantedRelease[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const chunks: number[][] = [];
  for (let i = 0; i < unique.length; i += 500) chunks.push(unique.slice(i, i + 500));
  const out = new Map<number, WantedRelease>();
  for (const chunk of chunks) {
    const [releases, credits, labels, tracks, trackCredits] = await Promise.all([
      db.selectFrom('releases').select(['id', 'title', 'year']).where('id', 'in', chunk).execute(),
      db
        .selectFrom('release_artists')
        .innerJoin('artists', 'artists.id', 'release_artists.artist_id')
        .select([
          'release_artists.release_id',
          'artists.name',
          'release_artists.anv',
          'release_artists.position',
        ])
        .where('release_artists.release_id', 'in', chunk)
        .where('release_artists.kind', '=', 'main')
        .orderBy('release_artists.position')
        .execute(),
      db
        .selectFrom('release_labels')
        .innerJoin('labels', 'labels.id', 'release_labels.label_id')
        .select(['release_labels.release_id', 'labels.name'])
        .where('release_labels.release_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('release_tracks')
        .select(['release_id', 'seq', 'position', 'title', 'duration_seconds'])
        .where('release_id', 'in', chunk)
        .where('type', '=', 'track')
        .orderBy('release_id')
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('track_artists')
        .innerJoin('artists', 'artists.id', 'track_artists.artist_id')
        .select(['track_artists.release_id', 'track_artists.track_seq', 'artists.name', 'track_artists.anv'])
        .where('track_artists.release_id', 'in', chunk)
        .where('track_artists.kind', '=', 'main')
        .orderBy('track_artists.position')
        .execute(),
    ]);
    const creditsBy = groupBy(credits, (row) => row.release_id);
    const labelsBy = groupBy(labels, (row) => row.release_id);
    const tracksBy = groupBy(tracks, (row) => row.release_id);
    const trackCreditsBy = groupBy(trackCredits, (row) => `${row.release_id}:${row.track_seq}`);
    for (const release of releases) {
      const artists = creditNames(creditsBy.get(release.id) ?? []);
      const labelNames = [...new Set((labelsBy.get(release.id) ?? []).map((row) => row.name))];
      const seen = new Set<string>();
      const wanted: WantedTrack[] = [];
      for (const track of tracksBy.get(release.id) ?? []) {
        // Position is the track's identity within a release; the truth keys rely on it being unique.
        if (seen.has(track.position)) continue;
        seen.add(track.position);
        const own = creditNames(trackCreditsBy.get(`${release.id}:${track.seq}`) ?? []);
        wanted.push({
          releaseId: release.id,
          position: track.position,
          title: track.title,
          durationSeconds: track.duration_seconds,
          artists: own.length > 0 ? own : artists,
          labels: labelNames,
          year: release.year,
          releaseTitle: release.title,
        });
      }
      out.set(release.id, { id: release.id, title: release.title, artists, tracks: wanted });
    }
  }
  return unique.flatMap((id) => {
    const release = out.get(id);
    return release ? [release] : [];
  });
}
