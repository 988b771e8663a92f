import type { Random } from '../core/random.ts';
import type { IdAllocator } from './artists.ts';
import type { ReleaseUploads, TrackUploads } from './catalog.ts';
import type { UploaderRegistry } from './catalog-users.ts';
import { soundcloudTimestamp } from './dates.ts';
import type { SoundcloudAlbum, SoundcloudTrack, SoundcloudUser } from './world.ts';

/**
 * Album and playlist uploads made from the collection's releases, as SoundCloud has them: the
 * artist's own album, the label's, and sets by other accounts that are partial or made of the wrong
 * uploads. Each kind is rolled independently per release, so one release may have several.
 */
export const ALBUM_SHARES = {
  /** By the release's lead artist's account: every true upload that exists, in Discogs order. */
  official: 0.3,
  /** By the label's account (only labels that upload): the same tracks. Various releases: 0.35. */
  label: 0.12,
  /** By a fan: a full-album set mostly of the fan's own rips, some other versions, some gaps. */
  fan: 0.1,
  /** By a fan: a subset of the true uploads (a "best of" the release). */
  partial: 0.06,
} as const;

const VARIOUS_LABEL_SHARE = 0.35;

/** Album ids: above every track id and below the ids the stand-in gives created playlists' neighbours. */
const ALBUM_ID_RANGE = [2_100_000_000, 2_140_000_000] as const;

const SOUNDCLOUD_LAUNCH = Date.UTC(2008, 9, 1);

const VERSION_KINDS = new Set<SoundcloudTrack['kind']>(['live', 'remix', 'edit']);

export interface AlbumContext {
  random: Random;
  albumIds: IdAllocator;
  /** The catalog's track-id allocator, so fan rips never collide with other tracks. */
  trackIds: IdAllocator;
  uploaders: UploaderRegistry;
  now: number;
}

export interface GeneratedAlbums {
  albums: SoundcloudAlbum[];
  /** Fans' rips that exist only because of their full-album sets. */
  tracks: SoundcloudTrack[];
}

/** "1999-07-13" stays; a month or year alone gives "" (SoundCloud's release date is a full date). */
function fullDate(released: string): string {
  return /^\d{4}-\d\d-(?!00)\d\d$/.test(released) ? released : '';
}

function tagListOf(styles: readonly string[]): string {
  return styles.map((style) => (style.includes(' ') ? `"${style}"` : style)).join(' ');
}

class AlbumMaker {
  readonly albums: SoundcloudAlbum[] = [];
  readonly tracks: SoundcloudTrack[] = [];
  private readonly ctx: AlbumContext;

  constructor(ctx: AlbumContext) {
    this.ctx = ctx;
  }

  private uploadedSince(year: number): number {
    const { random, now } = this.ctx;
    const since = Math.max(SOUNDCLOUD_LAUNCH, Date.UTC(year, 0, 1));
    return since + Math.floor(random.next() * Math.max(0, now - since));
  }

  add(
    kind: SoundcloudAlbum['kind'],
    owner: SoundcloudUser,
    source: ReleaseUploads,
    title: string,
    setType: SoundcloudAlbum['setType'],
    trackIds: number[],
  ): void {
    if (trackIds.length === 0) return;
    const { release, labelName } = source.release;
    const official = kind === 'official' || kind === 'label';
    this.albums.push({
      id: this.ctx.albumIds.next(ALBUM_ID_RANGE[0], ALBUM_ID_RANGE[1]),
      userId: owner.id,
      title,
      setType,
      trackIds,
      genre: official ? (release.genres[0] ?? '') : '',
      tagList: official ? tagListOf(release.styles) : '',
      labelName: official ? labelName : '',
      releaseDate: official ? fullDate(release.released) : '',
      createdAt: this.uploadedSince(release.year),
      releaseId: release.id,
      kind,
    });
  }

