import { credit, type GeneratedArtist } from './artists.ts';
import { discogsDuration } from './dates.ts';
import { type FormatKind, positionsFor } from './formats.ts';
import type { DiscogsArtistCredit, DiscogsTrack } from './world.ts';

export type QualifierKind = 'remix' | 'live' | 'edit';

/** What the release generator decides for one playable track. */
export interface TrackSpec {
  baseTitle: string;
  performer: GeneratedArtist;
  /** Track-level artist credits (compilations, splits); absent when the release credit applies. */
  artists?: DiscogsArtistCredit[];
  featured: GeneratedArtist[];
  qualifier?: { kind: QualifierKind; text: string; remixer?: GeneratedArtist };
  seconds: number;
  hideDuration: boolean;
  /** Consecutive specs sharing one `index` object become the sub-tracks of one index track. */
  index?: { title: string; suffixed: boolean };
  /** Discogs gives this track no position (at most one per release, so truth keys stay unique). */
  positionless?: boolean;
}

/** The generator's knowledge about one playable track, used to build the SoundCloud catalog. */
export interface TrackFacts {
  position: string;
  /** Discogs' title, including any qualifier such as "(X Remix)". */
  title: string;
  baseTitle: string;
  qualifier?: { kind: QualifierKind; text: string };
  seconds: number;
  performer: GeneratedArtist;
  featured: GeneratedArtist[];
}

export function titleWithQualifier(spec: Pick<TrackSpec, 'baseTitle' | 'qualifier'>): string {
  return spec.qualifier ? `${spec.baseTitle} (${spec.qualifier.text})` : spec.baseTitle;
}

function playable(spec: TrackSpec, position: string): DiscogsTrack {
  const extraartists: DiscogsArtistCredit[] = spec.featured.map((artist) =>
    credit(artist, { role: 'Featuring' }),
  );
  if (spec.qualifier?.remixer) extraartists.push(credit(spec.qualifier.remixer, { role: 'Remix' }));
  const track: DiscogsTrack = {
    position,
    type_: 'track',
    title: titleWithQualifier(spec),
    duration: spec.hideDuration ? '' : discogsDuration(spec.seconds),
  };
  if (spec.artists) track.artists = spec.artists;
  if (extraartists.length > 0) track.extraartists = extraartists;
  return track;
}

function subPosition(position: string, i: number): string {
  return /^[A-Z]$/.test(position) ? `${position}${i + 1}` : `${position}${String.fromCharCode(97 + i)}`;
}

type Unit = { specs: TrackSpec[]; index?: TrackSpec['index'] };

function groupUnits(specs: readonly TrackSpec[]): Unit[] {
  const units: Unit[] = [];
  for (const spec of specs) {
    const last = units[units.length - 1];
    if (spec.index && last?.index === spec.index) last.specs.push(spec);
    else units.push(spec.index ? { specs: [spec], index: spec.index } : { specs: [spec] });
  }
  return units;
}

/**
 * Lays out a tracklist: positions for the medium, index tracks with sub-tracks, headings (which are
 * not tracks), and at most one track without a position.
 */
export function buildTracklist(
  kind: FormatKind,
  specs: readonly TrackSpec[],
  headings: readonly { beforeUnit: number; title: string }[],
): { tracklist: DiscogsTrack[]; facts: TrackFacts[] } {
  const units = groupUnits(specs);
  const slotCount = units.reduce(
    (sum, unit) => sum + (unit.specs[0]?.positionless ? 0 : unit.index?.suffixed ? 1 : unit.specs.length),
    0,
  );
  const positions = positionsFor(kind, slotCount);
  let next = 0;
  const tracklist: DiscogsTrack[] = [];
  const facts: TrackFacts[] = [];
  const record = (spec: TrackSpec, position: string) => {
    const track = playable(spec, position);
    const fact: TrackFacts = {
      position,
      title: track.title,
      baseTitle: spec.baseTitle,
      seconds: spec.seconds,
      performer: spec.performer,
      featured: spec.featured,
    };
    if (spec.qualifier) fact.qualifier = { kind: spec.qualifier.kind, text: spec.qualifier.text };
    facts.push(fact);
    return track;
  };

  units.forEach((unit, u) => {
    for (const heading of headings) {
      if (heading.beforeUnit === u)
        tracklist.push({ position: '', type_: 'heading', title: heading.title, duration: '' });
    }
    const first = unit.specs[0];
    if (!first) return;
    if (!unit.index) {
      tracklist.push(record(first, first.positionless ? '' : (positions[next++] ?? '')));
      return;
    }
    const indexPosition = unit.index.suffixed ? (positions[next++] ?? '') : '';
    const subTracks = unit.specs.map((spec, i) =>
      record(spec, unit.index?.suffixed ? subPosition(indexPosition, i) : (positions[next++] ?? '')),
    );
    tracklist.push({
      position: indexPosition,
      type_: 'index',
      title: unit.index.title,
      duration: '',
      sub_tracks: subTracks,
    });
  });
  return { tracklist, facts };
}
