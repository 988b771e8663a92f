import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsRelease } from '../../sandbox/records/world.ts';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * The developer docs' "Release Rating By User", "Community Release Rating" and "Release Stats"
 * resources. Their 404 text is the live API's (the docs give none): "Release does not exist or may
 * have been deleted." (damidhagor/DiscogsApiClient tests ReleasesTests.cs, ReleaseRatingTests.cs).
 */
describe('Discogs stand-in: release ratings and stats', () => {
  let discogs: DiscogsHarness;
  let release: DiscogsRelease;
  let guestToken: string;
  const missing = { message: 'Release does not exist or may have been deleted.' };
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 20 });
    release = discogs.world.discogs.releases[0] as DiscogsRelease;
    guestToken = discogs.world.discogs.guests?.[0]?.token ?? '';
  });
  afterAll(() => discogs.stop());

  it('gives the community rating, the same as in the release, and the have/want stats', async () => {
    const full = (await (await discogs.call(`/releases/${release.id}`)).json()) as {
      community: { rating: { count: number; average: number } };
    };
    const rating = await discogs.call(`/releases/${release.id}/rating`, { token: null });
    expect(rating.status).toBe(200);
    expect(await rating.json()).toEqual({ rating: full.community.rating, release_id: release.id });
    const stats = await discogs.call(`/releases/${release.id}/stats`, { token: null });
    expect(stats.status).toBe(200);
    expect(await stats.json()).toEqual({ num_have: release.have, num_want: release.want });
    for (const path of ['/releases/2147483647/rating', '/releases/2147483647/stats']) {
      const response = await discogs.call(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual(missing);
    }
  });

  it("sets, reads and deletes the user's own rating of a release", async () => {
    const path = `/releases/${release.id}/rating/${discogs.username}`;
    const expected = (rating: number) => ({ username: discogs.username, release_id: release.id, rating });
    expect(await (await discogs.call(path, { token: null })).json()).toEqual(expected(0));
    const put = await discogs.call(path, { method: 'PUT', body: { rating: 4 } });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(expected(4));
    expect(await (await discogs.call(path, { token: guestToken })).json()).toEqual(expected(4));
    const deleted = await discogs.call(path, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await (await discogs.call(path)).json()).toEqual(expected(0));
  });

  it('refuses ratings outside 1-5, other users and unknown releases', async () => {
    const path = `/releases/${release.id}/rating/${discogs.username}`;
    for (const rating of [0, 6, 'x'])
      expect((await discogs.call(path, { method: 'PUT', body: { rating } })).status, String(rating)).toBe(
        422,
      );
    expect((await discogs.call(path, { method: 'PUT', body: { rating: 3 }, token: null })).status).toBe(401);
    expect((await discogs.call(path, { method: 'DELETE', token: guestToken })).status).toBe(403);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await discogs.call(`/releases/2147483647/rating/${discogs.username}`, {
        method,
        ...(method === 'PUT' ? { body: { rating: 3 } } : {}),
      });
      expect(response.status, method).toBe(404);
      expect(await response.json()).toEqual(missing);
    }
  });
});
