/**
 * Table interfaces of the records part, created by migrations/003-records.ts.
 *
 * A release row exists for every release in the collection or the wantlist (and stays, with its
 * tracklist, after the last instance goes: tracklists are cached for good). "Owned" means "has a
 * row in collection_instances". `*_folded` columns hold `foldText()` (src/core/text-fold.ts) of
 * their source column, for `~` searches that ignore case and accents. Times named `*_at` with a
 * number are milliseconds since the epoch; `added_at` is the Discogs date added in UTC,
 * `YYYY-MM-DDTHH:MM:SSZ`, so it sorts and compares as text; `date_added` is Discogs' own string.
 */

export interface ReleasesTable {
  /** The Discogs release id. */
  id: number;
  title: string;
  title_folded: string;
  /** The main artist credit as Discogs displays it ("A & B feat. C"). */
  artists_display: string;
  /** Null when Discogs gives 0 (unknown). */
  year: number | null;
  /** Country, released date and data quality come only with the full release (after enrich). */
  country: string | null;
  released: string | null;
  thumb: string | null;
  cover_image: string | null;
  /** Null when the release has no master (Discogs sends 0). */
  master_id: number | null;
  data_quality: string | null;
  /** Hash of the list data the row and its children came from; equal hash = nothing to write. */
  basic_hash: string;
  updated_at: number;
  /** When enrich stored the tracklist; null until then. */
  tracklist_fetched_at: number | null;
  /** 'not_found' when Discogs answered 404 (not asked again). */
  tracklist_status: 'ok' | 'not_found' | null;
}

export interface ArtistsTable {
  id: number;
  /** Discogs' name, with any "(2)" disambiguation suffix. */
  name: string;
  /** The name without the suffix, as the artist is known everywhere else. */
  display_name: string;
  /** The n of a "(n)" suffix, or null. */
  name_suffix: number | null;
  /** foldText(display_name). */
  name_folded: string;
}

/** An artist credit on a release: 'main' from `artists`, 'extra' from `extraartists` (full release only). */
export interface ReleaseArtistsTable {
  release_id: number;
  kind: 'main' | 'extra';
  /** Order within the credit list, from 0. */
  position: number;
  artist_id: number;
  /** Artist name variation on this release ('' when none). */
  anv: string;
  /** Text joining this credit to the next ("&", ",", "feat.", or ''). */
  join_text: string;
  role: string;
  tracks: string;
}

export interface LabelsTable {
  id: number;
  name: string;
  name_folded: string;
}

export interface ReleaseLabelsTable {
  release_id: number;
  position: number;
  label_id: number;
  catno: string;
  entity_type: string;
  entity_type_name: string;
}

export interface ReleaseFormatsTable {
  release_id: number;
  position: number;
  /** "Vinyl", "CD", "Cassette", "File"... */
  name: string;
  /** As Discogs sends it (a string, usually a number). */
  qty: string;
  text: string | null;
}

/** "LP", "Album", "Compilation", "45 RPM"... one row each. */
export interface ReleaseFormatDescriptionsTable {
  release_id: number;
  format_position: number;
  position: number;
  description: string;
}

export interface ReleaseGenresTable {
  release_id: number;
  position: number;
  genre: string;
}

export interface ReleaseStylesTable {
  release_id: number;
  position: number;
  style: string;
}

export interface CollectionFoldersTable {
  /** Real folders only (1 = Uncategorized, ...); the virtual folder 0 "All" is not stored. */
  id: number;
  name: string;
  count: number;
}

/** The user's custom collection fields (notes are their values). */
export interface CollectionFieldsTable {
  id: number;
  name: string;
  /** 'dropdown' | 'textarea' (kept as Discogs sends it). */
  type: string;
  position: number;
  /** 1 when other people may see the field. */
  public: number;
  /** JSON array of the dropdown's options, or null. */
  options_json: string | null;
  lines: number | null;
}

/** One owned copy; a release owned twice is two instances. */
export interface CollectionInstancesTable {
  instance_id: number;
  release_id: number;
  folder_id: number;
  /** 0 (unrated) to 5. */
  rating: number;
  date_added: string;
  added_at: string;
}

/** The value of one custom field on one instance. */
export interface InstanceNotesTable {
  instance_id: number;
  field_id: number;
  value: string;
}

export interface WantlistTable {
  release_id: number;
  rating: number;
  notes: string;
  notes_public: number;
  date_added: string;
  added_at: string;
}

/**
 * The tracklist in Discogs' order, flattened: `seq` counts from 1 over every entry; the sub-tracks
 * of an index follow it with `parent_seq` = the index's seq. Playable tracks are `type = 'track'`
 * (sub-tracks included); headings and index entries are not tracks.
 */
export interface ReleaseTracksTable {
  release_id: number;
  seq: number;
  parent_seq: number | null;
  type: 'track' | 'heading' | 'index';
  /** Discogs' position string, '' where it gives none. */
  position: string;
  title: string;
  title_folded: string;
  /** Discogs' duration string ("4:05", '' when unknown). */
  duration: string;
  duration_seconds: number | null;
}

/** Track-level credits: 'main' (`artists`, compilations and splits) and 'extra' (featuring, remix...). */
export interface TrackArtistsTable {
  release_id: number;
  track_seq: number;
  kind: 'main' | 'extra';
  position: number;
  artist_id: number;
  anv: string;
  join_text: string;
  role: string;
}

/**
 * Progress of an interrupted list sync, written only together with a page that changed something,
 * so a run without changes writes nothing; deleted when a pass completes.
 */
export interface RecordsSyncStateTable {
  list: 'collection' | 'wantlist';
  username: string;
  /** The first page not yet stored. */
  next_page: number;
  per_page: number;
  /** `pagination.items` when the pass started; a different count on resume starts over. */
  items: number;
  started_at: number;
  updated_at: number;
}

/** Ids (instance ids, or release ids for the wantlist) seen by an interrupted pass, for removal detection. */
export interface RecordsSyncSeenTable {
  list: 'collection' | 'wantlist';
  id: number;
}

export interface RecordsTables {
  releases: ReleasesTable;
  artists: ArtistsTable;
  release_artists: ReleaseArtistsTable;
  labels: LabelsTable;
  release_labels: ReleaseLabelsTable;
  release_formats: ReleaseFormatsTable;
  release_format_descriptions: ReleaseFormatDescriptionsTable;
  release_genres: ReleaseGenresTable;
  release_styles: ReleaseStylesTable;
  collection_folders: CollectionFoldersTable;
  collection_fields: CollectionFieldsTable;
  collection_instances: CollectionInstancesTable;
  instance_notes: InstanceNotesTable;
  wantlist: WantlistTable;
  release_tracks: ReleaseTracksTable;
  track_artists: TrackArtistsTable;
  records_sync_state: RecordsSyncStateTable;
  records_sync_seen: RecordsSyncSeenTable;
}
