import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsRelease } from '../../sandbox/records/world.ts';
import { type DiscogsHarness, startDiscogs } from './sandbox-discogs-harness.ts';

/**
 * `GET /masters/{id}/versions` as the developer docs describe it ("Master Release Versions"): rows with
 * `major_formats` and `stats`, the `format`, `label`, `released` and `country` filters, and `sort`
 * (released, title, format, label, catno, country) with `sort_order`.
 */
interface Version {
  id: number;
  title: string;
  country: string;
  label: string;
  catno: string;
  released: string;
  major_formats: string[];
  stats: {
    community: { in_collection: number; in_wantlist: number };
    user?: { in_collection: number; in_wantlist: number };
  };
}

describe('Discogs stand-in: master versions', () => {
  let discogs: DiscogsHarness;
  let masterId: number;
  let versions: DiscogsRelease[];
  beforeAll(async () => {
    discogs = await startDiscogs({ records: 400 });
    const byMaster = new Map<number, DiscogsRelease[]>();
    for (const release of discogs.world.discogs.releases)
      if (release.masterId)
        byMaster.set(release.masterId, [...(byMaster.get(release.masterId) ?? []), release]);
    [masterId, versions] = [...byMaster].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  });
  afterAll(() => discogs.stop());

  const list = async (query = '', token?: null) => {
    const response = await discogs.call(
      `/masters/${masterId}/versions${query}`,
      token === null ? { token } : {},
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { versions: Version[] }).versions;
  };

  it('gives each version its major formats and community and user stats', async () => {
    expect(versions.length).toBeGreaterThan(1);
    const rows = await list();
    const owned = new Set(discogs.world.discogs.collection.map((item) => item.releaseId));
    for (const row of rows) {
      const release = versions.find((version) => version.id === row.id) as DiscogsRelease;
      expect(row.major_formats).toEqual([...new Set(release.formats.map((format) => format.name))]);
      expect(row.stats.community).toEqual({ in_collection: release.have, in_wantlist: release.want });
      expect(row.stats.user?.in_collection).toBe(
        discogs.world.discogs.collection.filter((item) => item.releaseId === row.id).length,
      );
      expect(owned.has(row.id) || row.stats.user?.in_collection === 0).toBe(true);
    }
    expect((await list('', null))[0]?.stats.user).toBeUndefined();
  });

  it('filters by country, label, format and release year', async () => {
    const sample = versions[0] as DiscogsRelease;
    const byCountry = await list(`?country=${encodeURIComponent(sample.country)}`);
    expect(byCountry.map((row) => row.id).sort()).toEqual(
      versions
        .filter((v) => v.country === sample.country)
        .map((v) => v.id)
        .sort(),
    );
    const label = sample.labels[0]?.name ?? '';
    const byLabel = await list(`?label=${encodeURIComponent(label)}`);
    expect(byLabel.map((row) => row.id).sort()).toEqual(
      versions
        .filter((v) => v.labels.some((l) => l.name === label))
        .map((v) => v.id)
        .sort(),
    );
    const format = sample.formats[0]?.name ?? '';
    const byFormat = await list(`?format=${encodeURIComponent(format)}`);
    expect(byFormat.map((row) => row.id).sort()).toEqual(
      versions
        .filter((v) => v.formats.some((f) => f.name === format))
        .map((v) => v.id)
        .sort(),
    );
    const year = sample.released.slice(0, 4);
    const byYear = await list(`?released=${year}`);
    expect(byYear.map((row) => row.id).sort()).toEqual(
      versions
        .filter((v) => v.released.startsWith(year))
        .map((v) => v.id)
        .sort(),
    );
    expect(await list('?country=Nowhere')).toEqual([]);
  });

  it.each(['released', 'title', 'format', 'label', 'catno', 'country'])(
    'sorts by %s both ways',
    async (key) => {
      const asc = await list(`?sort=${key}`);
      const desc = await list(`?sort=${key}&sort_order=desc`);
      expect(desc.map((row) => row.id)).toEqual(asc.map((row) => row.id).reverse());
      const value = (row: Version) =>
        key === 'format' ? (row as unknown as { format: string }).format : String(row[key as keyof Version]);
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      for (let i = 1; i < asc.length; i++)
        expect(collator.compare(value(asc[i - 1] as Version), value(asc[i] as Version))).toBeLessThanOrEqual(
          0,
        );
    },
  );

  // Not in the docs' example, but every live master has them (e.g. the master bodies quoted by the Go
  // and Kotlin clients irlndts/go-discogs and spyn_android, whose Kotlin DTO requires the keys).
  it('names the most recent release of the master next to the main release', async () => {
    const response = await discogs.call(`/masters/${masterId}`);
    const master = (await response.json()) as Record<string, unknown>;
    const latest = [...versions].sort((a, b) => b.year - a.year || b.id - a.id)[0] as DiscogsRelease;
    expect(master.most_recent_release).toBe(latest.id);
    expect(master.most_recent_release_url).toBe(`${discogs.origin}/releases/${latest.id}`);
  });
});
