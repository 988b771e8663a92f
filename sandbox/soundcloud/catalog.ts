import type { SoundcloudTrack, SoundcloudUser, SoundcloudWorld } from '../records/world.ts';
import { TrackPermalinks } from './track-permalinks.ts';

export type ResourceKind = 'tracks' | 'users' | 'playlists';

/**
 * Reads a path or body identifier: the URN SoundCloud documents (`soundcloud:tracks:123`) or the
 * deprecated numeric id that endpoints still accept.
 */
export function parseResourceId(text: string, kind: ResourceKind): number | undefined {
  const trimmed = text.trim();
  const m = new RegExp(`^(?:soundcloud:${kind}:)?(\\d{1,15})$`).exec(trimmed);
  return m ? Number(m[1]) : undefined;
}

export const urnOf = (kind: ResourceKind, id: number) => `soundcloud:${kind}:${id}`;

/** The world's users and tracks, indexed for lookups by id and by permalink. */
export class SoundcloudCatalog {
  readonly tracks: readonly SoundcloudTrack[];
  readonly users: readonly SoundcloudUser[];
  private readonly usersById = new Map<number, SoundcloudUser>();
  private readonly usersByPermalink = new Map<string, SoundcloudUser>();
  private readonly tracksById = new Map<number, SoundcloudTrack>();
  /** Per uploader, built on the first `/users/{urn}/tracks` or `/me/tracks`. */
  private byUploader: Map<number, SoundcloudTrack[]> | undefined;
  private readonly permalinks: TrackPermalinks;

  constructor(world: SoundcloudWorld) {
    for (const user of world.users) {
      this.usersById.set(user.id, user);
      this.usersByPermalink.set(user.permalink.toLowerCase(), user);
    }
    for (const track of world.tracks) {
      if (!this.usersById.has(track.userId))
        throw new Error(`soundcloud world: track ${track.id} names unknown user ${track.userId}`);
      this.tracksById.set(track.id, track);
    }
    this.tracks = world.tracks;
    this.users = world.users;
    this.permalinks = new TrackPermalinks(world.tracks, this.usersById);
  }

  user(id: number): SoundcloudUser | undefined {
    return this.usersById.get(id);
  }

  userByPermalink(permalink: string): SoundcloudUser | undefined {
    return this.usersByPermalink.get(permalink.toLowerCase());
  }

  track(id: number): SoundcloudTrack | undefined {
    return this.tracksById.get(id);
  }

  trackByPermalink(userPermalink: string, trackPermalink: string): SoundcloudTrack | undefined {
    return this.permalinks.find(userPermalink, trackPermalink);
  }

  uploader(track: SoundcloudTrack): SoundcloudUser {
    const user = this.usersById.get(track.userId);
    if (!user) throw new Error(`soundcloud world: track ${track.id} has no uploader`);
    return user;
  }

  trackPermalink(track: SoundcloudTrack): string {
    return this.permalinks.permalinkOf(track);
  }

  /** The user's uploads, in world order (the list is shared: do not change it). */
  tracksOf(userId: number): readonly SoundcloudTrack[] {
    if (!this.byUploader) {
      this.byUploader = new Map();
      for (const track of this.tracks) {
        const own = this.byUploader.get(track.userId);
        if (own) own.push(track);
        else this.byUploader.set(track.userId, [track]);
      }
    }
    return this.byUploader.get(userId) ?? [];
  }

  /** Tracks the user uploaded (what `track_count` counts; the world holds public tracks only). */
  trackCount(userId: number): number {
    return this.permalinks.countOf(userId);
  }
}
