import type { Random } from '../core/random.ts';
import type { DiscogsFormat } from './world.ts';

export type FormatKind = 'LP' | '2LP' | '7inch' | '12inch' | 'CD' | '2CD' | 'Cassette';

/** How many playable tracks a release of this format usually has. */
export function trackCountFor(random: Random, kind: FormatKind): number {
  switch (kind) {
    case '7inch':
      return random.int(2, 3);
    case '12inch':
      return random.int(2, 4);
    case 'LP':
    case 'Cassette':
      return random.int(6, 10);
    case '2LP':
      return random.int(10, 16);
    case 'CD':
      return random.int(9, 14);
    case '2CD':
      return random.int(16, 24);
  }
}

export function pickFormatKind(random: Random, year: number): FormatKind {
  const roll = random.next();
  if (year < 1965) return roll < 0.75 ? 'LP' : '7inch';
  if (year < 1985)
    return roll < 0.6
      ? 'LP'
      : roll < 0.75
        ? '7inch'
        : roll < 0.85
          ? '2LP'
          : roll < 0.95
            ? 'Cassette'
            : '12inch';
  if (year < 2008)
    return roll < 0.45 ? 'CD' : roll < 0.55 ? '2CD' : roll < 0.75 ? '12inch' : roll < 0.9 ? 'LP' : 'Cassette';
  return roll < 0.55 ? 'LP' : roll < 0.7 ? '2LP' : roll < 0.85 ? 'CD' : roll < 0.95 ? '12inch' : '7inch';
}

/** Discogs' format object for a release, with descriptions such as "LP", "Album", "Reissue". */
export function discogsFormat(
  random: Random,
  kind: FormatKind,
  reissue: boolean,
  remastered: boolean,
): DiscogsFormat {
  const extra = [...(reissue ? ['Reissue'] : []), ...(remastered ? ['Remastered'] : [])];
  switch (kind) {
    case 'LP':
      return withText(
        random,
        { name: 'Vinyl', qty: '1', descriptions: ['LP', 'Album', ...extra, random.pick(['Stereo', 'Mono'])] },
        ['Gatefold', '180 g'],
      );
    case '2LP':
      return withText(random, { name: 'Vinyl', qty: '2', descriptions: ['LP', 'Album', ...extra] }, [
        'Gatefold',
        'Trifold Cover, 180 g',
      ]);
    case '7inch':
      return { name: 'Vinyl', qty: '1', descriptions: ['7"', '45 RPM', 'Single', ...extra] };
    case '12inch':
      return {
        name: 'Vinyl',
        qty: '1',
        descriptions: [
          '12"',
          random.pick(['33 ⅓ RPM', '45 RPM']),
          random.pick(['EP', 'Maxi-Single']),
          ...extra,
        ],
      };
    case 'CD':
      return withText(random, { name: 'CD', qty: '1', descriptions: ['Album', ...extra] }, [
        'Digipak',
        'Jewel Case',
      ]);
    case '2CD':
      return { name: 'CD', qty: '2', descriptions: ['Album', 'Compilation', ...extra] };
    case 'Cassette':
      return withText(random, { name: 'Cassette', qty: '1', descriptions: ['Album', ...extra] }, [
        'Dolby B',
        'Chrome',
      ]);
  }
}

function withText(random: Random, format: DiscogsFormat, texts: readonly string[]): DiscogsFormat {
  return random.chance(0.3) ? { ...format, text: random.pick(texts) } : format;
}

/** Positions for `count` consecutive tracks, as Discogs writes them for the medium. */
export function positionsFor(kind: FormatKind, count: number): string[] {
  if (kind === 'CD') return Array.from({ length: count }, (_, i) => String(i + 1));
  if (kind === '2CD') {
    const first = Math.ceil(count / 2);
    return Array.from({ length: count }, (_, i) => (i < first ? `1-${i + 1}` : `2-${i - first + 1}`));
  }
  const sides = kind === '2LP' ? ['A', 'B', 'C', 'D'] : ['A', 'B'];
  const perSide = sides.map((_, i) => Math.floor(count / sides.length) + (i < count % sides.length ? 1 : 0));
  const positions: string[] = [];
  sides.forEach((side, s) => {
    const n = perSide[s] ?? 0;
    for (let i = 0; i < n; i++) positions.push(n === 1 ? side : `${side}${i + 1}`);
  });
  return positions;
}
