import { z } from 'zod';

/** The parts of SoundCloud's User, Track and Playlist bodies that shelfsync reads. */
export const userSchema = z.looseObject({
  urn: z.string(),
  username: z.string(),
  full_name: z.string().nullish(),
  permalink: z.string().nullish(),
});
export type SoundcloudUser = z.output<typeof userSchema>;

export const trackSchema = z.looseObject({
  urn: z.string(),
  title: z.string(),
  duration: z.number().nullish(),
  access: z.string().nullish(),
  metadata_artist: z.string().nullish(),
  label_name: z.string().nullish(),
  release_year: z.number().nullish(),
  playback_count: z.number().nullish(),
  user: userSchema.nullish(),
});
export type SoundcloudTrack = z.output<typeof trackSchema>;

export const playlistSchema = z.looseObject({
  urn: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  sharing: z.string().nullish(),
  set_type: z.string().nullish(),
  playlist_type: z.string().nullish(),
  label_name: z.string().nullish(),
  track_count: z.number().nullish(),
  user: userSchema.nullish(),
  tracks: z.array(trackSchema).nullish(),
});
export type SoundcloudPlaylist = z.output<typeof playlistSchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ collection: z.array(item), next_href: z.string().nullish() });
}
