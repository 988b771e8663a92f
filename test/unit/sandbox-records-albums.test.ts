import { describe, expect, it } from 'vitest';
import { generateRecordWorld } from '../../sandbox/records/generate.ts';
import { playableTracks, truthKey } from '../../sandbox/records/playable.ts';
import type { DiscogsRelease, SoundcloudAlbum, SoundcloudTrack } from '../../sandbox/records/world.ts';

describe('generateRecordWorld: album and playlist uploads', () => {
  const world = generateRecordWorld({ seed: 21, records: 400 });
  const { discogs, soundcloud } = world;
  const albums = soundcloud.albums ?? [];
  const tracks = new Map(soundcloud.tracks.map((track) => [track.id, track]));
  const users = new Map(soundcloud.users.map((user) => [user.id, user]));
  const releases = new Map(discogs.releases.map((release) => [release.id, release]));
  const owned = new Set(discogs.collection.map((item) => item.releaseId));
  const ofKind = (kind: SoundcloudAlbum['kind']) => albums.filter((album) => album.kind === kind);
  /** The true uploads of a release, in Discogs order, leaving out tracks with no upload. */
  const trueIds = (release: DiscogsRelease) =>
    playableTracks(release.tracklist).flatMap((track) => {
      const id = soundcloud.truth[truthKey(release.id, track.position)];
      return id === null || id === undefined ? [] : [id];
    });
  const trueIdSet = new Set(Object.values(soundcloud.truth).filter((id): id is number => id !== null));

  it('makes every kind, for owned releases only, in the shares albums.ts states', () => {
    const eligible = discogs.releases.filter(
      (release) => owned.has(release.id) && playableTracks(release.tracklist).length >= 2,
    ).length;
    expect(ofKind('official').length / eligible).toBeGreaterThan(0.2);
    expect(ofKind('official').length / eligible).toBeLessThan(0.4);
    expect(ofKind('label').length).toBeGreaterThan(eligible * 0.05);
    expect(ofKind('fan').length).toBeGreaterThan(eligible * 0.05);
    expect(ofKind('partial').length).toBeGreaterThan(eligible * 0.02);
    for (const album of albums) expect(owned.has(album.releaseId)).toBe(true);
  });

  it("puts exactly the release's true uploads, in order, in the artist's and the label's albums", () => {
    for (const album of [...ofKind('official'), ...ofKind('label')]) {
      const release = releases.get(album.releaseId) as DiscogsRelease;
      expect(album.trackIds).toEqual(trueIds(release));
      expect(['album', 'ep', 'compilation']).toContain(album.setType);
      expect(album.labelName).toBe(release.labels[0]?.name);
    }
    for (const album of ofKind('official')) {
      const release = releases.get(album.releaseId) as DiscogsRelease;
      expect(album.title).toBe(release.title);
      expect(users.get(album.userId)?.fullName).toBe(release.artists[0]?.name.replace(/ \(\d+\)$/, ''));
    }
    // Some official albums miss the tracks that have no upload at all.
    expect(
      ofKind('official').some(
        (album) =>
          album.trackIds.length < playableTracks(releases.get(album.releaseId)?.tracklist ?? []).length,
      ),
    ).toBe(true);
  });

  it("makes fans' sets of rips, other versions and gaps, by accounts that are not the artist's", () => {
    const fanSets = ofKind('fan');
    const contents = fanSets.flatMap((album) =>
      album.trackIds.map((id) => tracks.get(id) as SoundcloudTrack),
    );
    const kinds = new Set(contents.map((track) => track.kind));
    expect(kinds).toContain('reupload');
    expect([...kinds].some((kind) => kind === 'live' || kind === 'remix' || kind === 'edit')).toBe(true);
    expect(kinds).toContain('true');
    expect(contents.filter((track) => trueIdSet.has(track.id)).length).toBeLessThan(contents.length / 2);
    for (const album of fanSets) {
      const release = releases.get(album.releaseId) as DiscogsRelease;
      expect(users.get(album.userId)?.fullName).not.toBe(release.artists[0]?.name);
      expect(album.title).toContain(release.title);
    }
    expect(
      fanSets.some(
        (album) =>
          album.trackIds.length < playableTracks(releases.get(album.releaseId)?.tracklist ?? []).length,
      ),
    ).toBe(true);
  });

  it('makes partial sets: a strict subset of the true uploads, in order', () => {
    for (const album of ofKind('partial')) {
      const all = trueIds(releases.get(album.releaseId) as DiscogsRelease);
      expect(album.trackIds.length).toBeLessThan(all.length);
      expect(album.trackIds).toEqual(all.filter((id) => album.trackIds.includes(id)));
      expect(album.setType).toBe('playlist');
    }
  });

  it('references only tracks of the world, once per set, with unique set ids', () => {
    expect(new Set(albums.map((album) => album.id)).size).toBe(albums.length);
    for (const album of albums) {
      expect(album.trackIds.length).toBeGreaterThan(0);
      expect(new Set(album.trackIds).size).toBe(album.trackIds.length);
      for (const id of album.trackIds) expect(tracks.has(id)).toBe(true);
      expect(users.has(album.userId)).toBe(true);
      expect(album.releaseDate).toMatch(/^$|^\d{4}-\d\d-\d\d$/);
      expect(album.createdAt).toBeLessThanOrEqual(world.now);
    }
    expect(new Set(soundcloud.tracks.map((track) => track.id)).size).toBe(soundcloud.tracks.length);
  });

  it('is the same for the same seed and changes nothing else of the world', () => {
    const again = generateRecordWorld({ seed: 21, records: 400 });
    expect(again.soundcloud.albums).toEqual(albums);
    const rips = new Set(albums.filter((album) => album.kind === 'fan').flatMap((album) => album.trackIds));
    // Fans' rips are appended after the catalog's tracks; the truth never names one.
    const firstRip = soundcloud.tracks.findIndex(
      (track) => rips.has(track.id) && track.kind === 'reupload' && !trueIdSet.has(track.id),
    );
    expect(firstRip).toBeGreaterThan(0);
    for (const id of Object.values(soundcloud.truth))
      if (id !== null) expect(tracks.get(id)?.kind).toBe('true');
  });
});
