/**
 * The generated record world shared by the Discogs and SoundCloud stand-ins. Plain data: the
 * generator fills it, each stand-in builds its own mutable store from it.
 */

export interface DiscogsArtistCredit {
  id: number;
  /** Discogs' name, including a disambiguation suffix such as "Smith (2)". */
  name: string;
  anv: string;
  join: string;
  role: string;
  tracks: string;
}

export interface DiscogsTrack {
  position: string;
  type_: 'track' | 'heading' | 'index';
  title: string;
  duration: string;
  artists?: DiscogsArtistCredit[];
  extraartists?: DiscogsArtistCredit[];
  sub_tracks?: DiscogsTrack[];
}

export interface DiscogsLabel {
  id: number;
  name: string;
  catno: string;
  entity_type: string;
  entity_type_name: string;
}

export interface DiscogsFormat {
  name: string;
  qty: string;
  text?: string;
  descriptions: string[];
}

export interface DiscogsRelease {
  id: number;
  title: string;
  year: number;
  released: string;
  country: string;
  masterId: number;
  artists: DiscogsArtistCredit[];
  extraartists: DiscogsArtistCredit[];
  labels: DiscogsLabel[];
  formats: DiscogsFormat[];
  genres: string[];
  styles: string[];
  tracklist: DiscogsTrack[];
  identifiers: { type: string; value: string; description?: string }[];
  notes: string | null;
  dataQuality: string;
  dateAdded: string;
  dateChanged: string;
  have: number;
  want: number;
}

export interface DiscogsFolder {
  id: number;
  name: string;
}

export interface DiscogsCustomField {
  id: number;
  name: string;
  type: 'dropdown' | 'textarea';
  options?: string[];
  lines?: number;
  position: number;
  public: boolean;
}

export interface DiscogsCollectionItem {
  instanceId: number;
  releaseId: number;
  folderId: number;
  rating: number;
  /** ISO 8601 with offset, as Discogs sends it. */
  dateAdded: string;
  notes: { field_id: number; value: string }[];
}

export interface DiscogsWant {
  releaseId: number;
  rating: number;
  notes: string;
  dateAdded: string;
  /** Whether people other than the owner may see the notes (absent = private). */
  notesPublic?: boolean;
}

export interface DiscogsUser {
  id: number;
  username: string;
  name: string;
  token: string;
  location: string;
  registered: string;
  collectionPublic: boolean;
  /** Shown to the owner only; absent means none on file. */
  email?: string;
  /** Absent means the wantlist is as public as the collection. */
  wantlistPublic?: boolean;
}

/** A registered Discogs application (consumer key/secret): higher rate tier, but no user identity. */
export interface DiscogsConsumer {
  key: string;
  secret: string;
  name: string;
}

export interface DiscogsWorld {
  user: DiscogsUser;
  /** Real folders, 1 "Uncategorized" first; folder 0 "All" is virtual (stand-ins derive it). */
  folders: DiscogsFolder[];
  customFields: DiscogsCustomField[];
  releases: DiscogsRelease[];
  collection: DiscogsCollectionItem[];
  wantlist: DiscogsWant[];
  /** Other accounts that exist (with tokens) but own nothing here: for 403s and public views. */
  guests?: DiscogsUser[];
  consumers?: DiscogsConsumer[];
}

export interface SoundcloudUser {
  id: number;
  username: string;
  permalink: string;
  fullName: string;
  city: string | null;
  country: string | null;
  followersCount: number;
}

export interface SoundcloudTrack {
  id: number;
  userId: number;
  title: string;
  /** Milliseconds. */
  duration: number;
  genre: string | null;
  tagList: string;
  labelName: string | null;
  metadataArtist: string | null;
  isrc: string | null;
  releaseYear: number | null;
  /** "2019/01/15 15:40:49 +0000" */
  createdAt: string;
  access: 'playable' | 'preview' | 'blocked';
  playbackCount: number;
  favoritingsCount: number;
  /** Why the generator made it; never served, for debugging the generator. */
  kind: 'true' | 'cover' | 'remix' | 'edit' | 'live' | 'reupload' | 'similar' | 'filler';
}

/**
 * An album or playlist upload (a SoundCloud "set") made from a collection release; see
 * sandbox/records/albums.ts for how many there are and who uploads them.
 */
export interface SoundcloudAlbum {
  id: number;
  userId: number;
  title: string;
  /** `set_type` / `playlist_type`: the label the uploader chose. */
  setType: 'album' | 'ep' | 'compilation' | 'playlist';
  /** In set order: ids of tracks in `tracks`, the same track objects search returns. */
  trackIds: number[];
  genre: string;
  tagList: string;
  labelName: string;
  /** "YYYY-MM-DD" or "" */
  releaseDate: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The Discogs release it was made from; never served. */
  releaseId: number;
  /** Who made it and how; never served, for debugging and scoring album matching. */
  kind: 'official' | 'label' | 'fan' | 'partial';
}

export interface SoundcloudApp {
  clientId: string;
  clientSecret: string;
  /** The account that authorizes the app (the logged-in user on the authorize page). */
  accountUserId: number;
  /**
   * Redirect URIs registered for the app. Loopback URIs match on any port (RFC 8252 §7.3). When
   * absent, the app counts as a desktop app and any http loopback redirect URI is accepted.
   */
  redirectUris?: string[];
}

export interface SoundcloudWorld {
  app: SoundcloudApp;
  users: SoundcloudUser[];
  tracks: SoundcloudTrack[];
  /** Public album and playlist uploads (absent: none). */
  albums?: SoundcloudAlbum[];
  /**
   * `"<discogs release id>:<position>"` → the true track id, or null when no upload exists. One key per
   * playable collection track (see sandbox/records/playable.ts); position is Discogs' own string, "" when
   * Discogs gives none, and the generator keeps at most one position-less track per release.
   */
  truth: Record<string, number | null>;
}

export interface RecordWorld {
  seed: number;
  now: number;
  discogs: DiscogsWorld;
  soundcloud: SoundcloudWorld;
}
