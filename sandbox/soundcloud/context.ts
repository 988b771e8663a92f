import type { StandInEnv, StandInRequest } from '../core/stand-in.ts';
import type { SoundcloudWorld } from '../records/world.ts';
import type { SoundcloudCatalog } from './catalog.ts';
import type { PlaylistSearch } from './playlist-search.ts';
import type { PlaylistStore } from './playlist-store.ts';
import type { SoundcloudPresenter } from './present.ts';
import type { TrackSearchIndex } from './search-index.ts';
import type { Caller, TokenStore } from './token-store.ts';
import type { UserSearch } from './user-search.ts';

/** What one started SoundCloud stand-in holds for all its requests. */
export interface SoundcloudContext {
  env: StandInEnv;
  world: SoundcloudWorld;
  catalog: SoundcloudCatalog;
  search: TrackSearchIndex;
  playlists: PlaylistStore;
  playlistSearch: PlaylistSearch;
  userSearch: UserSearch;
  tokens: TokenStore;
}

/** Everything a route handler may use: the stand-in's state plus the origin this request came in on. */
export interface RequestContext extends SoundcloudContext {
  /** Where absolute URLs point (sandbox/core/request-origin.ts). */
  origin: string;
  present: SoundcloudPresenter;
}

/** One API call after authentication: the request, its path parameter (if any) and the caller. */
export interface ApiCall {
  request: StandInRequest;
  query: URLSearchParams;
  /** The `:urn` path segment, already percent-decoded. */
  param: string;
  caller: Caller;
}

/** `show_tracks` defaults to true; only an explicit false turns it off. */
export function showTracks(query: URLSearchParams): boolean {
  const value = query.get('show_tracks');
  return value === null || !['false', '0'].includes(value.toLowerCase());
}
