import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  loginAsOwner,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { APP, TRACK } from '../fixtures/soundcloud/world.ts';

/**
 * Requests exactly as real third-party clients send them (discogs-manager's axios client, the old
 * soundcloud-python SDK, hand-written fetch/Retrofit clients), answered as the real hosts answer.
 */
const MISSING_HEADER = /^A request must contain the Authorization header\./;

describe('SoundCloud stand-in: requests of real clients', () => {
  let sc: StartedSoundcloud;
  let user: string;
  beforeEach(async () => {
    sc = await startSoundcloud();
    user = (await loginAsOwner(sc.origin)).access_token;
  });
  afterEach(async () => {
    await sc.server.stop();
  });

  it('answers a request without an Authorization header with the header-missing 401', async () => {
    for (const path of [
      '/me',
      `/me?oauth_token=${user}`,
      `/tracks?q=so%20what&client_id=${APP.clientId}`,
      '/no/such/path',
    ]) {
      const response = await fetch(new URL(path, sc.origin));
      expect(response.status, path).toBe(401);
      const body = (await response.json()) as { code: number; message: string; errors: unknown[] };
      expect(body.code).toBe(401);
      expect(body.message).toMatch(MISSING_HEADER);
      expect(body.errors).toEqual([{ error_message: body.message }]);
    }
    // A header with a token the API does not know is a plain 401 with an empty message.
    const unknown = await api(sc.origin, 'not-a-token', '/me');
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { message: string }).message).toBe('');
  });

  it('answers the retired api.soundcloud.com/oauth2/token like any unauthenticated API call', async () => {
    const response = await fetch(new URL('/oauth2/token', sc.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
      }).toString(),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { message: string; status: string };
    expect(body.message).toMatch(MISSING_HEADER);
    expect(body.status).toBe('401 - Unauthorized');
    expect(sc.server.stats().accessTokensIssued).toBe(1);
  });

  it('takes the token request axios sends: form-encoded with an Accept header, not JSON', async () => {
    const form = await fetch(new URL('/oauth/token', sc.origin), {
      method: 'POST',
      headers: {
        accept: 'application/json; charset=utf-8',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
      }).toString(),
    });
    expect(form.status).toBe(200);
    const json = await fetch(new URL('/oauth/token', sc.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
      }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('serves the .json paths of the old SDKs', async () => {
    const me = await api(sc.origin, user, '/me.json');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ urn: 'soundcloud:users:1001' });
    const tracks = await api(sc.origin, user, '/tracks.json?q=so%20what&limit=2');
    expect(tracks.status).toBe(200);
    expect(((await tracks.json()) as unknown[]).length).toBe(2);
    const track = await api(sc.origin, user, `/tracks/${TRACK.soWhat}.json`);
    expect(((await track.json()) as { id: number }).id).toBe(TRACK.soWhat);
  });

  it('wraps pages for linked_partitioning=1 as for =true, and ignores an empty access filter', async () => {
    for (const flag of ['1', 'true']) {
      const response = await api(sc.origin, user, `/tracks?q=so%20what&limit=1&linked_partitioning=${flag}`);
      const body = (await response.json()) as { collection: unknown[]; next_href?: string };
      expect(body.collection.length, flag).toBe(1);
      expect(body.next_href, flag).toContain('cursor=');
    }
    const empty = await api(sc.origin, user, '/tracks?q=so%20what&access=&limit=20');
    expect(empty.status).toBe(200);
    const ids = ((await empty.json()) as { id: number }[]).map((track) => track.id);
    expect(ids).toContain(TRACK.soWhat);
    expect(ids).not.toContain(TRACK.blocked);
  });

  it("creates and fills a playlist from discogs-manager's bodies: tracks as {id} with string ids", async () => {
    const created = await api(sc.origin, user, '/playlists', {
      method: 'POST',
      json: {
        playlist: {
          title: 'Discogs picks',
          description: '',
          sharing: 'private',
          tracks: [{ id: String(TRACK.soWhat) }, { id: TRACK.joga }],
        },
      },
    });
    expect(created.status).toBe(201);
    const playlist = (await created.json()) as { id: number; tracks: { id: number }[] };
    expect(playlist.tracks.map((track) => track.id)).toEqual([TRACK.soWhat, TRACK.joga]);

    const put = await api(sc.origin, user, `/playlists/${playlist.id}`, {
      method: 'PUT',
      json: { playlist: { tracks: [{ id: String(TRACK.whatADay) }] } },
    });
    expect(put.status).toBe(200);

    // discogs-manager reads the tracks back with paging parameters the playlist endpoint ignores.
    const read = await api(
      sc.origin,
      user,
      `/playlists/${playlist.id}?limit=200&linked_partitioning=true&show_tracks=true`,
    );
    const body = (await read.json()) as { tracks: { id: number }[]; track_count: number };
    expect(body.tracks.map((track) => track.id)).toEqual([TRACK.whatADay]);
    expect(body.track_count).toBe(1);

    const mine = await api(sc.origin, user, '/me/playlists?limit=50&linked_partitioning=true');
    const page = (await mine.json()) as { collection: { id: number }[] };
    expect(page.collection.map((item) => item.id)).toEqual([playlist.id]);
  });
});
