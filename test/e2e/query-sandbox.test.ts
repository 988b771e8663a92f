import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscogsRelease } from '../../sandbox/records/world.ts';
import { foldText } from '../../src/core/text/fold.ts';
import { runQuery, selectReleaseIds } from '../../src/query/index.ts';
import { runCli } from '../helpers/cli.ts';
import { type RecordsWorld, startRecordsWorld, syncRecordsOnce } from './fixtures/records-sandbox.ts';

/** Queries over a collection synced from the Discogs stand-in, checked against the stand-in's own data. */
describe('query language over a synced sandbox collection (seed 11, 300 records)', () => {
  let world: RecordsWorld;
  let owned: DiscogsRelease[];

  beforeAll(async () => {
    world = await startRecordsWorld({ seed: 11, records: 300, rateScale: 100 });
    const { exitCode } = await syncRecordsOnce(world);
    expect(exitCode).toBe(0);
    const discogs = world.sandbox.worlds.records.discogs;
    const ownedIds = new Set(discogs.collection.map((item) => item.releaseId));
    owned = discogs.releases.filter((release) => ownedIds.has(release.id));
  }, 60_000);

  afterAll(async () => {
    await world?.stop();
  });

  const idsOf = (releases: readonly DiscogsRelease[]) =>
    releases.map((release) => release.id).sort((a, b) => a - b);
  const select = async (query: string) =>
    (await selectReleaseIds(world.database.db, query)).sort((a, b) => a - b);

  it('selects every owned release once and no wantlist-only release', async () => {
    const wantOnly = world.sandbox.worlds.records.discogs.wantlist
      .map((want) => want.releaseId)
      .filter((id) => !owned.some((release) => release.id === id));
    expect(wantOnly.length).toBeGreaterThan(0);
    const all = await select('');
    expect(all).toEqual(idsOf(owned));
    for (const id of wantOnly) expect(all).not.toContain(id);
  });

  it('filters by genre, decade and style as the stand-in data says', async () => {
    const expected = owned.filter(
      (release) =>
        release.genres.includes('Jazz') &&
        release.year >= 1960 &&
        release.year <= 1969 &&
        !release.styles.some((style) => foldText(style).includes('fusion')),
    );
    expect(await select('genre = Jazz and year in 1960..1969 and not style ~ fusion')).toEqual(
      idsOf(expected),
    );
  });

  it('matches artists ignoring case and accents', async () => {
    const accented = owned.find((release) =>
      release.artists.some((artist) => foldText(artist.name) !== artist.name.toLowerCase()),
    );
    const artist = accented?.artists.find((credit) => foldText(credit.name) !== credit.name.toLowerCase());
    if (!artist) throw new Error('seed 11 has no owned release by an artist with accents');
    const bare = foldText(artist.name.replace(/ \(\d+\)$/, ''));
    const ids = await select(`artist ~ "${bare.toUpperCase()}"`);
    expect(ids).toContain(accented?.id);
  });

  it('counts owned releases per decade as the stand-in data says', async () => {
    const counts = new Map<number | null, number>();
    for (const release of owned) {
      const decade = release.year > 0 ? Math.floor(release.year / 10) * 10 : null;
      counts.set(decade, (counts.get(decade) ?? 0) + 1);
    }
    const result = await runQuery(world.database.db, 'group by decade');
    if (result.kind !== 'aggregate') throw new Error('group by should give groups');
    expect(new Map(result.rows.map((row) => [row.decade as number | null, row.count]))).toEqual(counts);
  });

  it('answers records query on the command line with the same releases', async () => {
    const result = runCli(
      ['records', 'query', 'genre = Jazz order by year', '--json', '--config', world.sandbox.info.config],
      { HOME: world.dir, SHELFSYNC_DATABASE_PATH: world.database.path },
    );
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { rows: { id: number; year: number | null }[] };
    expect(output.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      idsOf(owned.filter((release) => release.genres.includes('Jazz'))),
    );
    const years = output.rows.map((row) => row.year ?? -1);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});
