import type { Random } from '../core/random.ts';
import type { GeneratedArtist, IdAllocator } from './artists.ts';
import type { UploaderRegistry } from './catalog-users.ts';
import { soundcloudTimestamp } from './dates.ts';
import { pickOther } from './pick-other.ts';
import { truthKey } from './playable.ts';
import type { GeneratedRelease } from './releases.ts';
import { confusableTitle, inventTitle } from './titles.ts';
import type { TrackFacts } from './tracklist.ts';
import { LIVE_VENUES } from './vocabulary.ts';
import type { SoundcloudTrack, SoundcloudUser } from './world.ts';

type Kind = SoundcloudTrack['kind'];

type TrackExtras = Partial<
  Pick<SoundcloudTrack, 'genre' | 'tagList' | 'labelName' | 'metadataArtist' | 'isrc' | 'releaseYear'>
>;

export interface CatalogContext {
  random: Random;
  trackIds: IdAllocator;
  uploaders: UploaderRegistry;
  artists: readonly GeneratedArtist[];
  byGenre: ReadonlyMap<string, GeneratedArtist[]>;
  now: number;
}

/** SoundCloud opened in October 2008: nothing was uploaded before, nor before its release year. */
const SOUNDCLOUD_LAUNCH = Date.UTC(2008, 9, 1);
const yearStarts = new Map<number, number>();

function uploadsBegin(releaseYear: number | null): number {
  if (releaseYear === null || releaseYear <= 2008) return SOUNDCLOUD_LAUNCH;
  let start = yearStarts.get(releaseYear);
  if (start === undefined) {
    start = Date.UTC(releaseYear, 0, 1);
    yearStarts.set(releaseYear, start);
  }
  return start;
}

/** What SoundCloud holds for one playable Discogs track: its true upload (if any) and its decoys. */
export interface TrackUploads {
  fact: TrackFacts;
  upload: SoundcloudTrack | null;
  decoys: SoundcloudTrack[];
}

/** A release as the catalog uploaded it, for the album generator (sandbox/records/albums.ts). */
export interface ReleaseUploads {
  release: GeneratedRelease;
  tracks: TrackUploads[];
}

/** Builds the SoundCloud side of a record world: true uploads, decoys, filler, and the truth map. */
export class CatalogBuilder {
  readonly tracks: SoundcloudTrack[] = [];
  readonly truth: Record<string, number | null> = {};
  readonly releases: ReleaseUploads[] = [];
  private readonly ctx: CatalogContext;

  constructor(ctx: CatalogContext) {
    this.ctx = ctx;
  }

  private add(
    kind: Kind,
    user: SoundcloudUser,
    title: string,
    seconds: number,
    extra: TrackExtras = {},
  ): SoundcloudTrack {
    const { random, now } = this.ctx;
    const releaseYear = extra.releaseYear ?? null;
    const since = uploadsBegin(releaseYear);
    const accessRoll = random.next();
    const track: SoundcloudTrack = {
      id: this.ctx.trackIds.next(100_000_000, 2_099_999_999),
      userId: user.id,
      title,
      duration: Math.max(30_000, Math.round(seconds * 1000) + random.int(-400, 400)),
      genre: extra.genre ?? null,
      tagList: extra.tagList ?? '',
      labelName: extra.labelName ?? null,
      metadataArtist: extra.metadataArtist ?? null,
      isrc: extra.isrc ?? null,
      releaseYear,
      createdAt: soundcloudTimestamp(since + Math.floor(random.next() * Math.max(0, now - since))),
      access: kind === 'true' || accessRoll < 0.85 ? 'playable' : accessRoll < 0.95 ? 'preview' : 'blocked',
      playbackCount: random.int(0, kind === 'true' ? 5_000_000 : 80_000),
      favoritingsCount: random.int(0, kind === 'true' ? 60_000 : 2_000),
      kind,
    };
    this.tracks.push(track);
    return track;
  }

  private otherArtist(performer: GeneratedArtist): GeneratedArtist {
    return pickOther(
      this.ctx.random,
      this.ctx.byGenre.get(performer.genre) ?? [],
      this.ctx.artists,
      performer,
    );
  }

  /** The true upload's title: the Discogs title, sometimes decorated the way uploaders do. */
  private trueTitle(release: GeneratedRelease, fact: TrackFacts): string {
    const { random } = this.ctx;
    let title = fact.title;
    const guest = fact.featured[0];
    if (guest && random.chance(0.6)) title = `${title} (feat. ${guest.baseName})`;
    if (release.remasterYear && !fact.qualifier && random.chance(0.6))
      title = `${title} (Remastered ${release.remasterYear})`;
    if (random.chance(0.25)) title = `${fact.performer.soundcloudName} - ${title}`;
    return title;
  }

