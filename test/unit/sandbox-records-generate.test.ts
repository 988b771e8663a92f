import { describe, expect, it } from 'vitest';
import { parseDiscogsDuration } from '../../sandbox/records/dates.ts';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import { playableTracks, truthKey } from '../../sandbox/records/playable.ts';
import { GENRES } from '../../sandbox/records/vocabulary.ts';
import type {
  DiscogsArtistCredit,
  DiscogsRelease,
  DiscogsTrack,
  RecordWorld,
} from '../../sandbox/records/world.ts';

function ownedReleases(world: RecordWorld): DiscogsRelease[] {
  const owned = new Set(world.discogs.collection.map((item) => item.releaseId));
  return world.discogs.releases.filter((release) => owned.has(release.id));
}

function allTracks(tracklist: readonly DiscogsTrack[]): DiscogsTrack[] {
  return tracklist.flatMap((track) => [track, ...allTracks(track.sub_tracks ?? [])]);
}

function allCredits(release: DiscogsRelease): DiscogsArtistCredit[] {
  return [
    ...release.artists,
    ...release.extraartists,
    ...allTracks(release.tracklist).flatMap((track) => [
      ...(track.artists ?? []),
      ...(track.extraartists ?? []),
    ]),
  ];
}

describe('generateRecordWorld: determinism', () => {
  it('gives byte-identical worlds for the same seed', () => {
    const a = JSON.stringify(generateRecordWorld({ seed: 7, records: 150 }));
    const b = JSON.stringify(generateRecordWorld({ seed: 7, records: 150 }));
    expect(a).toBe(b);
  });

  it('gives different worlds for different seeds', () => {
    const a = generateRecordWorld({ seed: 1, records: 50 });
    const b = generateRecordWorld({ seed: 2, records: 50 });
    expect(a.discogs.user.token).not.toBe(b.discogs.user.token);
    expect(a.discogs.releases.map((r) => r.id)).not.toEqual(b.discogs.releases.map((r) => r.id));
    expect(JSON.stringify(a.soundcloud.truth)).not.toBe(JSON.stringify(b.soundcloud.truth));
  });

  it.each([0, 1, 2, 20, 137])('makes exactly %i collection items', (records) => {
    expect(generateRecordWorld({ seed: 3, records }).discogs.collection).toHaveLength(records);
  });

  it('generates a 10,000-item collection with a truth entry per playable track', () => {
    const world = generateRecordWorld({ seed: 11, records: 10_000 });
    expect(world.discogs.collection).toHaveLength(10_000);
    const playable = ownedReleases(world).reduce(
      (n, release) => n + playableTracks(release.tracklist).length,
      0,
    );
    expect(Object.keys(world.soundcloud.truth)).toHaveLength(playable);
  });
});

