import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoundcloudTrack } from '../../sandbox/records/world.ts';
import {
  api,
  appToken,
  loginAsOwner,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { FILLER_COUNT, soundcloudTestWorld, TRACK } from '../fixtures/soundcloud/world.ts';

interface TrackBody {
  id: number;
  urn: string;
  created_at: string;
}
interface PlaylistBody {
  urn: string;
  title: string;
  sharing: string;
  tracks?: TrackBody[];
}
interface Page<T> {
  collection: T[];
  next_href?: string;
}

/**
 * The user sub-resources of api.yaml a client calls after `/me` or a search: `/users/{user_urn}/tracks`
 * and `/playlists` (access, sort, show_tracks, limit, linked_partitioning), `/me/tracks` and the user
 * search `/users?q=`.
 */
describe('SoundCloud stand-in: users, their tracks and playlists', () => {
  let sc: StartedSoundcloud;
  let app: string;
  let owner: string;
  let privateUrn: string;
  let publicUrn: string;
  beforeAll(async () => {
    sc = await startSoundcloud();
    app = (await appToken(sc.origin)).access_token;
    owner = (await loginAsOwner(sc.origin)).access_token;
    const create = async (playlist: Record<string, unknown>) =>
      (
        (await (
          await api(sc.origin, owner, '/playlists', { method: 'POST', json: { playlist } })
        ).json()) as {
          urn: string;
        }
      ).urn;
    privateUrn = await create({ title: 'Secret set', sharing: 'private' });
    sc.clock.advance(1000);
    publicUrn = await create({
      title: 'Open set',
      sharing: 'public',
      tracks: [{ urn: `soundcloud:tracks:${TRACK.soWhat}` }],
    });
  });
  afterAll(() => sc.server.stop());

  const getJson = async <T>(path: string, token = app): Promise<T> => {
    const response = await api(sc.origin, token, path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const ids = (tracks: TrackBody[]) => tracks.map((track) => track.id);

  it("lists a user's uploads newest first, oldest first with sort=asc or its aliases", async () => {
    const newest = await getJson<TrackBody[]>('/users/soundcloud:users:2002/tracks');
    expect(ids(newest)).toEqual([TRACK.soWhatCover, TRACK.whatADay]);
    for (const query of ['sort=asc', 'direction=asc', 'order=asc']) {
      expect(ids(await getJson<TrackBody[]>(`/users/soundcloud:users:2002/tracks?${query}`)), query).toEqual([
        TRACK.whatADay,
        TRACK.soWhatCover,
      ]);
    }
    expect(ids(await getJson<TrackBody[]>('/users/2001/tracks'))).toEqual([TRACK.soWhat]);
  });

  it('filters uploads by access, playable and preview by default', async () => {
    const all = await getJson<TrackBody[]>(
      '/users/soundcloud:users:2002/tracks?access=playable,preview,blocked',
    );
    expect(ids(all)).toContain(TRACK.blocked);
    expect(ids(await getJson<TrackBody[]>('/users/soundcloud:users:2002/tracks?access=blocked'))).toEqual([
      TRACK.blocked,
    ]);
    expect((await api(sc.origin, app, '/users/soundcloud:users:2002/tracks?access=nope')).status).toBe(400);
  });

  it('pages uploads with linked_partitioning and next_href', async () => {
    const seen: number[] = [];
    let next: string | undefined = '/users/soundcloud:users:2007/tracks?linked_partitioning=true&limit=50';
    let pages = 0;
    while (next) {
      const url = new URL(next, sc.origin);
      const page: Page<TrackBody> = await getJson(`${url.pathname}${url.search}`);
      seen.push(...ids(page.collection));
      next = page.next_href;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(FILLER_COUNT);
    expect((await api(sc.origin, app, '/users/soundcloud:users:2007/tracks?limit=201')).status).toBe(400);
  });

  it("lists a user's playlists: public ones to others, private ones too to the owner", async () => {
    const seenByApp = await getJson<PlaylistBody[]>('/users/soundcloud:users:1001/playlists');
    expect(seenByApp.map((p) => p.urn)).toEqual([publicUrn]);
    const seenByOwner = await getJson<Page<PlaylistBody>>(
      '/users/soundcloud:users:1001/playlists?linked_partitioning=true',
      owner,
    );
    expect(seenByOwner.collection.map((p) => p.urn)).toEqual([publicUrn, privateUrn]);
    expect(seenByOwner.collection[0]?.tracks?.map((t) => t.id)).toEqual([TRACK.soWhat]);
    const bare = await getJson<PlaylistBody[]>('/users/soundcloud:users:1001/playlists?show_tracks=false');
    expect(bare[0]?.tracks).toBeUndefined();
    expect(await getJson<PlaylistBody[]>('/users/soundcloud:users:2001/playlists')).toEqual([]);
  });

  it('answers 404 for a user that does not exist', async () => {
    for (const path of ['/users/soundcloud:users:1/tracks', '/users/soundcloud:users:1/playlists']) {
      const response = await api(sc.origin, app, path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ code: 404 });
    }
  });

  it('searches users with /users?q= by username or full name, folded, with urns and paging', async () => {
    const users = (found: { urn: string }[]) => found.map((user) => user.urn);
    expect(users(await getJson<{ urn: string }[]>('/users?q=bjork'))).toEqual(['soundcloud:users:2005']);
    expect(users(await getJson<{ urn: string }[]>('/users?q=Ryuichi%20Sakamoto'))).toEqual([
      'soundcloud:users:2006',
    ]);
    expect(users(await getJson<{ urn: string }[]>('/users?q=miles%20davis'))).toEqual([
      'soundcloud:users:2001',
    ]);
    expect(await getJson('/users?q=nobody%20at%20all')).toEqual([]);
    const byUrn = await getJson<{ urn: string }[]>('/users?urns=soundcloud:users:2002,soundcloud:users:2003');
    expect(users(byUrn).sort()).toEqual(['soundcloud:users:2002', 'soundcloud:users:2003']);
    const page = await getJson<Page<{ urn: string; kind: string }>>(
      '/users?limit=3&linked_partitioning=true',
    );
    expect(page.collection).toHaveLength(3);
    expect(page.collection[0]).toMatchObject({ kind: 'user' });
    expect(new URL(page.next_href ?? '').searchParams.get('cursor')).toBeTruthy();
    expect((await api(sc.origin, app, '/users?q=x&limit=0')).status).toBe(400);
  });

  it("serves /me/tracks with a user's token only", async () => {
    expect(await getJson<Page<TrackBody>>('/me/tracks?linked_partitioning=true', owner)).toEqual({
      collection: [],
    });
    expect((await api(sc.origin, app, '/me/tracks')).status).toBe(401);
  });

  it("lists all of the caller's own uploads on /me/tracks, which takes no access filter", async () => {
    const world = soundcloudTestWorld();
    const base = world.tracks.find((t) => t.id === TRACK.whatADay) as SoundcloudTrack;
    world.tracks.push(
      {
        ...base,
        id: 9101,
        userId: 1001,
        title: 'Own demo',
        access: 'blocked',
        createdAt: '2024/01/01 00:00:00 +0000',
      },
      {
        ...base,
        id: 9102,
        userId: 1001,
        title: 'Own mix',
        access: 'playable',
        createdAt: '2024/02/01 00:00:00 +0000',
      },
    );
    const own = await startSoundcloud({ world });
    try {
      const token = (await loginAsOwner(own.origin)).access_token;
      const listed = (await (await api(own.origin, token, '/me/tracks')).json()) as TrackBody[];
      expect(ids(listed)).toEqual([9102, 9101]);
      const asc = (await (await api(own.origin, token, '/me/tracks?sort=asc&limit=1')).json()) as TrackBody[];
      expect(ids(asc)).toEqual([9101]);
    } finally {
      await own.server.stop();
    }
  });
});
