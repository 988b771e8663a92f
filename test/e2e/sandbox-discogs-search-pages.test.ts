import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * A search page past the last one: the live API answers 404 "Page N is outside of valid range [1, M]."
 * (damidhagor/DiscogsApiClient, Database.SearchTests.SearchDatabase_ShouldThrowResourceNotFoundException_
 * WhenPageNumberIsTooLarge recording, 2026-05); the docs say nothing about it.
 */
describe('Discogs stand-in: search pages out of range', () => {
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
});
