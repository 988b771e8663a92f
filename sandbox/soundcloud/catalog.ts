import type { SoundcloudTrack, SoundcloudUser, SoundcloudWorld } from '../records/world.ts';
import { slugify, uniqueSlug } from './formats.ts';

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
  private readonly usersById = new Map<number, SoundcloudUser>();
  private readonly usersByPermalink = new Map<string, SoundcloudUser>();
  private readonly tracksById = new Map<number, SoundcloudTrack>();
  private readonly trackPermalinks = new Map<number, string>();
  private readonly tracksByPermalink = new Map<string, SoundcloudTrack>();
  private readonly trackCounts = new Map<number, number>();

  constructor(world: SoundcloudWorld) {
    for (const user of world.users) {
      this.usersById.set(user.id, user);
      this.usersByPermalink.set(user.permalink.toLowerCase(), user);
    }
    const takenByUser = new Map<number, Set<string>>();
    for (const track of world.tracks) {
      const user = this.usersById.get(track.userId);
      if (!user) throw new Error(`soundcloud world: track ${track.id} names unknown user ${track.userId}`);
      this.tracksById.set(track.id, track);
      let taken = takenByUser.get(user.id);
      if (!taken) {
        taken = new Set();
        takenByUser.set(user.id, taken);
      }
      const permalink = uniqueSlug(slugify(track.title) || `track-${track.id}`, taken);
      this.trackPermalinks.set(track.id, permalink);
      this.tracksByPermalink.set(`${user.permalink.toLowerCase()}/${permalink}`, track);
      this.trackCounts.set(user.id, (this.trackCounts.get(user.id) ?? 0) + 1);
    }
    this.tracks = world.tracks;
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
    return this.tracksByPermalink.get(`${userPermalink.toLowerCase()}/${trackPermalink.toLowerCase()}`);
  }

  uploader(track: SoundcloudTrack): SoundcloudUser {
    const user = this.usersById.get(track.userId);
    if (!user) throw new Error(`soundcloud world: track ${track.id} has no uploader`);
    return user;
  }

  trackPermalink(track: SoundcloudTrack): string {
    return this.trackPermalinks.get(track.id) ?? `track-${track.id}`;
  }

  /** Tracks the user uploaded (what `track_count` counts; the world holds public tracks only). */
  trackCount(userId: number): number {
    return this.trackCounts.get(userId) ?? 0;
  }
}
