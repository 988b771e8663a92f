import type { DiscogsTrack } from './world.ts';

/**
 * The tracks a playlist can hold, per PRODUCT.md: an index track's sub-tracks are the tracks (the
 * index itself is not), headings are not tracks, tracks without a position are kept.
 */
export function playableTracks(tracklist: readonly DiscogsTrack[]): DiscogsTrack[] {
  const out: DiscogsTrack[] = [];
  for (const track of tracklist) {
    if (track.type_ === 'track') out.push(track);
    else if (track.type_ === 'index') {
      for (const sub of track.sub_tracks ?? []) if (sub.type_ === 'track') out.push(sub);
    }
  }
  return out;
}

/** The key of `/__sandbox/truth`: Discogs' own position string, "" where Discogs gives none. */
export function truthKey(releaseId: number, position: string): string {
  return `${releaseId}:${position}`;
}
