import { z } from 'zod';
import { findShelfsyncError } from '../../core/errors.ts';
import type { HttpClient } from '../../core/http/index.ts';
import {
  pageSchema,
  playlistSchema,
  type SoundcloudPlaylist,
  type SoundcloudTrack,
  type SoundcloudUser,
  trackSchema,
  userSchema,
} from './schemas.ts';

/** SoundCloud's limit on one playlist (staff answer in soundcloud/api#170; not in the spec). */
export const PLAYLIST_TRACK_LIMIT = 500;

export function fetchMe(api: HttpClient): Promise<SoundcloudUser> {
  return api.request({ path: '/me', schema: userSchema }).then((result) => result.data);
}

/** One page of track search results (playable uploads only: previews cannot fill a playlist). */
export async function searchTracks(api: HttpClient, q: string, limit = 20): Promise<SoundcloudTrack[]> {
  const { data } = await api.request({
    path: '/tracks',
    query: { q, limit, access: 'playable', linked_partitioning: 'true' },
    schema: pageSchema(trackSchema),
  });
  return data.collection;
}

/** One page of playlist and album search results, each with its tracks. */
export async function searchPlaylists(api: HttpClient, q: string, limit = 10): Promise<SoundcloudPlaylist[]> {
  const { data } = await api.request({
    path: '/playlists',
    query: { q, limit, show_tracks: 'true', linked_partitioning: 'true' },
    schema: pageSchema(playlistSchema),
  });
  return data.collection;
}

export interface PlaylistFields {
  title: string;
  sharing: 'public' | 'private';
  description?: string;
  trackUrns: readonly string[];
}

function body(fields: PlaylistFields) {
  return {
    json: {
      playlist: {
        title: fields.title,
        sharing: fields.sharing,
        set_type: 'playlist',
        ...(fields.description === undefined ? {} : { description: fields.description }),
        tracks: fields.trackUrns.map((urn) => ({ urn })),
      },
    },
  };
}

export async function createPlaylist(api: HttpClient, fields: PlaylistFields): Promise<SoundcloudPlaylist> {
  const { data } = await api.request({
    method: 'POST',
    path: '/playlists',
    body: body(fields),
    schema: playlistSchema,
    idempotent: false,
  });
  return data;
}

/** PUT replaces the whole track list (soundcloud/api#352), so the full list is always sent. */
export async function updatePlaylist(
  api: HttpClient,
  urn: string,
  fields: PlaylistFields,
): Promise<SoundcloudPlaylist> {
  const { data } = await api.request({
    method: 'PUT',
    path: `/playlists/${encodeURIComponent(urn)}`,
    body: body(fields),
    schema: playlistSchema,
  });
  return data;
}

/** Deletes one of the user's playlists; one that is already gone counts as deleted. */
export async function deletePlaylist(api: HttpClient, urn: string): Promise<void> {
  try {
    await api.request({
      method: 'DELETE',
      path: `/playlists/${encodeURIComponent(urn)}`,
      schema: z.unknown(),
    });
  } catch (error) {
    if (findShelfsyncError(error)?.status !== 404) throw error;
  }
}

/** The signed-in user's playlists (all pages, without their tracks). */
export async function fetchMyPlaylists(api: HttpClient): Promise<SoundcloudPlaylist[]> {
  const out: SoundcloudPlaylist[] = [];
  let path: string | undefined = '/me/playlists';
  let query: Record<string, string | number> | undefined = {
    limit: 200,
    show_tracks: 'false',
    linked_partitioning: 'true',
  };
  for (let page = 0; path && page < 20; page++) {
    const { data }: { data: { collection: SoundcloudPlaylist[]; next_href?: string | null | undefined } } =
      await api.request({ path, ...(query ? { query } : {}), schema: pageSchema(playlistSchema) });
    out.push(...data.collection);
    path = data.next_href ?? undefined;
    query = undefined;
  }
  return out;
}

/** Invalidates the session of the token used (best effort on logout). */
export async function signOut(api: HttpClient): Promise<void> {
  await api.request({ method: 'POST', path: '/sign-out', schema: z.unknown(), idempotent: false });
}
