import { describe, expect, it } from 'vitest';
import { readSearchQuery, runSearch, searchWords } from '../../sandbox/discogs/search-index.ts';
import { DiscogsStore } from '../../sandbox/discogs/store.ts';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import type { DiscogsRelease } from '../../sandbox/records/world.ts';

const world = generateRecordWorld({ seed: 11, records: 40 }).discogs;
const store = new DiscogsStore(world);
const search = (query: string) =>
  runSearch(store.searchDocuments(), readSearchQuery(new URLSearchParams(query)));
const byArtist = (name: string) =>
  world.releases.find((release) => release.artists[0]?.name === name) as DiscogsRelease;

describe('Discogs stand-in: database search', () => {
  it('folds case, accents and punctuation into words', () => {
    expect(searchWords('Sigur Rós – Ágætis Byrjun!')).toEqual(['sigur', 'ros', 'agætis', 'byrjun']);
    expect(searchWords('坂本龍一')).toEqual(['坂本龍一']);
  });

  it('finds a release by "artist title" words, that release first among releases', () => {
    const release = byArtist('Sigur Rós');
    const hits = search(`type=release&q=${encodeURIComponent(`sigur ros ${release.title}`)}`);
    expect(hits[0]).toMatchObject({ type: 'release', id: release.id });
    expect(hits.every((hit) => hit.type === 'release')).toBe(true);
  });

  it('needs every query word: a word nothing has finds nothing', () => {
    expect(search('q=sigur%20ros%20zzzzqqqq')).toEqual([]);
  });

  it('finds the artist itself for type=artist, by name or name variation', () => {
    const release = byArtist('Mötley Crüe');
    const artistId = release.artists[0]?.id;
    expect(search('type=artist&q=motley%20crue')[0]).toMatchObject({ type: 'artist', id: artistId });
    expect(search('type=artist&anv=Motley%20Crue')[0]).toMatchObject({ type: 'artist', id: artistId });
  });

  it('lists a master once, for the master id, with all its versions behind it', () => {
    const [masterId, versions] = [...store.masters].find(([, list]) => list.length > 0) ?? [0, []];
    const main = versions[0] as DiscogsRelease;
    const hits = search(`type=master&release_title=${encodeURIComponent(main.title)}`);
    const master = hits.find((hit) => hit.id === masterId);
    expect(master?.type).toBe('master');
    expect(master?.releases.map((release) => release.id).sort()).toEqual(
      versions.map((release) => release.id).sort(),
    );
  });

  it('matches catalog numbers and barcodes on letters and digits alone', () => {
    const release = world.releases.find((candidate) =>
      /\d/.test(candidate.labels[0]?.catno ?? ''),
    ) as DiscogsRelease;
    const catno = release.labels[0]?.catno ?? '';
    const loose = catno.replace(/[^A-Za-z0-9]+/g, ' ').toLowerCase();
    expect(search(`type=release&catno=${encodeURIComponent(loose)}`).map((hit) => hit.id)).toContain(
      release.id,
    );

    const withBarcode = world.releases.find((candidate) =>
      candidate.identifiers.some((identifier) => identifier.type === 'Barcode'),
    ) as DiscogsRelease;
    const barcode = withBarcode.identifiers.find((identifier) => identifier.type === 'Barcode')?.value ?? '';
    const spaced = `${barcode.slice(0, 1)} ${barcode.slice(1, 7)} ${barcode.slice(7)}`;
    expect(search(`barcode=${encodeURIComponent(spaced)}`).map((hit) => hit.id)).toContain(withBarcode.id);
  });

  it('narrows by year, genre, country and track title, and leaves artists out of release-only filters', () => {
    const release = world.releases[5] as DiscogsRelease;
    const track = release.tracklist.find((entry) => entry.type_ === 'track')?.title ?? '';
    const query = new URLSearchParams({
      year: String(release.year),
      genre: release.genres[0] ?? '',
      country: release.country,
      track,
    });
    const hits = search(query.toString());
    expect(hits.map((hit) => hit.id)).toContain(release.id);
    expect(hits.every((hit) => hit.type === 'release' || hit.type === 'master')).toBe(true);
    for (const hit of hits)
      expect(hit.releases.some((r) => String(r.year) === String(release.year))).toBe(true);
  });

  it('filters by label name and by the "Artist - Title" title field', () => {
    const release = world.releases[2] as DiscogsRelease;
    const label = release.labels[0]?.name ?? '';
    const hits = search(`type=release&label=${encodeURIComponent(label)}`);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.releases[0]?.labels.map((l) => l.name)).toContain(label);
    const titled = search(`type=release&title=${encodeURIComponent(hits[0]?.title ?? '')}`);
    expect(titled.map((hit) => hit.id)).toContain(hits[0]?.id);
  });
});
