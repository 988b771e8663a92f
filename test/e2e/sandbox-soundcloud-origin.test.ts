import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appToken,
  loginAsOwner,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { TRACK } from '../fixtures/soundcloud/world.ts';

/** Hosts of the website and the CDNs: never the API, never rewritten. */
const WEB_HOSTS = new Set(['soundcloud.com', 'i1.sndcdn.com', 'wave.sndcdn.com']);
const PROXIED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.soundcloud.com' };

function apiUrls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    if (!WEB_HOSTS.has(new URL(value).hostname)) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) apiUrls(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) apiUrls(item, out);
  return out;
}

describe('SoundCloud stand-in: absolute URLs name the origin the client used', () => {
  let sc: StartedSoundcloud;
  let appAccess: string;
  let userAccess: string;
  let playlistUrn: string;
  beforeAll(async () => {
    sc = await startSoundcloud();
    appAccess = (await appToken(sc.origin)).access_token;
    userAccess = (await loginAsOwner(sc.origin)).access_token;
    const created = await api(sc.origin, userAccess, '/playlists', {
      method: 'POST',
      json: { playlist: { title: 'Origins', tracks: [{ urn: `soundcloud:tracks:${TRACK.soWhat}` }] } },
    });
    playlistUrn = ((await created.json()) as { urn: string }).urn;
  });
  afterAll(() => sc.server.stop());

  const get = (path: string, headers: Record<string, string>, token = appAccess) =>
    fetch(new URL(path, sc.origin), {
      headers: { authorization: `OAuth ${token}`, ...headers },
      redirect: 'manual',
    });

  it('puts uri, stream_url, tracks_uri, next_href and resolve Location on https://api.soundcloud.com behind a proxy', async () => {
    const paths = [
      '/tracks?q=so%20what&limit=2&linked_partitioning=true',
      `/tracks/soundcloud:tracks:${TRACK.soWhat}`,
      `/playlists/${playlistUrn}`,
      `/playlists/${playlistUrn}/tracks?linked_partitioning=true`,
      '/playlists?q=origins&linked_partitioning=true&limit=1',
    ];
    const seen = new Set<string>();
    for (const path of paths) {
      const response = await get(path, PROXIED);
      expect(response.status, path).toBe(200);
      const body = (await response.json()) as unknown;
      for (const url of apiUrls(body)) {
        expect(url, path).toMatch(/^https:\/\/api\.soundcloud\.com\//);
        seen.add(new URL(url).pathname.split('/')[1] ?? '');
      }
    }
    const paged = (await (await get(paths[0] ?? '', PROXIED)).json()) as {
      next_href: string;
      collection: unknown[];
    };
    expect(paged.next_href).toMatch(/^https:\/\/api\.soundcloud\.com\/tracks\?/);
    expect(paged.collection[0]).toMatchObject({
      stream_url: expect.stringMatching(/^https:\/\/api\.soundcloud\.com\//),
    });
    expect([...seen].sort()).toEqual(['playlists', 'tracks', 'users']);

    const mine = await get('/me/playlists?linked_partitioning=true', PROXIED, userAccess);
    for (const url of apiUrls(await mine.json())) expect(url).toMatch(/^https:\/\/api\.soundcloud\.com\//);

    const resolved = await get(
      `/resolve?url=${encodeURIComponent('https://soundcloud.com/miles-davis')}`,
      PROXIED,
    );
    expect(resolved.status).toBe(302);
    expect(resolved.headers.get('location')).toMatch(
      /^https:\/\/api\.soundcloud\.com\/users\/soundcloud:users:2001$/,
    );
    expect(((await resolved.json()) as { location: string }).location).toBe(resolved.headers.get('location'));
  });

  it('gives a client on another host name links it can follow', async () => {
    const port = new URL(sc.origin).port;
    const local = { 'x-forwarded-host': `localhost:${port}` };
    const first = (await (
      await get('/tracks?q=so%20what&limit=2&linked_partitioning=true', local)
    ).json()) as {
      next_href: string;
    };
    expect(first.next_href.startsWith(`http://localhost:${port}/tracks?`)).toBe(true);
    const second = await fetch(first.next_href, { headers: { authorization: `OAuth ${appAccess}` } });
    expect(second.status).toBe(200);

    const resolved = await get(
      `/resolve?url=${encodeURIComponent('https://soundcloud.com/miles-davis')}`,
      local,
    );
    const location = resolved.headers.get('location') ?? '';
    expect(location.startsWith(`http://localhost:${port}/users/`)).toBe(true);
    const user = await fetch(location, { headers: { authorization: `OAuth ${appAccess}` } });
    expect(((await user.json()) as { uri: string }).uri).toBe(location);
  });
});
