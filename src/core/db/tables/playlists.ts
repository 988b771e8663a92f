/** Table interfaces of the playlists part, created by migrations/004-playlists.ts. */

/** The SoundCloud sign-in: one row (`account = 'default'`), tokens sealed by core/crypto. */
export interface SoundcloudAuthTable {
  account: string;
  access_sealed: string;
  refresh_sealed: string | null;
  /** Epoch ms when the access token stops working. */
  expires_at: number;
  scope: string;
  user_urn: string | null;
  username: string | null;
  updated_at: number;
}

/**
 * What is known about one Discogs track on SoundCloud, shared by every playlist. Matched and
 * uncertain rows never expire; missing rows expire (`expires_at`) so the track is searched again.
 * `decision` is the user's own verdict from `playlist review` and always wins.
 */
export interface TrackMatchesTable {
  release_id: number;
  position: string;
  status: 'matched' | 'uncertain' | 'missing';
  urn: string | null;
  score: number;
  decision: 'accepted' | 'rejected' | null;
  checked_at: number;
  expires_at: number | null;
}

/** A playlist built by shelfsync; its SoundCloud parts (one per 500 tracks when split) as JSON. */
export interface PlaylistsTable {
  name: string;
  query: string;
  private: number;
  /** `split` or `cap`. */
  overflow: string;
  track_limit: number | null;
  /** JSON: [{ "urn": "soundcloud:playlists:1", "tracks": ["soundcloud:tracks:2", ...] }] */
  parts_json: string;
  /** JSON of the last build's report (matched, uncertain, missing, tracks). */
  report_json: string;
  created_at: number;
  updated_at: number;
}

export interface PlaylistsTables {
  soundcloud_auth: SoundcloudAuthTable;
  track_matches: TrackMatchesTable;
  playlists: PlaylistsTable;
}