describe.each([1, 2, 3, 4, 5])('generateRecordWorld: hard cases in a 20-record world (seed %i)', (seed) => {
  const world = generateRecordWorld({ seed, records: 20 });
  const { discogs, soundcloud } = world;
  const owned = ownedReleases(world);
  const credits = owned.flatMap(allCredits);
  const tracks = owned.flatMap((release) => allTracks(release.tracklist));

  it('spreads items over several folders, with ratings, custom-field notes and offset dates', () => {
    expect(discogs.folders[0]).toEqual({ id: 1, name: 'Uncategorized' });
    expect(discogs.folders.map((f) => f.name)).toContain('Jazz');
    expect(discogs.folders.some((f) => f.id === 0)).toBe(false);
    expect(new Set(discogs.collection.map((item) => item.folderId)).size).toBeGreaterThanOrEqual(3);
    const ratings = new Set(discogs.collection.map((item) => item.rating));
    expect(ratings.has(0)).toBe(true);
    expect([...ratings].some((r) => r > 0 && r <= 5)).toBe(true);
    for (const item of discogs.collection) {
      expect(item.dateAdded).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$/);
      for (const note of item.notes) {
        const field = discogs.customFields.find((f) => f.id === note.field_id);
        expect(field).toBeDefined();
        if (field?.type === 'dropdown') expect(field.options).toContain(note.value);
      }
    }
    expect(discogs.customFields.map((f) => f.type)).toEqual(expect.arrayContaining(['dropdown', 'textarea']));
    expect(discogs.customFields.some((f) => !f.public)).toBe(true);
  });

  it('owns one release twice, under two instance ids', () => {
    const byRelease = new Map<number, number[]>();
    for (const item of discogs.collection)
      byRelease.set(item.releaseId, [...(byRelease.get(item.releaseId) ?? []), item.instanceId]);
    const twice = [...byRelease.values()].filter((ids) => ids.length === 2);
    expect(twice.length).toBeGreaterThanOrEqual(1);
    expect(new Set(twice[0]).size).toBe(2);
  });

  it('has credits with suffixes, feat., &/vs. joins, name variations, accents and other scripts', () => {
    expect(credits.some((c) => / \(\d+\)$/.test(c.name))).toBe(true);
    expect(credits.some((c) => /^feat/i.test(c.join) || c.role === 'Featuring')).toBe(true);
    expect(credits.some((c) => ['&', 'And', ','].includes(c.join))).toBe(true);
    expect(credits.some((c) => c.join === 'Vs.')).toBe(true);
    expect(credits.some((c) => c.anv !== '')).toBe(true);
    expect(credits.some((c) => /[À-ɏ]/.test(c.name))).toBe(true);
    expect(credits.some((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.name))).toBe(true);
    expect(credits.some((c) => /[\u0400-\u04ff]/.test(c.name))).toBe(true);
    const various = owned.find((release) => release.artists[0]?.name === 'Various');
    expect(various).toBeDefined();
    expect(playableTracks(various?.tracklist ?? []).every((track) => (track.artists ?? []).length > 0)).toBe(
      true,
    );
  });

  it('has headings, index tracks with sub-tracks, position-less tracks and medium positions', () => {
    expect(tracks.some((t) => t.type_ === 'heading' && t.position === '')).toBe(true);
    expect(tracks.some((t) => t.type_ === 'index' && (t.sub_tracks ?? []).length >= 2)).toBe(true);
    expect(tracks.some((t) => t.type_ === 'track' && t.position === '')).toBe(true);
    const positions = tracks.filter((t) => t.type_ === 'track').map((t) => t.position);
    expect(positions).toEqual(expect.arrayContaining(['A1', 'B1', '1', '1-1']));
    expect(tracks.some((t) => t.type_ === 'track' && t.duration === '')).toBe(true);
    expect(tracks.some((t) => /^\d+:\d\d$/.test(t.duration))).toBe(true);
    expect(
      tracks.some((t) => /Remix\)$/.test(t.title) && t.extraartists?.some((c) => c.role === 'Remix')),
    ).toBe(true);
  });

  it('keeps at most one position-less playable track per release, so truth keys are unique', () => {
    for (const release of discogs.releases) {
      const positions = playableTracks(release.tracklist).map((t) => t.position);
      expect(new Set(positions).size).toBe(positions.length);
    }
  });

  it('has realistic genres, styles, years, labels, formats and masters', () => {
    for (const release of discogs.releases) {
      const genre = GENRES.find((spec) => spec.genre === release.genres[0]);
      expect(genre).toBeDefined();
      for (const style of release.styles) expect(genre?.styles).toContain(style);
      expect(release.year).toBeGreaterThanOrEqual(1950);
      expect(release.year).toBeLessThanOrEqual(2025);
      expect(release.labels[0]?.catno).toBeTruthy();
    }
    const formats = owned.flatMap((r) => r.formats);
    expect(new Set(formats.map((f) => f.name))).toEqual(new Set(['Vinyl', 'CD', 'Cassette']));
    expect(formats.some((f) => f.descriptions.includes('7"'))).toBe(true);
    expect(formats.some((f) => f.descriptions.includes('Remastered'))).toBe(true);
    expect(owned.some((r) => r.masterId === 0)).toBe(true);
    expect(owned.some((r) => r.masterId !== 0)).toBe(true);
    expect(owned.some((r) => r.styles.length === 0)).toBe(true);
  });

  it('has a wantlist mostly outside the collection, overlapping it a little', () => {
    const ownedIds = new Set(discogs.collection.map((item) => item.releaseId));
    const wanted = discogs.wantlist.map((want) => want.releaseId);
    expect(wanted.some((id) => !ownedIds.has(id))).toBe(true);
    expect(wanted.some((id) => ownedIds.has(id))).toBe(true);
    expect(new Set(wanted).size).toBe(wanted.length);
  });

  it('labels every playable collection track in the truth map, and nothing else', () => {
    const expected = owned.flatMap((release) =>
      playableTracks(release.tracklist).map((t) => truthKey(release.id, t.position)),
    );
    expect(Object.keys(soundcloud.truth).sort()).toEqual([...new Set(expected)].sort());
    const values = Object.values(soundcloud.truth);
    expect(values.some((v) => v === null)).toBe(true);
    expect(values.filter((v) => v !== null).length).toBeGreaterThan(values.length * 0.7);
  });

  it('makes true uploads that really are the track, and decoys of every kind', () => {
    const byId = new Map(soundcloud.tracks.map((track) => [track.id, track]));
    const releases = new Map(discogs.releases.map((release) => [release.id, release]));
    for (const [key, id] of Object.entries(soundcloud.truth)) {
      if (id === null) continue;
      const upload = byId.get(id);
      expect(upload?.kind).toBe('true');
      const [releaseId, position] = [Number(key.split(':')[0]), key.slice(key.indexOf(':') + 1)];
      const track = playableTracks(releases.get(releaseId)?.tracklist ?? []).find(
        (t) => t.position === position,
      );
      expect(upload?.title).toContain(track?.title);
      const seconds = parseDiscogsDuration(track?.duration ?? '');
      if (seconds !== undefined)
        expect(Math.abs((upload?.duration ?? 0) / 1000 - seconds)).toBeLessThanOrEqual(3.5);
    }
    const kinds = new Set(soundcloud.tracks.map((track) => track.kind));
    for (const kind of ['true', 'cover', 'remix', 'live', 'reupload', 'similar', 'filler'] as const)
      expect(kinds).toContain(kind);
  });
});

