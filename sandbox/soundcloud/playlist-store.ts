import { slugify, uniqueSlug } from './formats.ts';

export type Sharing = 'public' | 'private';

export interface PlaylistFields {
  title: string;
  description: string;
  sharing: Sharing;
  setType: 'album' | 'playlist' | '';
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

/** The playlists created through the API, in memory for the life of the stand-in. */
export class PlaylistStore {
  private readonly playlists = new Map<number, StoredPlaylist>();
  private readonly permalinksByUser = new Map<number, Set<string>>();
  private nextId = FIRST_PLAYLIST_ID;

  get size(): number {
    return this.playlists.size;
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
      permalink: this.claimPermalink(userId, changes.permalink ?? fields.title, id),
      trackIds: [...(changes.trackIds ?? [])],
      createdAt: now,
      lastModified: now,
    };
    this.playlists.set(id, playlist);
    return playlist;
  }

  update(playlist: StoredPlaylist, changes: PlaylistChanges, now: number): StoredPlaylist {
    const { permalink, trackIds, ...fields } = changes;
    Object.assign(playlist, definedOnly(fields));
    if (permalink !== undefined && permalink !== playlist.permalink) {
      this.permalinksByUser.get(playlist.userId)?.delete(playlist.permalink);
      playlist.permalink = this.claimPermalink(playlist.userId, permalink, playlist.id);
    }
    if (trackIds !== undefined) playlist.trackIds = [...trackIds];
    playlist.lastModified = now;
    return playlist;
  }

  delete(playlist: StoredPlaylist): void {
    this.playlists.delete(playlist.id);
    this.permalinksByUser.get(playlist.userId)?.delete(playlist.permalink);
  }

  /** The user's playlists, newest first. */
  ownedBy(userId: number): StoredPlaylist[] {
    return [...this.playlists.values()].filter((p) => p.userId === userId).sort(newestFirst);
  }

  publicPlaylists(): StoredPlaylist[] {
    return [...this.playlists.values()].filter((p) => p.sharing === 'public').sort(newestFirst);
  }

  findByPermalink(userId: number, permalink: string): StoredPlaylist | undefined {
    return [...this.playlists.values()].find((p) => p.userId === userId && p.permalink === permalink);
  }

  counts(userId: number): { public: number; private: number } {
    let publicCount = 0;
    let privateCount = 0;
    for (const p of this.playlists.values()) {
      if (p.userId !== userId) continue;
      if (p.sharing === 'public') publicCount += 1;
      else privateCount += 1;
    }
    return { public: publicCount, private: privateCount };
  }

  private claimPermalink(userId: number, text: string, id: number): string {
    let taken = this.permalinksByUser.get(userId);
    if (!taken) {
      taken = new Set();
      this.permalinksByUser.set(userId, taken);
    }
    return uniqueSlug(slugify(text) || `playlist-${id}`, taken);
  }
}

function newestFirst(a: StoredPlaylist, b: StoredPlaylist): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
