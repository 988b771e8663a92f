/** Table interfaces of the playlists part, created by migrations/004-playlists.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in when the playlists part lands
export interface PlaylistsTables {}