describe('generateRecordWorld: integrity', () => {
  const world = generateRecordWorld({ seed: 9, records: 400 });
  const { discogs, soundcloud } = world;

  it('uses unique ids and references only what exists', () => {
    const releaseIds = new Set(discogs.releases.map((r) => r.id));
    expect(releaseIds.size).toBe(discogs.releases.length);
    expect(new Set(discogs.collection.map((i) => i.instanceId)).size).toBe(discogs.collection.length);
    const folderIds = new Set(discogs.folders.map((f) => f.id));
    for (const item of discogs.collection) {
      expect(releaseIds.has(item.releaseId)).toBe(true);
      expect(folderIds.has(item.folderId)).toBe(true);
    }
    for (const want of discogs.wantlist) expect(releaseIds.has(want.releaseId)).toBe(true);
    const userIds = new Set(soundcloud.users.map((u) => u.id));
    expect(userIds.size).toBe(soundcloud.users.length);
    expect(new Set(soundcloud.tracks.map((t) => t.id)).size).toBe(soundcloud.tracks.length);
    for (const track of soundcloud.tracks) expect(userIds.has(track.userId)).toBe(true);
    expect(userIds.has(soundcloud.app.accountUserId)).toBe(true);
    const truthIds = Object.values(soundcloud.truth).filter((id) => id !== null);
    expect(new Set(truthIds).size).toBe(truthIds.length);
  });

  it('leaves the styles of a few percent of releases empty, the same ones for the same seed', () => {
    const styleless = (releases: readonly DiscogsRelease[]) =>
      releases.filter((release) => release.styles.length === 0).map((release) => release.id);
    const share = styleless(discogs.releases).length / discogs.releases.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    expect(styleless(generateRecordWorld({ seed: 9, records: 400 }).discogs.releases)).toEqual(
      styleless(discogs.releases),
    );
    expect(discogs.releases.filter((release) => release.styles.length > 0).length).toBeGreaterThan(
      discogs.releases.length * 0.9,
    );
  });

  it('gives the user, guest and app credentials distinct values', () => {
    const tokens = [discogs.user.token, ...(discogs.guests ?? []).map((g) => g.token)];
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(discogs.user.token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(soundcloud.app.clientId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(soundcloud.app.clientSecret).not.toBe(soundcloud.app.clientId);
  });

  it('writes SoundCloud timestamps and durations the way the API does', () => {
    for (const track of soundcloud.tracks.slice(0, 200)) {
      expect(track.createdAt).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \+0000$/);
      expect(Number.isInteger(track.duration)).toBe(true);
      expect(
        Date.parse(track.createdAt.replace(/\//g, '-').replace(' +0000', 'Z').replace(' ', 'T')),
      ).toBeLessThanOrEqual(world.now);
    }
  });
});
