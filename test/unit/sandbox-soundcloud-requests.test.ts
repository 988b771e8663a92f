import { describe, expect, it } from 'vitest';
import type { StandInRequest } from '../../sandbox/core/stand-in.ts';
import { StatsRecorder } from '../../sandbox/core/stats.ts';
import { SoundcloudCatalog } from '../../sandbox/soundcloud/catalog.ts';
import type { SoundcloudContext } from '../../sandbox/soundcloud/context.ts';
import { readPaging } from '../../sandbox/soundcloud/paging.ts';
import { parsePlaylistPayload } from '../../sandbox/soundcloud/playlist-payload.ts';
import { PlaylistSearch } from '../../sandbox/soundcloud/playlist-search.ts';
import { PlaylistStore } from '../../sandbox/soundcloud/playlist-store.ts';
import { dispatch } from '../../sandbox/soundcloud/routes.ts';
import { TrackSearchIndex } from '../../sandbox/soundcloud/search-index.ts';
import { ClientCredentialsLimits } from '../../sandbox/soundcloud/token-endpoint.ts';
import { s256, TokenStore } from '../../sandbox/soundcloud/token-store.ts';
import { UserSearch } from '../../sandbox/soundcloud/user-search.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { soundcloudTestWorld, TRACK } from '../fixtures/soundcloud/world.ts';

function request(
  method: string,
  path: string,
  body = '',
  headers: Record<string, string> = {},
): StandInRequest {
  return {
    method,
    url: new URL(path, 'http://127.0.0.1:1'),
    headers,
    body: Buffer.from(body),
    remoteAddress: '127.0.0.1',
  };
}

describe('SoundCloud stand-in paging parameters', () => {
  const read = (query: string) => readPaging(new URLSearchParams(query));

  it('defaults to 50 and accepts 1–200', () => {
    expect(read('')).toEqual({ limit: 50, offset: 0, linked: false });
    expect(read('limit=1&offset=7&linked_partitioning=1')).toEqual({ limit: 1, offset: 7, linked: true });
    expect(read('limit=200&linked_partitioning=TRUE')).toEqual({ limit: 200, offset: 0, linked: true });
  });

  it('names the wrong parameter', () => {
    expect(read('limit=0')).toEqual({ error: expect.stringContaining('limit') });
    expect(read('limit=2.5')).toEqual({ error: expect.stringContaining('limit') });
    expect(read('offset=x')).toEqual({ error: expect.stringContaining('offset') });
    expect(read('cursor=%%%')).toEqual({ error: 'invalid cursor' });
  });
});

describe('SoundCloud stand-in playlist bodies', () => {
  const parse = (body: string, contentType: string) =>
    parsePlaylistPayload(request('POST', '/playlists', body, { 'content-type': contentType }));

  it('reads the JSON body, keeping absent tracks apart from an empty list', async () => {
    const withTracks = await parse(
      JSON.stringify({
        playlist: { title: 'A', sharing: 'private', tracks: [{ urn: 'soundcloud:tracks:1' }, { id: 2 }] },
      }),
      'application/json; charset=utf-8',
    );
    expect(withTracks).toEqual({
      ok: true,
      payload: expect.objectContaining({ trackRefs: ['soundcloud:tracks:1', '2'] }),
    });
    const without = await parse(JSON.stringify({ playlist: { description: null } }), 'application/json');
    expect(without.ok && without.payload.trackRefs).toBeUndefined();
    expect(without.ok && without.payload.changes.description).toBe('');
  });

  it('reads multipart form fields like urlencoded ones', async () => {
    const form = new FormData();
    form.append('playlist[title]', 'Multi');
    form.append('playlist[tracks][][urn]', 'soundcloud:tracks:1,soundcloud:tracks:2');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer()).toString('latin1');
    const parsed = await parsePlaylistPayload({
      ...request('POST', '/playlists', '', { 'content-type': encoded.headers.get('content-type') ?? '' }),
      body: Buffer.from(body, 'latin1'),
    });
    expect(parsed).toEqual({
      ok: true,
      payload: expect.objectContaining({
        changes: expect.objectContaining({ title: 'Multi' }),
        trackRefs: ['soundcloud:tracks:1', 'soundcloud:tracks:2'],
      }),
    });
  });

  it('refuses bodies it cannot read with a message', async () => {
    expect(await parse('{nope', 'application/json')).toEqual({
      ok: false,
      message: 'Could not parse JSON request body.',
    });
    expect((await parse(JSON.stringify({ title: 'no wrapper' }), 'application/json')).ok).toBe(false);
    expect((await parse(JSON.stringify({ playlist: { set_type: 'mixtape' } }), 'application/json')).ok).toBe(
      false,
    );
    expect((await parse('<xml/>', 'text/xml')).ok).toBe(false);
  });
});

describe('SoundCloud stand-in playlist visibility between users', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const world = soundcloudTestWorld();
  const catalog = new SoundcloudCatalog(world);
  const playlists = new PlaylistStore();
  const tokens = new TokenStore(clock, 3600);
  const env = { clock, rateScale: 1, stats: new StatsRecorder(), origin: () => 'http://127.0.0.1:1' };
  const ctx: SoundcloudContext = {
    env,
    world,
    catalog,
    search: new TrackSearchIndex(catalog),
    playlists,
    playlistSearch: new PlaylistSearch(catalog),
    userSearch: new UserSearch(catalog),
    tokens,
  };
  const limits = new ClientCredentialsLimits(clock, 1);
  const verifier = 'v'.repeat(43);
  const tokenFor = (userId: number) => {
    const code = tokens.issueCode({
      clientId: 'c',
      userId,
      redirectUri: 'http://127.0.0.1/cb',
      challenge: s256(verifier),
    });
    return (
      tokens.redeemCode({ code, clientId: 'c', redirectUri: 'http://127.0.0.1/cb', verifier })
        ?.access_token ?? ''
    );
  };
  const call = (token: string, method: string, path: string, body?: unknown) =>
    dispatch(
      ctx,
      limits,
      request(method, path, body === undefined ? '' : JSON.stringify(body), {
        authorization: `OAuth ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      }),
    );

  it("hides a private playlist from another user and forbids changing someone else's public one", async () => {
    const owner = tokenFor(1001);
    const stranger = tokenFor(2001);
    const created = await call(owner, 'POST', '/playlists', {
      playlist: { title: 'Mine', sharing: 'private', tracks: [{ urn: `soundcloud:tracks:${TRACK.soWhat}` }] },
    });
    expect(created.status).toBe(201);
    const { urn } = created.body as { urn: string };

    expect((await call(stranger, 'GET', `/playlists/${urn}`)).status).toBe(404);
    expect((await call(stranger, 'PUT', `/playlists/${urn}`, { playlist: { title: 'Hijack' } })).status).toBe(
      404,
    );
    expect((await call(stranger, 'GET', '/me/playlists')).body).toEqual([]);

    await call(owner, 'PUT', `/playlists/${urn}`, { playlist: { sharing: 'public' } });
    expect((await call(stranger, 'GET', `/playlists/${urn}`)).status).toBe(200);
    expect((await call(stranger, 'PUT', `/playlists/${urn}`, { playlist: { title: 'Hijack' } })).status).toBe(
      403,
    );
    expect((await call(stranger, 'DELETE', `/playlists/${urn}`)).status).toBe(403);
    expect((await call(owner, 'DELETE', `/playlists/${urn}`)).status).toBe(200);
  });
});
