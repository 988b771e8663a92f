import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  appToken,
  type StartedSoundcloud,
  startSoundcloud,
} from '../fixtures/soundcloud/stand-in-client.ts';
import { FILLER_COUNT, TRACK } from '../fixtures/soundcloud/world.ts';

interface TrackBody {
  id: number;
  urn: string;
  title: string;
  access: string;
  duration: number;
  user: { username: string };
}

describe('SoundCloud stand-in: tracks, users, search and paging', () => {
  let sc: StartedSoundcloud;
  let token: string;
  beforeAll(async () => {
    sc = await startSoundcloud();
    token = (await appToken(sc.origin)).access_token;
  });
  afterAll(async () => {
    await sc.server.stop();
  });

  const getJson = async <T>(path: string): Promise<T> => {
    const response = await api(sc.origin, token, path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const search = (q: string, extra = '') =>
    getJson<TrackBody[]>(`/tracks?q=${encodeURIComponent(q)}${extra}`);
  const ids = (tracks: TrackBody[]) => tracks.map((track) => track.id);

  it('ranks the true upload first and keeps its decoys close behind', async () => {
    const found = ids(await search('Miles Davis So What'));
    expect(found.slice(0, 2)).toContain(TRACK.soWhat);
    expect(found.slice(0, 4)).toEqual(
      expect.arrayContaining([TRACK.soWhatCover, TRACK.soWhatRemix, TRACK.soWhatReupload]),
    );
    expect(found).not.toContain(TRACK.whatADay);
  });

  it('puts the remix first when the query asks for it', async () => {
    expect(ids(await search('so what remix'))[0]).toBe(TRACK.soWhatRemix);
  });

  it('finds a title alone, including covers by other uploaders', async () => {
    const found = ids(await search('so what'));
    expect(found).toEqual(expect.arrayContaining([TRACK.soWhat, TRACK.soWhatCover]));
  });

  it('folds accents, keeps non-Latin text and forgives one typo', async () => {
    expect(ids(await search('joga bjork'))).toContain(TRACK.joga);
    expect(ids(await search('戦場のメリークリスマス'))[0]).toBe(TRACK.merryChristmas);
    expect(ids(await search('so what milees davis'))[0]).toBe(TRACK.soWhat);
  });

  it('pages with linked_partitioning: absolute next_href with a cursor until the last page', async () => {
    const seen: number[] = [];
    let next: string | undefined = `/tracks?q=filler&limit=50&linked_partitioning=true`;
    let pages = 0;
    while (next) {
      const body: { collection: TrackBody[]; next_href?: string } = await getJson(next);
      pages += 1;
      seen.push(...ids(body.collection));
      if (body.next_href) {
        const url = new URL(body.next_href);
        expect(url.origin).toBe(sc.origin);
        expect(url.searchParams.get('cursor')).toBeTruthy();
        expect(url.searchParams.get('q')).toBe('filler');
        next = `${url.pathname}${url.search}`;
      } else {
        next = undefined;
      }
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(FILLER_COUNT);
  });

  it('answers a bare array without linked_partitioning, 50 by default', async () => {
    const list = await getJson<TrackBody[]>('/tracks?q=filler');
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(50);
    const offset = await getJson<TrackBody[]>('/tracks?q=filler&limit=10&offset=115');
    expect(offset).toHaveLength(5);
  });

  it('takes page_size, the name real next_href links and the spec examples use, for limit', async () => {
    expect(await getJson<TrackBody[]>('/tracks?q=filler&page_size=10')).toHaveLength(10);
    const first: { collection: TrackBody[]; next_href?: string } = await getJson(
      '/tracks?q=filler&linked_partitioning=1&page_size=70',
    );
    expect(first.collection).toHaveLength(70);
    const next = new URL(first.next_href ?? '');
    const second: { collection: TrackBody[]; next_href?: string } = await getJson(
      `${next.pathname}${next.search}`,
    );
    expect(second.collection).toHaveLength(FILLER_COUNT - 70);
    expect(new Set([...ids(first.collection), ...ids(second.collection)]).size).toBe(FILLER_COUNT);
    expect(await getJson<TrackBody[]>('/tracks?q=filler&limit=5&page_size=10')).toHaveLength(5);
    expect((await api(sc.origin, token, '/tracks?q=filler&page_size=201')).status).toBe(400);
  });

  it('refuses a limit outside 1–200 and a bad cursor with 400', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'offset=-1', 'cursor=zzz']) {
      const response = await api(sc.origin, token, `/tracks?q=filler&${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: 400, status: '400 - Bad Request' });
    }
    expect((await api(sc.origin, token, '/tracks?q=filler&limit=200')).status).toBe(200);
  });

  it('filters by urns, access, genres and duration', async () => {
    const byUrn = await getJson<TrackBody[]>(
      `/tracks?urns=soundcloud:tracks:${TRACK.soWhat},soundcloud:tracks:${TRACK.joga},${TRACK.blocked}`,
    );
    expect(ids(byUrn).sort()).toEqual([TRACK.soWhat, TRACK.joga].sort());
    const withBlocked = await getJson<TrackBody[]>(
      `/tracks?urns=${TRACK.blocked}&access=playable,preview,blocked`,
    );
    expect(ids(withBlocked)).toEqual([TRACK.blocked]);
    const onlyPreview = await getJson<TrackBody[]>('/tracks?access=preview');
    expect(ids(onlyPreview)).toEqual([TRACK.joga]);
    const jazz = await getJson<TrackBody[]>('/tracks?q=what&genres=Jazz');
    expect(ids(jazz)).not.toContain(TRACK.soWhatRemix);
    const long = await getJson<TrackBody[]>('/tracks?q=so%20what&duration[from]=500000&duration[to]=545000');
    expect(ids(long).sort()).toEqual([TRACK.soWhat, TRACK.soWhatCover].sort());
    expect((await api(sc.origin, token, '/tracks?access=everything')).status).toBe(400);
  });

  it('serves a track by URN or numeric id with both ids in the body, and 404 otherwise', async () => {
    const byUrn = await getJson<TrackBody>(`/tracks/soundcloud:tracks:${TRACK.soWhat}`);
    const byId = await getJson<TrackBody>(`/tracks/${TRACK.soWhat}`);
    expect(byId).toEqual(byUrn);
    expect(byUrn).toMatchObject({
      id: TRACK.soWhat,
      urn: `soundcloud:tracks:${TRACK.soWhat}`,
      duration: 545_000,
    });
    expect(byUrn.user.username).toBe('Miles Davis');
    const encoded = await getJson<TrackBody>(
      `/tracks/${encodeURIComponent(`soundcloud:tracks:${TRACK.joga}`)}`,
    );
    expect(encoded.title).toBe('Jóga');
    const missing = await api(sc.origin, token, '/tracks/soundcloud:tracks:999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 404 });
  });

  it('serves users by URN', async () => {
    expect(await getJson('/users/soundcloud:users:2005')).toMatchObject({ username: 'Björk', kind: 'user' });
    expect((await api(sc.origin, token, '/users/soundcloud:users:1')).status).toBe(404);
  });

  it('resolves a soundcloud.com page URL to the API resource with a 302', async () => {
    const track = await getJson<{ permalink_url: string }>(`/tracks/${TRACK.soWhat}`);
    const response = await fetch(
      new URL(`/resolve?url=${encodeURIComponent(track.permalink_url)}`, sc.origin),
      {
        headers: { authorization: `OAuth ${token}` },
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${sc.origin}/tracks/soundcloud:tracks:${TRACK.soWhat}`);
    const unknown = await api(
      sc.origin,
      token,
      `/resolve?url=${encodeURIComponent('https://soundcloud.com/nobody/none')}`,
    );
    expect(unknown.status).toBe(404);
  });

  it('serves the truth labels as URNs and counts searches apart from reads', async () => {
    const truth = await (await fetch(new URL('/__sandbox/truth', sc.origin))).json();
    expect(truth).toEqual({
      '9001:A1': `soundcloud:tracks:${TRACK.soWhat}`,
      '9001:A2': null,
      '9002:1': `soundcloud:tracks:${TRACK.joga}`,
      '9003:': `soundcloud:tracks:${TRACK.merryChristmas}`,
    });
    await fetch(new URL('/__sandbox/reset-stats', sc.origin), { method: 'POST' });
    await search('so what');
    await getJson(`/tracks/${TRACK.soWhat}`);
    await getJson('/tracks?urns=501');
    const stats = await (await fetch(new URL('/__sandbox/stats', sc.origin))).json();
    expect(stats).toMatchObject({
      requests: 3,
      searches: 1,
      reads: 2,
      writes: 0,
      units: 3,
      routes: { 'GET /tracks': 2, 'GET /tracks/:urn': 1 },
    });
  });

  it('answers unknown routes with the 404 Error body', async () => {
    const response = await api(sc.origin, token, '/nothing/here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 404, status: '404 - Not Found' });
  });
});