  /** A fan's rip of one track: the Discogs title, sometimes numbered, within a second of the length. */
  rip(fan: SoundcloudUser, track: TrackUploads, index: number, year: number): SoundcloudTrack {
    const { random } = this.ctx;
    const title = random.chance(0.3)
      ? `${String(index + 1).padStart(2, '0')}. ${track.fact.title}`
      : track.fact.title;
    const rip: SoundcloudTrack = {
      id: this.ctx.trackIds.next(100_000_000, 2_099_999_999),
      userId: fan.id,
      title,
      duration: Math.max(30_000, Math.round(track.fact.seconds * 1000) + random.int(-900, 900)),
      genre: null,
      tagList: '',
      labelName: null,
      metadataArtist: null,
      isrc: null,
      releaseYear: null,
      createdAt: soundcloudTimestamp(this.uploadedSince(year)),
      access: 'playable',
      playbackCount: random.int(0, 20_000),
      favoritingsCount: random.int(0, 300),
      kind: 'reupload',
    };
    this.tracks.push(rip);
    return rip;
  }
}

function trueIds(source: ReleaseUploads): number[] {
  return source.tracks.flatMap((track) => (track.upload ? [track.upload.id] : []));
}

/** What a fan puts at one position of a full-album set: a re-upload, a rip, another version, or nothing. */
function fanPick(maker: AlbumMaker, random: Random, fan: SoundcloudUser, source: ReleaseUploads, i: number) {
  const track = source.tracks[i] as TrackUploads;
  const reupload = track.decoys.find((decoy) => decoy.kind === 'reupload');
  if (reupload) return reupload.id;
  const roll = random.next();
  if (roll < 0.55) return maker.rip(fan, track, i, source.release.release.year).id;
  if (roll < 0.7) return track.decoys.find((decoy) => VERSION_KINDS.has(decoy.kind))?.id;
  if (roll < 0.85) return track.upload?.id;
  return undefined;
}

/** Album and playlist uploads for a share of the releases; deterministic for the context's random. */
export function generateAlbums(ctx: AlbumContext, releases: readonly ReleaseUploads[]): GeneratedAlbums {
  const { random, uploaders } = ctx;
  const maker = new AlbumMaker(ctx);
  const fans = uploaders.fanAccounts();
  for (const source of releases) {
    if (source.tracks.length < 2) continue;
    const { release, artistLine, labelName } = source.release;
    const lead = release.artists[0];
    const isVarious = lead?.name === 'Various';
    const artist = lead && !isVarious ? uploaders.existingArtist(lead.id) : undefined;
    const label = labelName === 'Not On Label' ? undefined : uploaders.existingLabel(labelName);
    const ids = trueIds(source);
    const setType = source.tracks.length <= 4 ? 'ep' : isVarious ? 'compilation' : 'album';

    if (artist && random.chance(ALBUM_SHARES.official))
      maker.add('official', artist, source, release.title, setType, ids);
    if (label && random.chance(isVarious ? VARIOUS_LABEL_SHARE : ALBUM_SHARES.label)) {
      const title = random.chance(0.6) ? `${artistLine} - ${release.title}` : release.title;
      maker.add('label', label, source, title, setType, ids);
    }
    if (fans.length > 0 && random.chance(ALBUM_SHARES.fan)) {
      const fan = random.pick(fans);
      const title = random.pick([
        `${artistLine} - ${release.title} (Full Album)`,
        `${release.title} [${release.year}]`,
        `${artistLine} – ${release.title}`,
      ]);
      const picks = source.tracks.map((_, i) => fanPick(maker, random, fan, source, i));
      const trackIds = picks.filter((id): id is number => id !== undefined);
      maker.add('fan', fan, source, title, random.chance(0.4) ? 'album' : 'playlist', trackIds);
    }
    if (fans.length > 0 && ids.length >= 3 && random.chance(ALBUM_SHARES.partial)) {
      const keep = Math.max(1, Math.floor(ids.length * (0.3 + random.next() * 0.4)));
      const chosen = new Set(random.shuffle(ids).slice(0, keep));
      const title = random.pick([release.title, `Best of ${release.title}`, `${release.title} (highlights)`]);
      maker.add(
        'partial',
        random.pick(fans),
        source,
        title,
        'playlist',
        ids.filter((id) => chosen.has(id)),
      );
    }
  }
  return { albums: maker.albums, tracks: maker.tracks };
}
