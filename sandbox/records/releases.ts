import type { Random } from '../core/random.ts';
import { credit, type GeneratedArtist, type IdAllocator, joinCredits, VARIOUS } from './artists.ts';
import { discogsTimestamp } from './dates.ts';
import { discogsFormat, type FormatKind, pickFormatKind, trackCountFor } from './formats.ts';
import { pickOther } from './pick-other.ts';
import { inventTitle } from './titles.ts';
import { type CreditKind, castCredits, type ReleaseCast, trackSpecs } from './track-specs.ts';
import { buildTracklist, type QualifierKind, type TrackFacts } from './tracklist.ts';
import { ALL_STYLES_BY_GENRE, COUNTRIES, GENRES } from './vocabulary.ts';
import type { DiscogsArtistCredit, DiscogsLabel, DiscogsRelease } from './world.ts';

/** Features a release must have; the generator forces them on the first releases of every world. */
export interface ReleaseTraits {
  credit?: CreditKind;
  artist?: GeneratedArtist;
  format?: FormatKind;
  headings?: boolean;
  index?: 'none' | 'grouping' | 'suffixed';
  positionless?: boolean;
  qualifiers?: QualifierKind[];
  master?: boolean;
  remastered?: boolean;
  hideAllDurations?: boolean;
  classical?: boolean;
  /** Credit the lead artist under a name variation (`anv`). */
  anv?: boolean;
}

export interface GeneratedRelease {
  release: DiscogsRelease;
  tracks: TrackFacts[];
  /** "A & B", "Various": the release credit as people write it. */
  artistLine: string;
  labelName: string;
  /** Year of the remaster, when the release says "Remastered". */
  remasterYear?: number;
}

export interface ReleaseContext {
  artists: readonly GeneratedArtist[];
  byGenre: ReadonlyMap<string, GeneratedArtist[]>;
  releaseIds: IdAllocator;
  masterIds: IdAllocator;
  labelIds: Map<string, number>;
  entityIds: IdAllocator;
  now: number;
}

function labelFor(random: Random, ctx: ReleaseContext, genre: string): DiscogsLabel {
  const spec = ALL_STYLES_BY_GENRE.get(genre);
  const notOnLabel = random.chance(0.03) || !spec;
  const name = notOnLabel ? 'Not On Label' : random.pick(spec.labels).name;
  let id = ctx.labelIds.get(name);
  if (id === undefined) {
    id = ctx.entityIds.next(1, 2_999_999);
    ctx.labelIds.set(name, id);
  }
  const prefix = spec?.labels.find((label) => label.name === name)?.catnoPrefix ?? '';
  const catno = notOnLabel ? 'none' : `${prefix}${random.int(1, 9999)}`;
  return { id, name, catno, entity_type: '1', entity_type_name: 'Label' };
}

function pickCast(random: Random, ctx: ReleaseContext, traits: ReleaseTraits, genre: string): ReleaseCast {
  const roll = random.next();
  const kind: CreditKind =
    traits.credit ??
    (roll < 0.06
      ? 'various'
      : roll < 0.14
        ? 'feat'
        : roll < 0.2
          ? 'and'
          : roll < 0.23
            ? 'vs'
            : roll < 0.26
              ? 'split'
              : 'single');
  const sameGenre = ctx.byGenre.get(genre) ?? ctx.artists;
  const lead = kind === 'various' ? VARIOUS : (traits.artist ?? random.pick(sameGenre));
  const needsPartner =
    kind === 'and' || kind === 'vs' || kind === 'split' || (kind === 'feat' && random.chance(0.4));
  const partner = needsPartner ? pickOther(random, sameGenre, ctx.artists, lead) : undefined;
  const guests =
    kind === 'various'
      ? Array.from({ length: random.int(4, 8) }, () => pickOther(random, sameGenre, ctx.artists, lead))
      : [];
  const credits: DiscogsArtistCredit[] =
    kind === 'various' ? [credit(VARIOUS)] : castCredits(random, kind, lead, partner);
  const first = credits[0];
  if (traits.anv && first && lead.anvs[0]) credits[0] = { ...first, anv: lead.anvs[0] };
  return { kind, lead, ...(partner ? { partner } : {}), guests, credits };
}

function pickGenre(random: Random, traits: ReleaseTraits): string {
  if (traits.classical) return 'Classical';
  if (traits.artist) return traits.artist.genre;
  const total = GENRES.reduce((sum, spec) => sum + spec.weight, 0);
  let roll = random.next() * total;
  for (const spec of GENRES) {
    roll -= spec.weight;
    if (roll < 0) return spec.genre;
  }
  return 'Jazz';
}

