import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  appToken,
  loginAsOwner,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { FILLER_FIRST_ID, TRACK } from '../fixtures/soundcloud/world.ts';

interface PlaylistBody {
  id: number;
  urn: string;
  title: string;
  sharing: string;
  track_count: number;
  duration: number;
  tracks?: { id: number }[];
  user_urn: string;
}

const urn = (id: number) => `soundcloud:tracks:${id}`;

describe('SoundCloud stand-in: playlists', () => {
  let sc: StartedSoundcloud;
  let user: string;
  beforeEach(async () => {
    sc = await startSoundcloud();
    user = (await loginAsOwner(sc.origin)).access_token;
  });
  afterEach(async () => {
    await sc.server.stop();
  });

  const create = async (playlist: Record<string, unknown>) => {
    const response = await api(sc.origin, user, '/playlists', { method: 'POST', json: { playlist } });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as PlaylistBody;
  };
  const get = (token: string, path: string) => api(sc.origin, token, path);
  const trackIds = (body: PlaylistBody) => body.tracks?.map((track) => track.id);
  const page = async <T>(path: string) =>
    (await (await get(user, path)).json()) as { collection: T[]; next_href?: string };
  const pathOf = (href: string | undefined) => {
    const url = new URL(href ?? '');
    return `${url.pathname}${url.search}`;
  };

  it('creates a private playlist from JSON that only its owner can see', async () => {
    const made = await create({
      title: 'Jazz 60s',
      sharing: 'private',
      tracks: [{ urn: urn(TRACK.soWhat) }, { urn: urn(TRACK.joga) }],
    });
    expect(made).toMatchObject({
      title: 'Jazz 60s',
      sharing: 'private',
      track_count: 2,
      user_urn: 'soundcloud:users:1001',
    });
    expect(made.urn).toBe(`soundcloud:playlists:${made.id}`);
    expect(made.duration).toBe(545_000 + 305_000);
    expect(trackIds(made)).toEqual([TRACK.soWhat, TRACK.joga]);

    const own = await get(user, `/playlists/${made.urn}`);
    expect(own.status).toBe(200);
    expect((await get(user, `/playlists/${made.id}`)).status).toBe(200);

    const app = (await appToken(sc.origin)).access_token;
    expect((await get(app, `/playlists/${made.urn}`)).status).toBe(404);
    expect((await get(app, `/playlists/${made.urn}/tracks`)).status).toBe(404);
    const me = await (await get(user, '/me')).json();
    expect(me).toMatchObject({ playlist_count: 0, private_playlists_count: 1 });

    const published = await api(sc.origin, user, `/playlists/${made.urn}`, {
      method: 'PUT',
      json: { playlist: { sharing: 'public' } },
    });
    expect(published.status).toBe(200);
    expect((await get(app, `/playlists/${made.urn}`)).status).toBe(200);
  });

  it('creates a playlist from form fields with repeated and comma-separated track URNs', async () => {
    const form = new URLSearchParams();
    form.append('playlist[title]', 'Form made');
    form.append('playlist[sharing]', 'public');
    form.append('playlist[tracks][][urn]', `${urn(TRACK.soWhat)},${urn(TRACK.soWhatCover)}`);
    form.append('playlist[tracks][][urn]', urn(TRACK.joga));
    const response = await api(sc.origin, user, '/playlists', { method: 'POST', form });
    expect(response.status).toBe(201);
    const body = (await response.json()) as PlaylistBody;
    expect(trackIds(body)).toEqual([TRACK.soWhat, TRACK.soWhatCover, TRACK.joga]);
    expect(body.sharing).toBe('public');
  });

  it('replaces the track list on PUT and leaves it alone when the tracks key is absent', async () => {
    const made = await create({
      title: 'Replace me',
      tracks: [{ urn: urn(TRACK.soWhat) }, { urn: urn(TRACK.joga) }],
    });
    const put = (playlist: Record<string, unknown>) =>
      api(sc.origin, user, `/playlists/${made.urn}`, { method: 'PUT', json: { playlist } });

    const replaced = (await (
      await put({ tracks: [{ urn: urn(TRACK.soWhatCover) }] })
    ).json()) as PlaylistBody;
    expect(trackIds(replaced)).toEqual([TRACK.soWhatCover]);

    const renamed = (await (await put({ title: 'Renamed' })).json()) as PlaylistBody;
    expect(renamed.title).toBe('Renamed');
    expect(trackIds(renamed)).toEqual([TRACK.soWhatCover]);

    const legacyIds = (await (
      await put({ tracks: [{ id: TRACK.joga }, { id: String(TRACK.soWhat) }] })
    ).json()) as PlaylistBody;
    expect(trackIds(legacyIds)).toEqual([TRACK.joga, TRACK.soWhat]);

    const emptied = (await (await put({ tracks: [] })).json()) as PlaylistBody;
    expect(emptied.track_count).toBe(0);
  });

  it('holds at most 500 tracks and answers more with 422', async () => {
    const refs = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ urn: urn(FILLER_FIRST_ID + (i % 100)) }));
    const full = await create({ title: 'Full', tracks: refs(500) });
    expect(full.track_count).toBe(500);

    const tooMany = await api(sc.origin, user, '/playlists', {
      method: 'POST',
      json: { playlist: { title: 'Too many', tracks: refs(501) } },
    });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ code: 422, status: '422 - Unprocessable Entity' });

    const grow = await api(sc.origin, user, `/playlists/${full.urn}`, {
      method: 'PUT',
      json: { playlist: { tracks: refs(501) } },
    });
    expect(grow.status).toBe(422);
    const after = (await (
      await get(user, `/playlists/${full.urn}?show_tracks=false`)
    ).json()) as PlaylistBody;
    expect(after.track_count).toBe(500);
    expect(after.tracks).toBeUndefined();
  });

  it('refuses unknown tracks, a blank title and unparsable JSON with 422', async () => {
    const post = (body: string) =>
      fetch(new URL('/playlists', sc.origin), {
        method: 'POST',
        headers: { authorization: `OAuth ${user}`, 'content-type': 'application/json' },
        body,
      });
    expect(
      (await post(JSON.stringify({ playlist: { title: 'x', tracks: [{ urn: urn(424242) }] } }))).status,
    ).toBe(422);
    expect((await post(JSON.stringify({ playlist: { title: ' ' } }))).status).toBe(422);
    expect((await post(JSON.stringify({ playlist: { title: 'x', sharing: 'friends' } }))).status).toBe(422);
    const broken = await post("{'playlist': {'title':'My great title'}}");
    expect(broken.status).toBe(422);
    expect(await broken.json()).toMatchObject({ message: 'Could not parse JSON request body.' });
  });

  it('deletes a playlist: 200, then 404', async () => {
    const made = await create({ title: 'Short lived' });
    const deleted = await api(sc.origin, user, `/playlists/${made.urn}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await get(user, `/playlists/${made.urn}`)).status).toBe(404);
    expect((await api(sc.origin, user, `/playlists/${made.urn}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('pages /me/playlists and playlist tracks with next_href', async () => {
    for (const title of ['One', 'Two', 'Three']) {
      sc.clock.advance(1000);
      await create({ title, tracks: [{ urn: urn(TRACK.soWhat) }] });
    }
    const first = await page<PlaylistBody>(
      '/me/playlists?limit=2&linked_partitioning=true&show_tracks=false',
    );
    expect(first.collection.map((p) => p.title)).toEqual(['Three', 'Two']);
    const second = await page<PlaylistBody>(pathOf(first.next_href));
    expect(second.collection.map((p) => p.title)).toEqual(['One']);
    expect(second.next_href).toBeUndefined();
    expect((await get(user, '/me/playlists?limit=201')).status).toBe(400);

    const big = await create({
      title: 'Big',
      tracks: Array.from({ length: 120 }, (_, i) => ({ urn: urn(FILLER_FIRST_ID + i) })),
    });
    const head = await page<{ id: number }>(
      `/playlists/${big.urn}/tracks?linked_partitioning=true&limit=100`,
    );
    expect(head.collection).toHaveLength(100);
    const tail = await page<{ id: number }>(pathOf(head.next_href));
    expect(tail.collection).toHaveLength(20);
    expect(tail.collection[19]?.id).toBe(FILLER_FIRST_ID + 119);
  });

  it('counts playlist calls per route, reads apart from writes', async () => {
    await fetch(new URL('/__sandbox/reset-stats', sc.origin), { method: 'POST' });
    const made = await create({ title: 'Counted' });
    await get(user, `/playlists/${made.urn}`);
    await api(sc.origin, user, `/playlists/${made.urn}`, {
      method: 'PUT',
      json: { playlist: { title: 'Still' } },
    });
    const stats = await (await fetch(new URL('/__sandbox/stats', sc.origin))).json();
    expect(stats).toMatchObject({
      writes: 2,
      reads: 1,
      routes: { 'POST /playlists': 1, 'GET /playlists/:urn': 1, 'PUT /playlists/:urn': 1 },
      status: { '200': 2, '201': 1 },
      playlists: 1,
    });
  });
});
