import type { SoundcloudAlbum } from '../records/world.ts';
import { slugify } from './formats.ts';

export type Sharing = 'public' | 'private';

export interface PlaylistFields {
  title: string;
  description: string;
  sharing: Sharing;
  /** Writes take album or playlist (spec enum); uploads in the world also say ep or compilation. */
  setType: 'album' | 'ep' | 'compilation' | 'playlist' | '';
  genre: string;
  tagList: string;
  labelName: string;
  license: string;
  purchaseTitle: string;
  purchaseUrl: string;
  release: string;
  releaseDate: string;
  ean: string;
}

export interface StoredPlaylist extends PlaylistFields {
  id: number;
  userId: number;
  permalink: string;
  trackIds: number[];
  createdAt: number;
  lastModified: number;
}

export interface PlaylistChanges extends Partial<PlaylistFields> {
  permalink?: string;
  /** When present, replaces the whole track list (SoundCloud's PUT semantics). */
  trackIds?: number[];
}

const DEFAULTS: PlaylistFields = {
  title: '',
  description: '',
  sharing: 'public',
  setType: '',
  genre: '',
  tagList: '',
  labelName: '',
  license: 'all-rights-reserved',
  purchaseTitle: '',
  purchaseUrl: '',
  release: '',
  releaseDate: '',
  ean: '',
};

/** First id handed out; far from the world's track and user ids so they never collide in tests. */
const FIRST_PLAYLIST_ID = 1_900_000_001;

/**
 * The world's album and playlist uploads plus the playlists created through the API, in memory for
 * the life of the stand-in.
 */
export class PlaylistStore {
  private readonly playlists = new Map<number, StoredPlaylist>();
  /** Per user: permalink → playlist. */
  private readonly byPermalink = new Map<number, Map<string, StoredPlaylist>>();
  private nextId = FIRST_PLAYLIST_ID;
  private created = 0;
  /** Public playlists newest first, kept until something changes. */
  private publicCache: StoredPlaylist[] | undefined;

  constructor(uploads: readonly SoundcloudAlbum[] = []) {
    for (const album of uploads) {
      const playlist: StoredPlaylist = {
        ...DEFAULTS,
        title: album.title,
        setType: album.setType,
        genre: album.genre,
        tagList: album.tagList,
        labelName: album.labelName,
        releaseDate: album.releaseDate,
        id: album.id,
        userId: album.userId,
        permalink: '',
        trackIds: [...album.trackIds],
        createdAt: album.createdAt,
        lastModified: album.createdAt,
      };
      playlist.permalink = this.claimPermalink(playlist, album.title);
      this.playlists.set(playlist.id, playlist);
    }
  }

  /** Playlists created through the API (the world's uploads not counted). */
  get size(): number {
    return this.created;
  }

  get(id: number): StoredPlaylist | undefined {
    return this.playlists.get(id);
  }

  create(userId: number, changes: PlaylistChanges, now: number): StoredPlaylist {
    const id = this.nextId++;
    const fields = { ...DEFAULTS, ...definedOnly(changes) };
    const playlist: StoredPlaylist = {
      ...fields,
      id,
      userId,
      permalink: '',
      trackIds: [...(changes.trackIds ?? [])],
      createdAt: now,
      lastModified: now,
    };
    playlist.permalink = this.claimPermalink(playlist, changes.permalink ?? fields.title);
    this.playlists.set(id, playlist);
    this.created += 1;
    this.publicCache = undefined;
    return playlist;
  }

  update(playlist: StoredPlaylist, changes: PlaylistChanges, now: number): StoredPlaylist {
    const { permalink, trackIds, ...fields } = changes;
    Object.assign(playlist, definedOnly(fields));
    if (permalink !== undefined && permalink !== playlist.permalink) {
      this.byPermalink.get(playlist.userId)?.delete(playlist.permalink);
      playlist.permalink = this.claimPermalink(playlist, permalink);
    }
    if (trackIds !== undefined) playlist.trackIds = [...trackIds];
    playlist.lastModified = now;
    this.publicCache = undefined;
    return playlist;
  }

  delete(playlist: StoredPlaylist): void {
    if (this.playlists.delete(playlist.id) && playlist.id >= FIRST_PLAYLIST_ID) this.created -= 1;
    this.byPermalink.get(playlist.userId)?.delete(playlist.permalink);
    this.publicCache = undefined;
  }

  /** The user's playlists, newest first. */
  ownedBy(userId: number): StoredPlaylist[] {
    return [...(this.byPermalink.get(userId)?.values() ?? [])].sort(newestFirst);
  }

  /** Every public playlist, newest first (the list is shared: do not change it). */
  publicPlaylists(): readonly StoredPlaylist[] {
    this.publicCache ??= [...this.playlists.values()].filter((p) => p.sharing === 'public').sort(newestFirst);
    return this.publicCache;
  }

  findByPermalink(userId: number, permalink: string): StoredPlaylist | undefined {
    return this.byPermalink.get(userId)?.get(permalink);
  }

  counts(userId: number): { public: number; private: number } {
    let publicCount = 0;
    let privateCount = 0;
    for (const p of this.byPermalink.get(userId)?.values() ?? []) {
      if (p.sharing === 'public') publicCount += 1;
      else privateCount += 1;
    }
    return { public: publicCount, private: privateCount };
  }

  private claimPermalink(playlist: StoredPlaylist, text: string): string {
    let mine = this.byPermalink.get(playlist.userId);
    if (!mine) {
      mine = new Map();
      this.byPermalink.set(playlist.userId, mine);
    }
    const base = slugify(text) || `playlist-${playlist.id}`;
    let permalink = base;
    for (let n = 2; mine.has(permalink); n++) permalink = `${base}-${n}`;
    mine.set(permalink, playlist);
    return permalink;
  }
}

function newestFirst(a: StoredPlaylist, b: StoredPlaylist): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
