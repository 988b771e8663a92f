import type { Random } from '../core/random.ts';
import { credit, type GeneratedArtist } from './artists.ts';
import type { FormatKind } from './formats.ts';
import { pickOther } from './pick-other.ts';
import { CLASSICAL_WORKS, distinctTitles, romanNumeral } from './titles.ts';
import type { QualifierKind, TrackSpec } from './tracklist.ts';
import { ALL_STYLES_BY_GENRE, LIVE_VENUES } from './vocabulary.ts';
import type { DiscogsArtistCredit } from './world.ts';

export type CreditKind = 'single' | 'feat' | 'and' | 'vs' | 'various' | 'split';

/** The people on a release, decided before its tracks. */
export interface ReleaseCast {
  kind: CreditKind;
  lead: GeneratedArtist;
  /** The second name in feat./&/vs./split credits. */
  partner?: GeneratedArtist;
  /** Compilation contributors. */
  guests: GeneratedArtist[];
  credits: DiscogsArtistCredit[];
}

export interface TrackPlan {
  count: number;
  format: FormatKind;
  genre: string;
  classical: boolean;
  index: 'none' | 'grouping' | 'suffixed';
  positionless: boolean;
  qualifiers: QualifierKind[];
  hideAllDurations: boolean;
  /** Artists to credit a remix to, or feature on a track. */
  pool: readonly GeneratedArtist[];
}

function secondsFor(random: Random, genre: string, format: FormatKind): number {
  const [min, max] = ALL_STYLES_BY_GENRE.get(genre)?.seconds ?? [180, 360];
  if (format === '7inch') return random.int(140, 230);
  return random.int(min, max);
}

function performerCredits(
  cast: ReleaseCast,
  random: Random,
  i: number,
  count: number,
): {
  performer: GeneratedArtist;
  artists?: DiscogsArtistCredit[];
} {
  if (cast.kind === 'various') {
    const performer = cast.guests[i % cast.guests.length] ?? cast.lead;
    const anv = performer.anvs.length > 0 && random.chance(0.3) ? random.pick(performer.anvs) : '';
    return { performer, artists: [credit(performer, { anv })] };
  }
  if (cast.kind === 'split' && cast.partner) {
    const performer = i < Math.ceil(count / 2) ? cast.lead : cast.partner;
    return { performer, artists: [credit(performer)] };
  }
  return { performer: cast.lead };
}

/** One spec per playable track, with the adversarial extras the plan asks for. */
export function trackSpecs(random: Random, cast: ReleaseCast, plan: TrackPlan): TrackSpec[] {
  const specs: TrackSpec[] = [];
  if (plan.classical) {
    const works = random.shuffle(CLASSICAL_WORKS).slice(0, Math.max(1, Math.round(plan.count / 4)));
    for (const work of works) {
      const index = { title: work.title, suffixed: plan.index === 'suffixed' };
      work.movements.forEach((movement, m) => {
        specs.push({
          baseTitle: `${romanNumeral(m + 1)}. ${movement}`,
          performer: cast.lead,
          featured: [],
          seconds: random.int(180, 720),
          hideDuration: plan.hideAllDurations,
          index,
        });
      });
    }
  } else {
    const titles = distinctTitles(random, plan.count, cast.lead.script);
    titles.forEach((baseTitle, i) => {
      const { performer, artists } = performerCredits(cast, random, i, plan.count);
      const spec: TrackSpec = {
        baseTitle,
        performer,
        featured: cast.kind === 'feat' && cast.partner ? [cast.partner] : [],
        seconds: secondsFor(random, plan.genre, plan.format),
        hideDuration: plan.hideAllDurations || random.chance(0.03),
      };
      if (artists) spec.artists = artists;
      specs.push(spec);
    });
    addIndexGroup(random, specs, plan);
  }
  addQualifiers(random, specs, plan);
  addFeatures(random, specs, cast, plan);
  if (plan.positionless && specs.length > 0) {
    const last = specs[specs.length - 1];
    if (last && !last.index)
      specs[specs.length - 1] = {
        ...last,
        positionless: true,
        baseTitle: `${last.baseTitle} (Hidden Track)`,
      };
    else
      specs.push({
        baseTitle: 'Untitled',
        performer: cast.lead,
        featured: [],
        seconds: 95,
        hideDuration: true,
        positionless: true,
      });
  }
  return specs;
}

function addIndexGroup(random: Random, specs: TrackSpec[], plan: TrackPlan): void {
  if (plan.index === 'none' || specs.length < 4) return;
  const size = random.int(2, 3);
  const start = random.int(1, specs.length - size - 1);
  const first = specs[start];
  if (!first) return;
  const index = { title: `${first.baseTitle} Suite`, suffixed: plan.index === 'suffixed' };
  for (let i = start; i < start + size; i++) {
    const spec = specs[i];
    if (spec)
      specs[i] = { ...spec, baseTitle: `Part ${romanNumeral(i - start + 1)}: ${spec.baseTitle}`, index };
  }
}

function addQualifiers(random: Random, specs: TrackSpec[], plan: TrackPlan): void {
  const free = specs.map((spec, i) => (spec.index ? -1 : i)).filter((i) => i >= 0);
  for (const kind of plan.qualifiers) {
    if (free.length === 0) return;
    const i = free.splice(random.int(0, free.length - 1), 1)[0] ?? 0;
    const spec = specs[i];
    if (!spec) continue;
    if (kind === 'remix') {
      const remixer = pickOther(random, plan.pool, plan.pool, spec.performer);
      specs[i] = {
        ...spec,
        qualifier: { kind, text: `${remixer.baseName} Remix`, remixer },
        seconds: spec.seconds + 90,
      };
    } else if (kind === 'live') {
      specs[i] = { ...spec, qualifier: { kind, text: `Live At ${random.pick(LIVE_VENUES)}` } };
    } else {
      specs[i] = {
        ...spec,
        qualifier: { kind, text: 'Radio Edit' },
        seconds: Math.round(spec.seconds * 0.7),
      };
    }
  }
}

/** "feat." on one or two album tracks, credited the way Discogs does: extraartists role "Featuring". */
function addFeatures(random: Random, specs: TrackSpec[], cast: ReleaseCast, plan: TrackPlan): void {
  if (cast.kind !== 'feat' || cast.partner || specs.length === 0) return;
  const guest = pickOther(random, plan.pool, plan.pool, cast.lead);
  const count = Math.min(specs.length, random.int(1, 2));
  for (let n = 0; n < count; n++) {
    const i = random.int(0, specs.length - 1);
    const spec = specs[i];
    if (spec && spec.featured.length === 0) specs[i] = { ...spec, featured: [guest] };
  }
}

/** The release-level credit list for a cast. */
export function castCredits(
  random: Random,
  kind: CreditKind,
  lead: GeneratedArtist,
  partner?: GeneratedArtist,
): DiscogsArtistCredit[] {
  const anv = lead.anvs.length > 0 && random.chance(0.35) ? random.pick(lead.anvs) : '';
  if (!partner || kind === 'single' || kind === 'various') return [credit(lead, { anv })];
  const join = {
    feat: random.pick(['Feat.', 'Featuring']),
    and: random.pick(['&', 'And', ',']),
    vs: 'Vs.',
    split: '/',
  }[kind];
  return [credit(lead, { anv, join }), credit(partner)];
}
