import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

type Body = Record<string, unknown>;

describe('Discogs stand-in: list keys are left out when a release has none', () => {
  let discogs: DiscogsHarness;
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 200 });
  });
  afterAll(() => discogs.stop());

  const getJson = async (path: string): Promise<Body> => {
    const response = await discogs.call(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as Body;
  };

  it('omits styles (and identifiers) from a release that has none, and keeps them where it has some', async () => {
    const { releases } = discogs.world.discogs;
    const bare = releases.find((release) => release.styles.length === 0);
    const styled = releases.find((release) => release.styles.length > 0);
    const noIdentifiers = releases.find((release) => release.identifiers.length === 0);
    if (!bare || !styled || !noIdentifiers) throw new Error('the world lacks a case');

    const bareBody = await getJson(`/releases/${bare.id}`);
    expect(bareBody).not.toHaveProperty('styles');
    expect(bareBody.genres).toEqual(bare.genres);
    expect(bareBody.companies).toEqual([]);
    expect((await getJson(`/releases/${styled.id}`)).styles).toEqual(styled.styles);
    expect(await getJson(`/releases/${noIdentifiers.id}`)).not.toHaveProperty('identifiers');
  });

  it('omits styles from basic_information in the collection as well', async () => {
    const page = await getJson(
      `/users/${discogs.username}/collection/folders/0/releases?per_page=100&page=1`,
    );
    const all = [
      page,
      await getJson(`/users/${discogs.username}/collection/folders/0/releases?per_page=100&page=2`),
    ];
    const infos = all.flatMap((body) =>
      (body.releases as { basic_information: Body }[]).map((item) => item.basic_information),
    );
    const byId = new Map(discogs.world.discogs.releases.map((release) => [release.id, release]));
    let omitted = 0;
    for (const info of infos) {
      const release = byId.get(info.id as number);
      if (release?.styles.length === 0) {
        omitted += 1;
        expect(info).not.toHaveProperty('styles');
      } else expect(info.styles).toEqual(release?.styles);
    }
    expect(omitted).toBeGreaterThan(0);
  });
});
