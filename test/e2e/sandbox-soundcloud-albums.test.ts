import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import type { RecordWorld, SoundcloudAlbum } from '../../sandbox/records/world.ts';
import {
  api,
  appToken,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';

interface TrackBody {
  urn: string;
  title: string;
}
interface PlaylistBody {
  urn: string;
  title: string;
  set_type: string;
  playlist_type: string;
  track_count: number;
  permalink_url: string;
  user: { urn: string; username: string };
  tracks?: TrackBody[];
}

describe('SoundCloud stand-in: album uploads found with /playlists?q=', () => {
  let world: RecordWorld;
  let sc: StartedSoundcloud;
  let token: string;
  let truth: Record<string, string | null>;
  beforeAll(async () => {
    world = generateRecordWorld({ seed: 21, records: 400 });
    sc = await startSoundcloud({ world: world.soundcloud });
    token = (await appToken(sc.origin, world.soundcloud.app)).access_token;
    truth = (await (await fetch(`${sc.origin}/__sandbox/truth`)).json()) as typeof truth;
  });
  afterAll(() => sc.server.stop());

  const getJson = async <T>(path: string): Promise<T> => {
    const response = await api(sc.origin, token, path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const albums = (kind: SoundcloudAlbum['kind']) =>
    (world.soundcloud.albums ?? []).filter((album) => album.kind === kind);
  const username = (userId: number) =>
    world.soundcloud.users.find((user) => user.id === userId)?.username ?? '';
  const search = (q: string, extra = '') =>
    getJson<PlaylistBody[]>(`/playlists?q=${encodeURIComponent(q)}${extra}`);

  it("finds the artist's album by artist and title, with the very tracks the truth names", async () => {
    let checked = 0;
    for (const album of albums('official').slice(0, 12)) {
      const found = await search(`${username(album.userId)} ${album.title}`);
      const hit = found.find((playlist) => playlist.urn === `soundcloud:playlists:${album.id}`);
      expect(hit, album.title).toBeDefined();
      expect(found.indexOf(hit as PlaylistBody)).toBeLessThan(3);
      expect(['album', 'ep', 'compilation']).toContain(hit?.set_type);
      expect(hit?.playlist_type).toBe(hit?.set_type);
      expect(hit?.user.urn).toBe(`soundcloud:users:${album.userId}`);
      const truthOfRelease = new Set(
        Object.entries(truth)
          .filter(([key, urn]) => key.startsWith(`${album.releaseId}:`) && urn !== null)
          .map(([, urn]) => urn),
      );
      const urns = (hit?.tracks ?? []).map((track) => track.urn);
      expect(urns).toEqual(album.trackIds.map((id) => `soundcloud:tracks:${id}`));
      expect(new Set(urns)).toEqual(truthOfRelease);
      checked += 1;
    }
    expect(checked).toBe(12);
  });

  it("ranks the artist's own album above a fan's set of the same release", async () => {
    const fanSet = albums('fan').find((fan) =>
      albums('official').some((official) => official.releaseId === fan.releaseId),
    );
    if (!fanSet) throw new Error('seed 21 has no release with both an official album and a fan set');
    const official = albums('official').find(
      (album) => album.releaseId === fanSet.releaseId,
    ) as SoundcloudAlbum;
    const urns = (await search(`${username(official.userId)} ${official.title}`)).map((p) => p.urn);
    expect(urns).toContain(`soundcloud:playlists:${fanSet.id}`);
    expect(urns.indexOf(`soundcloud:playlists:${official.id}`)).toBeLessThan(
      urns.indexOf(`soundcloud:playlists:${fanSet.id}`),
    );
  });

  it('pages exactly as /tracks?q= does: limit, linked_partitioning, next_href with a cursor', async () => {
    const everything = await search('full album', '&limit=200');
    expect(everything.length).toBeGreaterThan(4);
    const paged: string[] = [];
    let next: string | undefined =
      '/playlists?q=full%20album&limit=3&linked_partitioning=true&show_tracks=false';
    let pages = 0;
    while (next) {
      const page: { collection: PlaylistBody[]; next_href?: string } = await getJson(next);
      expect(page.collection.length).toBeLessThanOrEqual(3);
      for (const playlist of page.collection) expect(playlist.tracks).toBeUndefined();
      paged.push(...page.collection.map((playlist) => playlist.urn));
      next = page.next_href;
      if (next) expect(new URL(next).searchParams.get('cursor')).toBeTruthy();
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(everything.length / 3));
    expect(paged).toEqual(everything.map((playlist) => playlist.urn));
    expect((await api(sc.origin, token, '/playlists?q=full%20album&limit=201')).status).toBe(400);
  });

  it('serves an album by urn, its tracks as the same objects as /tracks/:urn, and resolves its page', async () => {
    const album = albums('label')[0] as SoundcloudAlbum;
    const body = await getJson<PlaylistBody>(`/playlists/soundcloud:playlists:${album.id}`);
    expect(body.track_count).toBe(album.trackIds.length);
    const firstId = album.trackIds[0];
    const page = await getJson<{ collection: TrackBody[] }>(
      `/playlists/soundcloud:playlists:${album.id}/tracks?linked_partitioning=true`,
    );
    expect(page.collection[0]).toEqual(await getJson(`/tracks/soundcloud:tracks:${firstId}`));
    const resolved = await api(sc.origin, token, `/resolve?url=${encodeURIComponent(body.permalink_url)}`);
    expect(resolved.status).toBe(200);
    expect(((await resolved.json()) as PlaylistBody).urn).toBe(body.urn);
  });

  it("shows an uploader's albums in playlist_count", async () => {
    const album = albums('official')[0] as SoundcloudAlbum;
    const user = await getJson<{ playlist_count: number }>(`/users/soundcloud:users:${album.userId}`);
    const uploaded = (world.soundcloud.albums ?? []).filter((other) => other.userId === album.userId).length;
    expect(user.playlist_count).toBe(uploaded);
  });
});
