import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsRelease } from '../../sandbox/records/world.ts';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * Requests that real Discogs clients make (python discogs_client, disconnect, discogs-manager,
 * discogs2ytmusic), answered as api.discogs.com answers them.
 */
interface Paged {
  pagination: { page: number; pages: number; per_page: number; items: number; urls: Record<string, string> };
}
interface SearchResult {
  type: string;
  id: number;
  year?: string;
  uri: string;
  resource_url: string;
  master_url: string | null;
  user_data: { in_wantlist: boolean; in_collection: boolean };
  title: string;
}

describe('Discogs stand-in: requests of real clients', () => {
  let discogs: DiscogsHarness;
  let owned: DiscogsRelease;
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 40 });
    const ownedId = discogs.world.discogs.collection[0]?.releaseId;
    owned = discogs.world.discogs.releases.find((release) => release.id === ownedId) as DiscogsRelease;
  });
  afterAll(() => discogs.stop());

  const json = async <T>(path: string, options: Parameters<DiscogsHarness['call']>[1] = {}) => {
    const response = await discogs.call(path, options);
    expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };

  it('writes bodies as Python does, so disconnect can read error messages', async () => {
    const missing = await discogs.call('/releases/999999999999');
    const text = await missing.text();
    expect(text).toBe('{"message": "Release not found."}');
    expect(/^\{"message": "(.+)"\}/i.exec(text)?.[1]).toBe('Release not found.');
    expect(missing.headers.get('x-discogs-ratelimit-remaining')).not.toBeNull();

    const japanese = discogs.world.discogs.releases.find(
      (release) => release.artists[0]?.name === '坂本龍一',
    );
    const body = await (await discogs.call(`/releases/${japanese?.id}`)).text();
    expect(body.startsWith('{"artists": [{"anv": ')).toBe(true);
    expect(body).toContain('"name": "\\u5742\\u672c\\u9f8d\\u4e00"');
    expect([...body].every((ch) => (ch.codePointAt(0) ?? 0) < 0x7f)).toBe(true);
  });

  it('requires authentication for the database search, by token or by key/secret', async () => {
    const anonymous = await discogs.call('/database/search?q=jazz', { token: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: 'You must authenticate to access this resource.' });
    expect(anonymous.headers.get('x-discogs-ratelimit')).not.toBeNull();
    const consumer = discogs.world.discogs.consumers?.[0];
    const asApp = await discogs.call(
      `/database/search?q=jazz&key=${consumer?.key}&secret=${consumer?.secret}`,
      {
        token: null,
      },
    );
    expect(asApp.status).toBe(200);
    const byQueryToken = await discogs.call(`/database/search?q=jazz&token=${discogs.token}`, {
      token: null,
    });
    expect(byQueryToken.status).toBe(200);
  });

  it("answers discogs-manager's release search with the live result shape", async () => {
    const artist = owned.artists[0]?.anv || owned.artists[0]?.name.replace(/ \(\d+\)$/, '') || '';
    const q = encodeURIComponent(`${artist} ${owned.title}`);
    const body = await json<Paged & { results: (SearchResult & Record<string, unknown>)[] }>(
      `/database/search?q=${q}&type=release&per_page=10`,
    );
    expect(body.pagination.per_page).toBe(10);
    const hit = body.results[0] as SearchResult & Record<string, unknown>;
    expect(hit).toMatchObject({
      type: 'release',
      id: owned.id,
      year: String(owned.year),
      resource_url: `${discogs.origin}/releases/${owned.id}`,
      user_data: { in_collection: true, in_wantlist: expect.any(Boolean) },
      catno: owned.labels[0]?.catno,
      label: owned.labels.map((label) => label.name),
      genre: owned.genres,
      community: { have: owned.have, want: owned.want },
    });
    expect(hit.uri).toMatch(new RegExp(`^/release/${owned.id}-`));
    expect(hit.master_url).toBe(owned.masterId === 0 ? null : `${discogs.origin}/masters/${owned.masterId}`);
    expect(Object.keys(hit)).toEqual(
      expect.arrayContaining([
        'format',
        'style',
        'barcode',
        'thumb',
        'cover_image',
        'formats',
        'format_quantity',
      ]),
    );
  });

  it('mixes artists, masters, releases and labels without a type, and pages with absolute urls', async () => {
    const body = await json<Paged & { results: SearchResult[] }>('/database/search?per_page=5&page=2');
    expect(body.pagination.urls.first).toBe(`${discogs.origin}/database/search?page=1&per_page=5`);
    const types = new Set<string>();
    for (let page = 1; page <= body.pagination.pages; page += 1) {
      const all = await json<{ results: SearchResult[] }>(`/database/search?per_page=100&page=${page}`);
      for (const result of all.results) types.add(result.type);
      if (page * 100 >= body.pagination.items) break;
    }
    expect([...types].sort()).toEqual(['artist', 'label', 'master', 'release']);
    const artists = await json<{ results: SearchResult[] }>('/database/search?type=artist&per_page=3');
    for (const artist of artists.results) {
      expect(artist.master_url).toBeNull();
      expect(artist.year).toBeUndefined();
      expect(artist.resource_url).toBe(`${discogs.origin}/artists/${artist.id}`);
      expect(artist.uri).toMatch(new RegExp(`^/artist/${artist.id}-`));
    }
  });

  it('serves artists and their releases, a master listed once with its main release', async () => {
    const artistId = owned.artists[0]?.id ?? 0;
    const artist = await json<Record<string, unknown>>(`/artists/${artistId}`);
    expect(artist).toMatchObject({
      id: artistId,
      name: owned.artists[0]?.name,
      resource_url: `${discogs.origin}/artists/${artistId}`,
      releases_url: `${discogs.origin}/artists/${artistId}/releases`,
    });
    const releases = await json<Paged & { releases: Record<string, unknown>[] }>(
      `/artists/${artistId}/releases?sort=year&sort_order=desc&per_page=100`,
    );
    const row = releases.releases.find((item) =>
      owned.masterId === 0 ? item.id === owned.id : item.id === owned.masterId,
    );
    expect(row).toMatchObject(
      owned.masterId === 0
        ? { type: 'release', role: 'Main', status: 'Accepted' }
        : { type: 'master', role: 'Main', resource_url: `${discogs.origin}/masters/${owned.masterId}` },
    );
    const years = releases.releases.map((item) => Number(item.year));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const unknown = await discogs.call('/artists/999999999999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Artist not found.' });
  });

  it('serves labels and their releases as discogs2ytmusic pages through them', async () => {
    const label = owned.labels[0];
    const page = await json<Record<string, unknown>>(`/labels/${label?.id}`);
    expect(page).toMatchObject({
      id: label?.id,
      name: label?.name,
      releases_url: `${discogs.origin}/labels/${label?.id}/releases`,
    });
    const releases = await json<Paged & { releases: Record<string, unknown>[] }>(
      `/labels/${label?.id}/releases?page=1&per_page=100`,
    );
    expect(releases.releases.find((item) => item.id === owned.id)).toMatchObject({
      catno: label?.catno,
      title: owned.title,
      year: owned.year,
      resource_url: `${discogs.origin}/releases/${owned.id}`,
    });
    expect((await discogs.call('/labels/999999999999')).status).toBe(404);
  });

  it('renames and deletes folders as disconnect does, but never folders 0 and 1', async () => {
    const base = `/users/${discogs.username}/collection/folders`;
    const created = await json<{ id: number }>(base, { method: 'POST', body: { name: 'Temp' } });
    const renamed = await discogs.call(`${base}/${created.id}`, {
      method: 'POST',
      body: { name: 'Keepers' },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toEqual({
      count: 0,
      id: created.id,
      name: 'Keepers',
      resource_url: `${discogs.origin}${base}/${created.id}`,
    });
    expect((await discogs.call(`${base}/1`, { method: 'POST', body: { name: 'x' } })).status).toBe(422);
    const busy = discogs.world.discogs.folders.find((folder) => folder.id !== 1);
    const nonEmpty = discogs.world.discogs.collection.find((item) => item.folderId === busy?.id);
    if (nonEmpty) expect((await discogs.call(`${base}/${busy?.id}`, { method: 'DELETE' })).status).toBe(422);
    expect((await discogs.call(`${base}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    const folders = await json<{ folders: { id: number }[] }>(base);
    expect(folders.folders.some((folder) => folder.id === created.id)).toBe(false);
  });

  it("stores python discogs_client's notes_public and lets PUT edit an existing want", async () => {
    const release = discogs.world.discogs.releases.find(
      (candidate) => !discogs.world.discogs.wantlist.some((want) => want.releaseId === candidate.id),
    ) as DiscogsRelease;
    const url = `/users/${discogs.username}/wants/${release.id}`;
    const added = await discogs.call(url, {
      method: 'PUT',
      body: { release_id: String(release.id), notes: 'first press', notes_public: true },
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ notes: 'first press', notes_public: true });
    const edited = await discogs.call(url, { method: 'PUT', body: { notes: 'any press', rating: 4 } });
    expect(await edited.json()).toMatchObject({ notes: 'any press', rating: 4, notes_public: true });
    await discogs.call(url, { method: 'DELETE' });
  });

  it('prices in the requested currency and answers the marketplace reads general clients make', async () => {
    const forSale = discogs.world.discogs.releases.find(
      (release) => release.id % 13 !== 0 && release.have > 100,
    );
    const usd = await json<{ lowest_price: number }>(`/releases/${forSale?.id}`);
    const eur = await json<{ lowest_price: number }>(`/releases/${forSale?.id}?curr_abbr=EUR`);
    expect(eur.lowest_price).toBeCloseTo(usd.lowest_price * 0.92, 1);
    expect(eur.lowest_price).not.toBe(usd.lowest_price);
    const stats = await json<Record<string, unknown>>(`/marketplace/stats/${forSale?.id}?curr_abbr=EUR`);
    expect(stats).toEqual({
      lowest_price: { currency: 'EUR', value: eur.lowest_price },
      num_for_sale: expect.any(Number),
      blocked_from_sale: false,
    });
    const inventory = await json<Paged & { listings: unknown[] }>(`/users/${discogs.username}/inventory`);
    expect(inventory).toMatchObject({ listings: [], pagination: { items: 0, page: 1, urls: {} } });
    const lists = await json<{ lists: unknown[] }>(`/users/${discogs.username}/lists`);
    expect(lists.lists).toEqual([]);
  });

  // Not in the docs' example or the old fixtures, but live releases carry it and clients read it
  // (obj['artists_sort'] in several Python scripts); it is the credit line the search titles start with.
  it('gives a release its artists_sort, the credit line of its search title', async () => {
    const body = await json<{ artists_sort: string; title: string }>(`/releases/${owned.id}`);
    const hit = (
      await json<{ results: SearchResult[] }>(
        `/database/search?type=release&release_title=${encodeURIComponent(owned.title)}&per_page=100`,
      )
    ).results.find((result) => result.id === owned.id);
    expect(hit?.title).toBe(`${body.artists_sort} - ${body.title}`);
  });

  // Live release and master bodies (quoted by go-discogs' tests; asserted by DiscogsApiClient's live
  // tests) give the main artists and the labels a thumbnail_url, and the release blocked_from_sale.
  it('gives the credits of a release and a master their thumbnail_url, and the release blocked_from_sale', async () => {
    type Credit = { id: number; thumbnail_url?: string };
    const body = await json<{ artists: Credit[]; labels: Credit[]; blocked_from_sale: boolean }>(
      `/releases/${owned.id}`,
    );
    expect(body.blocked_from_sale).toBe(false);
    for (const credit of [...body.artists, ...body.labels])
      expect(credit.thumbnail_url).toMatch(/^https:\/\//);
    const master = discogs.world.discogs.releases.find((release) => release.masterId !== 0);
    const masterBody = await json<{ artists: Credit[] }>(`/masters/${master?.masterId}`);
    for (const credit of masterBody.artists) expect(credit.thumbnail_url).toMatch(/^https:\/\//);
  });
});
