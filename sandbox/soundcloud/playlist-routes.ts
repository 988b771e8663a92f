import { json, type Reply } from '../core/reply.ts';
import { apiError } from './api-errors.ts';
import { parseResourceId } from './catalog.ts';
import { type ApiCall, type RequestContext, showTracks } from './context.ts';
import { pageReply, readPaging } from './paging.ts';
import { parsePlaylistPayload } from './playlist-payload.ts';
import type { StoredPlaylist } from './playlist-store.ts';
import { DEFAULT_ACCESS, readAccess } from './track-query.ts';

/**
 * SoundCloud caps a playlist at 500 tracks (staff answer in soundcloud/api#170; not in the spec).
 * What the API answers above the cap is not documented. We answer 422 with the Error body: the
 * status SoundCloud uses for playlist bodies it cannot process (unknown tracks, unparsable JSON).
 */
export const PLAYLIST_TRACK_LIMIT = 500;

type TrackIdsResult = { ok: true; ids: number[] } | { ok: false; reply: Reply };

function resolveTrackRefs(ctx: RequestContext, refs: string[]): TrackIdsResult {
  if (refs.length > PLAYLIST_TRACK_LIMIT) {
    return {
      ok: false,
      reply: apiError(
        422,
        `A playlist can have at most ${PLAYLIST_TRACK_LIMIT} tracks (got ${refs.length}).`,
      ),
    };
  }
  const ids: number[] = [];
  for (const ref of refs) {
    const id = parseResourceId(ref, 'tracks');
    if (id === undefined || !ctx.catalog.track(id)) {
      return {
        ok: false,
        reply: apiError(422, `Track ${ref || '(empty)'} cannot be added to the playlist.`),
      };
    }
    ids.push(id);
  }
  return { ok: true, ids };
}

/** Public playlists to anyone, private ones to their owner only. */
export const visibleTo = (playlist: StoredPlaylist, userId: number | null) =>
  playlist.sharing === 'public' || playlist.userId === userId;

/** The playlist named by the path, if the caller may see it (a private playlist is a 404 to others). */
function findVisible(ctx: RequestContext, call: ApiCall): StoredPlaylist | undefined {
  const id = parseResourceId(call.param, 'playlists');
  const playlist = id === undefined ? undefined : ctx.playlists.get(id);
  return playlist && visibleTo(playlist, call.caller.userId) ? playlist : undefined;
}

export async function createPlaylist(ctx: RequestContext, call: ApiCall): Promise<Reply> {
  const userId = call.caller.userId;
  if (userId === null) return apiError(401);
  const parsed = await parsePlaylistPayload(call.request);
  if (!parsed.ok) return apiError(422, parsed.message);
  const { changes, trackRefs } = parsed.payload;
  if (!changes.title?.trim()) return apiError(422, "Title can't be blank");
  const tracks = resolveTrackRefs(ctx, trackRefs ?? []);
  if (!tracks.ok) return tracks.reply;
  const playlist = ctx.playlists.create(userId, { ...changes, trackIds: tracks.ids }, ctx.env.clock.now());
  return json(201, ctx.present.playlist(playlist, { showTracks: true, access: DEFAULT_ACCESS }));
}

export function getPlaylist(ctx: RequestContext, call: ApiCall): Reply {
  const playlist = findVisible(ctx, call);
  if (!playlist) return apiError(404);
  const access = readAccess(call.query);
  if (!access.ok) return apiError(400, access.error);
  return json(
    200,
    ctx.present.playlist(playlist, { showTracks: showTracks(call.query), access: access.value }),
  );
}

export function getPlaylistTracks(ctx: RequestContext, call: ApiCall): Reply {
  const playlist = findVisible(ctx, call);
  if (!playlist) return apiError(404);
  const access = readAccess(call.query);
  if (!access.ok) return apiError(400, access.error);
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const tracks = ctx.present.playlistTracks(playlist).filter((track) => access.value.includes(track.access));
  return pageReply(tracks, page, call.request.url, ctx.origin, (track) => ctx.present.track(track));
}

/** PUT: the fields sent replace the stored ones; a `tracks` list replaces the whole track list. */
export async function updatePlaylist(ctx: RequestContext, call: ApiCall): Promise<Reply> {
  const playlist = findVisible(ctx, call);
  if (!playlist) return apiError(404);
  if (playlist.userId !== call.caller.userId) return apiError(403);
  const parsed = await parsePlaylistPayload(call.request);
  if (!parsed.ok) return apiError(422, parsed.message);
  const { changes, trackRefs } = parsed.payload;
  if (changes.title !== undefined && !changes.title.trim()) return apiError(422, "Title can't be blank");
  let trackIds: number[] | undefined;
  if (trackRefs !== undefined) {
    const tracks = resolveTrackRefs(ctx, trackRefs);
    if (!tracks.ok) return tracks.reply;
    trackIds = tracks.ids;
  }
  ctx.playlists.update(playlist, { ...changes, trackIds }, ctx.env.clock.now());
  return json(200, ctx.present.playlist(playlist, { showTracks: true, access: DEFAULT_ACCESS }));
}

export function deletePlaylist(ctx: RequestContext, call: ApiCall): Reply {
  const playlist = findVisible(ctx, call);
  if (!playlist) return apiError(404);
  if (playlist.userId !== call.caller.userId) return apiError(403);
  ctx.playlists.delete(playlist);
  return json(200, { status: '200 - OK' });
}

export function myPlaylists(ctx: RequestContext, call: ApiCall): Reply {
  const userId = call.caller.userId;
  if (userId === null) return apiError(401);
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const show = showTracks(call.query);
  return pageReply(ctx.playlists.ownedBy(userId), page, call.request.url, ctx.origin, (playlist) =>
    ctx.present.playlist(playlist, { showTracks: show, access: DEFAULT_ACCESS }),
  );
}

/** GET /playlists?q=: public playlists and album uploads, best match first (playlist-search.ts). */
export function searchPlaylists(ctx: RequestContext, call: ApiCall): Reply {
  const page = readPaging(call.query);
  if ('error' in page) return apiError(400, page.error);
  const access = readAccess(call.query);
  if (!access.ok) return apiError(400, access.error);
  const found = ctx.playlistSearch.search(ctx.playlists.publicPlaylists(), call.query.get('q') ?? '');
  const show = showTracks(call.query);
  return pageReply(found, page, call.request.url, ctx.origin, (playlist) =>
    ctx.present.playlist(playlist, { showTracks: show, access: access.value }),
  );
}
