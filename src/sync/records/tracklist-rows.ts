import type { ReleaseTracksTable, TrackArtistsTable } from '../../core/db/tables/records.ts';
import { foldText } from '../../core/text/fold.ts';
import type { DiscogsArtistCredit, DiscogsTrack } from '../../upstream/discogs/schemas.ts';
import { durationSeconds } from './discogs-dates.ts';

export interface TracklistRows {
  tracks: ReleaseTracksTable[];
  credits: TrackArtistsTable[];
  /** Every artist credited on a track, for the artists table. */
  artists: DiscogsArtistCredit[];
}

/**
 * Flattens a Discogs tracklist in its own order: headings and index entries are kept as what they
 * are (not tracks), the sub-tracks of an index follow it with `parent_seq` pointing at it, and tracks
 * without a position keep '' as their position.
 */
export function tracklistRows(releaseId: number, tracklist: readonly DiscogsTrack[]): TracklistRows {
  const rows: TracklistRows = { tracks: [], credits: [], artists: [] };
  let seq = 0;
  const add = (track: DiscogsTrack, parentSeq: number | null) => {
    seq += 1;
    const own = seq;
    rows.tracks.push({
      release_id: releaseId,
      seq: own,
      parent_seq: parentSeq,
      type: track.type_,
      position: track.position.trim(),
      title: track.title,
      title_folded: foldText(track.title),
      duration: track.duration,
      duration_seconds: durationSeconds(track.duration),
    });
    for (const [kind, credits] of [
      ['main', track.artists],
      ['extra', track.extraartists],
    ] as const) {
      credits.forEach((credit, position) => {
        rows.artists.push(credit);
        rows.credits.push({
          release_id: releaseId,
          track_seq: own,
          kind,
          position,
          artist_id: credit.id,
          anv: credit.anv,
          join_text: credit.join,
          role: credit.role,
        });
      });
    }
    for (const sub of track.sub_tracks) add(sub, own);
  };
  for (const track of tracklist) add(track, null);
  return rows;
}
