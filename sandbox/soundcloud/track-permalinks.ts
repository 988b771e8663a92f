import type { SoundcloudTrack, SoundcloudUser } from '../records/world.ts';
import { slugify, uniqueSlug } from './formats.ts';

interface Placed {
  track: SoundcloudTrack;
  /** The track's place in the world, so the later of two clashing permalinks wins whatever is read first. */
  order: number;
}

/**
 * Track permalinks (`so-what`, `so-what-2`…), unique per uploader in world order. Slugging every
 * title of a big world takes a noticeable part of the start-up, so an uploader's permalinks are worked
 * out the first time one of them is needed; the result is the same as doing them all at once.
 */
export class TrackPermalinks {
  private readonly tracksByUser = new Map<number, Placed[]>();
  /** Lowercased user permalink → users holding it (two accounts can share a permalink). */
  private readonly usersByPermalink = new Map<string, SoundcloudUser[]>();
  private readonly slugs = new Map<number, string>();
  private readonly byPath = new Map<string, Placed>();
  private readonly done = new Set<number>();
  private readonly users: ReadonlyMap<number, SoundcloudUser>;

  constructor(tracks: readonly SoundcloudTrack[], users: ReadonlyMap<number, SoundcloudUser>) {
    this.users = users;
    tracks.forEach((track, order) => {
      const placed = { track, order };
      const list = this.tracksByUser.get(track.userId);
      if (list) list.push(placed);
      else this.tracksByUser.set(track.userId, [placed]);
    });
    for (const user of users.values()) {
      const key = user.permalink.toLowerCase();
      const holders = this.usersByPermalink.get(key);
      if (holders) holders.push(user);
      else this.usersByPermalink.set(key, [user]);
    }
  }

  /** How many tracks the user uploaded. */
  countOf(userId: number): number {
    return this.tracksByUser.get(userId)?.length ?? 0;
  }

  permalinkOf(track: SoundcloudTrack): string {
    this.slugUser(track.userId);
    return this.slugs.get(track.id) ?? `track-${track.id}`;
  }

  /** The track at `<user permalink>/<track permalink>`, both compared case-insensitively. */
  find(userPermalink: string, trackPermalink: string): SoundcloudTrack | undefined {
    const prefix = userPermalink.toLowerCase();
    for (const user of this.usersByPermalink.get(prefix) ?? []) this.slugUser(user.id);
    return this.byPath.get(`${prefix}/${trackPermalink.toLowerCase()}`)?.track;
  }

  private slugUser(userId: number): void {
    if (this.done.has(userId)) return;
    this.done.add(userId);
    const user = this.users.get(userId);
    if (!user) return;
    const prefix = `${user.permalink.toLowerCase()}/`;
    const taken = new Set<string>();
    for (const placed of this.tracksByUser.get(userId) ?? []) {
      const { track } = placed;
      const slug = uniqueSlug(slugify(track.title) || `track-${track.id}`, taken);
      this.slugs.set(track.id, slug);
      const path = prefix + slug;
      const other = this.byPath.get(path);
      if (!other || other.order < placed.order) this.byPath.set(path, placed);
    }
  }
}
