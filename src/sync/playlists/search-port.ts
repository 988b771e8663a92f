import type { HttpClient } from '../../core/http/index.ts';
import { searchPlaylists, searchTracks } from '../../upstream/soundcloud/api.ts';
import type { SoundcloudTrack } from '../../upstream/soundcloud/schemas.ts';
import type { Candidate } from './matching/score.ts';

/** The searches the matcher may make; counted, so the report can say what a build cost. */
export interface SearchPort {
  tracks(q: string): Promise<Candidate[]>;
  /** Album and playlist uploads: each result's tracks, flattened. */
  albums(q: string): Promise<Candidate[]>;
  readonly count: number;
}

export function toCandidate(track: SoundcloudTrack): Candidate {
  return {
    urn: track.urn,
    title: track.title,
    durationMs: track.duration ?? null,
    uploader: track.user?.username ?? '',
    uploaderFullName: track.user?.full_name ?? '',
    metadataArtist: track.metadata_artist ?? '',
    labelName: track.label_name ?? '',
    releaseYear: track.release_year ?? null,
  };
}

export function soundcloudSearchPort(
  api: HttpClient,
  call: <T>(run: () => Promise<T>) => Promise<T>,
): SearchPort {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async tracks(q) {
      count += 1;
      const found = await call(() => searchTracks(api, q, 20));
      return found.filter((track) => (track.access ?? 'playable') === 'playable').map(toCandidate);
    },
    async albums(q) {
      count += 1;
      const found = await call(() => searchPlaylists(api, q, 5));
      return found.flatMap((playlist) => (playlist.tracks ?? []).map(toCandidate));
    },
  };
}
