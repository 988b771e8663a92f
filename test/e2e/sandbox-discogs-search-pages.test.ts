import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * A page past the last one of the search or of an artist's or label's releases: the live API answers 404
 * "Page N is outside of valid range [1, M]." (damidhagor/DiscogsApiClient: the recording
 * Database.SearchTests.SearchDatabase_ShouldThrowResourceNotFoundException_WhenPageNumberIsTooLarge, and
 * ArtistsTests.cs / LabelsTests.cs); the docs say nothing about it.
 */
describe('Discogs stand-in: database listing pages out of range', () => {
  let discogs: DiscogsHarness;
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 40 });
  });
  afterAll(() => discogs.stop());

  it('serves the last page, and refuses the one after it with 404', async () => {
    const first = await discogs.call('/database/search?type=release&per_page=7');
    const { pagination } = (await first.json()) as { pagination: { pages: number } };
    expect(pagination.pages).toBeGreaterThan(1);
    const last = await discogs.call(`/database/search?type=release&per_page=7&page=${pagination.pages}`);
    expect(last.status).toBe(200);
    const past = await discogs.call(`/database/search?type=release&per_page=7&page=${pagination.pages + 1}`);
    expect(past.status).toBe(404);
    expect(await past.json()).toEqual({
      message: `Page ${pagination.pages + 1} is outside of valid range [1, ${pagination.pages}].`,
    });
    const none = await discogs.call('/database/search?q=zzzqqqxxx&page=2');
    expect(await none.json()).toEqual({ message: 'Page 2 is outside of valid range [1, 1].' });
    expect((await discogs.call('/database/search?q=zzzqqqxxx')).status).toBe(200);
  });

  it("refuses a page past the last of an artist's or a label's releases", async () => {
    const release = discogs.world.discogs.releases[0];
    for (const path of [
      `/artists/${release?.artists[0]?.id}/releases`,
      `/labels/${release?.labels[0]?.id}/releases`,
    ]) {
      const first = await discogs.call(path);
      const { pagination } = (await first.json()) as { pagination: { pages: number } };
      const past = await discogs.call(`${path}?page=${pagination.pages + 1}`);
      expect(past.status, path).toBe(404);
      expect(await past.json()).toEqual({
        message: `Page ${pagination.pages + 1} is outside of valid range [1, ${pagination.pages}].`,
      });
    }
  });
});
