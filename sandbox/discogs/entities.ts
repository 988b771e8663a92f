import type { DiscogsArtistCredit, DiscogsRelease, DiscogsTrack } from '../records/world.ts';

/** How an artist appears on a release, as `GET /artists/{id}/releases` labels it in `role`. */
export type ArtistRole = 'Main' | 'TrackAppearance' | string;

export interface ArtistEntry {
  id: number;
  name: string;
  /** Name variations the artist is credited under (`namevariations`). */
  anvs: Set<string>;
  appearances: { release: DiscogsRelease; role: ArtistRole }[];
}

export interface LabelEntry {
  id: number;
  name: string;
  releases: { release: DiscogsRelease; catno: string }[];
}

function trackCredits(tracks: readonly DiscogsTrack[]): DiscogsArtistCredit[] {
  return tracks.flatMap((track) => [
    ...(track.artists ?? []),
    ...(track.extraartists ?? []),
    ...trackCredits(track.sub_tracks ?? []),
  ]);
}

/**
 * Artists and labels of the database, derived from the generated releases (the world holds
 * releases only): every credited artist and every label gets its own resource, as on Discogs.
 */
export class DatabaseEntities {
  readonly artists = new Map<number, ArtistEntry>();
  readonly labels = new Map<number, LabelEntry>();

  constructor(releases: Iterable<DiscogsRelease>) {
    for (const release of releases) {
      const seen = new Set<number>();
      for (const credit of release.artists) this.credit(release, credit, 'Main', seen);
      for (const credit of release.extraartists) this.credit(release, credit, credit.role || 'Credit', seen);
      for (const credit of trackCredits(release.tracklist))
        this.credit(release, credit, credit.role ? credit.role : 'TrackAppearance', seen);
      const labelsSeen = new Set<number>();
      for (const label of release.labels) {
        if (labelsSeen.has(label.id)) continue;
        labelsSeen.add(label.id);
        const entry = this.labels.get(label.id) ?? { id: label.id, name: label.name, releases: [] };
        entry.releases.push({ release, catno: label.catno });
        this.labels.set(label.id, entry);
      }
    }
  }

  /** One appearance per artist and release: the first (most important) role wins. */
  private credit(release: DiscogsRelease, credit: DiscogsArtistCredit, role: ArtistRole, seen: Set<number>) {
    const entry = this.artists.get(credit.id) ?? {
      id: credit.id,
      name: credit.name,
      anvs: new Set<string>(),
      appearances: [],
    };
    if (credit.anv) entry.anvs.add(credit.anv);
    this.artists.set(credit.id, entry);
    if (seen.has(credit.id)) return;
    seen.add(credit.id);
    entry.appearances.push({ release, role });
  }
}