function releasedString(random: Random, year: number): string {
  const roll = random.next();
  if (roll < 0.3) return String(year);
  const month = String(random.int(1, 12)).padStart(2, '0');
  if (roll < 0.55) return `${year}-${month}-00`;
  return `${year}-${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

export function generateRelease(
  random: Random,
  ctx: ReleaseContext,
  traits: ReleaseTraits = {},
): GeneratedRelease {
  const genre = pickGenre(random, traits);
  const cast = pickCast(random, ctx, traits, genre);
  const era = cast.lead.era;
  const originalYear = random.int(era[0], era[1]);
  const remastered = traits.remastered ?? random.chance(0.1);
  const reissue = remastered || random.chance(0.08);
  const year = reissue ? Math.min(2025, originalYear + random.int(8, 40)) : originalYear;
  const format = traits.format ?? pickFormatKind(random, year);
  const count = trackCountFor(random, format);
  const qualifiers: QualifierKind[] = traits.qualifiers ?? [
    ...(random.chance(genre === 'Electronic' ? 0.3 : 0.06) ? (['remix'] as const) : []),
    ...(random.chance(0.05) ? (['live'] as const) : []),
    ...(random.chance(0.04) ? (['edit'] as const) : []),
  ];
  const specs = trackSpecs(random, cast, {
    count,
    format,
    genre,
    classical: traits.classical ?? false,
    index: traits.index ?? (random.chance(0.05) ? 'grouping' : random.chance(0.03) ? 'suffixed' : 'none'),
    positionless: traits.positionless ?? random.chance(0.05),
    qualifiers,
    hideAllDurations: traits.hideAllDurations ?? random.chance(0.06),
    pool: ctx.artists,
  });
  const headings =
    (traits.headings ?? random.chance(0.1))
      ? [{ beforeUnit: 0, title: random.pick(['Side One', 'Part I', 'The Studio Session']) }]
      : [];
  if (headings.length > 0 && specs.length > 3)
    headings.push({ beforeUnit: specs.length - 2, title: 'Bonus Tracks' });
  const { tracklist, facts } = buildTracklist(format, specs, headings);

  const label = labelFor(random, ctx, genre);
  const spec = ALL_STYLES_BY_GENRE.get(genre);
  const styles = spec ? random.shuffle(spec.styles).slice(0, random.int(1, 3)) : [];
  const second = random.chance(0.2) ? random.pick(GENRES).genre : undefined;
  const genres = second && second !== genre ? [genre, second] : [genre];
  const singleTitle = format === '7inch' || format === '12inch' ? facts[0]?.baseTitle : undefined;
  const title =
    cast.kind === 'various'
      ? `${random.pick(styles.length > 0 ? styles : [genre])} ${random.pick(['Moods', 'Classics', 'Anthology', 'Gems'])} Vol. ${random.int(1, 9)}`
      : (singleTitle ?? inventTitle(random, cast.lead.script));
  const dateAddedMs = Date.UTC(2001, 0, 1) + Math.floor(random.next() * (ctx.now - Date.UTC(2002, 0, 1)));
  const changedMs = dateAddedMs + Math.floor(random.next() * (ctx.now - dateAddedMs));
  const isVinyl = format === 'LP' || format === '2LP' || format === '7inch' || format === '12inch';

  const release: DiscogsRelease = {
    id: ctx.releaseIds.next(10_000, 32_000_000),
    title,
    year,
    released: releasedString(random, year),
    country:
      cast.lead.script === 'ja' ? 'Japan' : cast.lead.script === 'ru' ? 'USSR' : random.pick(COUNTRIES),
    masterId: (traits.master ?? random.chance(0.75)) ? ctx.masterIds.next(1_000, 3_500_000) : 0,
    artists: cast.credits,
    extraartists: random.chance(0.5)
      ? [
          credit(random.pick(ctx.artists), {
            role: random.pick(['Producer', 'Engineer', 'Written-By', 'Liner Notes']),
          }),
        ]
      : [],
    labels: [label],
    formats: [discogsFormat(random, format, reissue, remastered)],
    genres,
    styles,
    tracklist,
    identifiers: isVinyl
      ? [{ type: 'Matrix / Runout', value: `${label.catno}-A1`, description: 'Side A Runout Etching' }]
      : year >= 1980
        ? [{ type: 'Barcode', value: String(random.int(100_000_000, 999_999_999)).padStart(12, '0') }]
        : [],
    notes: random.chance(0.3)
      ? `Recorded at ${random.pick(['Van Gelder Studio', 'Abbey Road', 'Sound City', 'Studio 1'])}.\r\n`
      : null,
    dataQuality: random.pick(['Correct', 'Needs Vote', 'Complete and Correct']),
    dateAdded: discogsTimestamp(dateAddedMs),
    dateChanged: discogsTimestamp(changedMs),
    have: random.int(3, 9000),
    want: random.int(1, 6000),
  };
  return {
    release,
    tracks: facts,
    artistLine: joinCredits(cast.credits),
    labelName: label.name,
    ...(remastered ? { remasterYear: year } : {}),
  };
}