  addRelease(release: GeneratedRelease): void {
    const { random } = this.ctx;
    const uploads: TrackUploads[] = [];
    this.releases.push({ release, tracks: uploads });
    const genre = release.release.genres[0] ?? null;
    const year = release.release.year;
    const tagList = release.release.styles
      .map((style) => (style.includes(' ') ? `"${style}"` : style))
      .join(' ');
    for (const fact of release.tracks) {
      const key = truthKey(release.release.id, fact.position);
      const official = this.ctx.uploaders.artist(fact.performer);
      const absent = random.chance(0.08);
      let upload: SoundcloudTrack | null = null;
      if (absent) this.truth[key] = null;
      else {
        const uploader = random.chance(0.75) ? official : this.ctx.uploaders.label(release.labelName);
        const track = this.add(
          'true',
          uploader,
          this.trueTitle(release, fact),
          fact.seconds + random.int(-3, 3),
          {
            genre: random.chance(0.7) ? (release.release.styles[0] ?? genre) : genre,
            tagList,
            labelName: release.labelName,
            metadataArtist: random.chance(0.5) ? fact.performer.soundcloudName : null,
            isrc: random.chance(0.4)
              ? `US${random.hex(3).toUpperCase()}${String(year).slice(2)}${random.int(10_000, 99_999)}`
              : null,
            releaseYear: year,
          },
        );
        this.truth[key] = track.id;
        upload = track;
      }
      uploads.push({ fact, upload, decoys: this.addDecoys(fact, official, absent, year) });
    }
  }

  private addDecoys(
    fact: TrackFacts,
    official: SoundcloudUser,
    absent: boolean,
    year: number,
  ): SoundcloudTrack[] {
    const { random, uploaders } = this.ctx;
    const decoys: SoundcloudTrack[] = [];
    const add = (...args: Parameters<CatalogBuilder['add']>) => decoys.push(this.add(...args));
    const base = fact.baseTitle;
    const qualifier = fact.qualifier?.kind;
    if (random.chance(0.15)) {
      const coverer = this.otherArtist(fact.performer);
      add('cover', uploaders.artist(coverer), base, fact.seconds + random.int(-10, 10), {
        metadataArtist: coverer.soundcloudName,
      });
    }
    // When Discogs lists a remix, live take or edit, the plain studio version is the closest decoy.
    if (qualifier && random.chance(0.7)) {
      const seconds =
        qualifier === 'remix'
          ? fact.seconds - 90
          : qualifier === 'edit'
            ? fact.seconds / 0.7
            : fact.seconds - 15;
      add(qualifier === 'remix' ? 'remix' : qualifier, official, base, seconds, { releaseYear: year });
    }
    if (qualifier !== 'remix' && random.chance(0.12)) {
      const dj = this.otherArtist(fact.performer);
      add(
        'remix',
        uploaders.artist(dj),
        `${base} (${dj.baseName} Remix)`,
        fact.seconds + random.int(60, 200),
      );
    }
    if (qualifier !== 'edit' && random.chance(0.06))
      add('edit', official, `${base} (Radio Edit)`, fact.seconds * 0.7);
    if (qualifier !== 'live' && random.chance(0.08)) {
      add(
        'live',
        random.chance(0.6) ? official : uploaders.fan(),
        `${base} (Live at ${random.pick(LIVE_VENUES)})`,
        fact.seconds + random.int(20, 120),
      );
    }
    if (!absent && random.chance(0.1)) {
      const title = random.pick([
        `${fact.performer.soundcloudName} - ${fact.title}`,
        `${fact.title} [HQ]`,
        `${fact.title} (${year})`,
      ]);
      add('reupload', uploaders.fan(), title, fact.seconds + random.int(-1, 1));
    }
    if (random.chance(0.12)) {
      const other = this.otherArtist(fact.performer);
      add('similar', uploaders.artist(other), confusableTitle(random, base), random.int(150, 420));
    }
    return decoys;
  }

  /** Unrelated uploads so a search never returns only candidates. */
  addFiller(count: number): void {
    const { random, uploaders, artists } = this.ctx;
    for (let i = 0; i < count; i++) {
      const artist = random.pick(artists);
      const user = random.chance(0.5) ? uploaders.artist(artist) : uploaders.fan();
      this.add('filler', user, inventTitle(random, artist.script), random.int(120, 480));
    }
  }
}
