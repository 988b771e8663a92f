import type { Random } from '../core/random.ts';
import type { GeneratedArtist } from './artists.ts';

/** A random artist other than `not`, preferring `preferred`; retries instead of filtering the pool. */
export function pickOther(
  random: Random,
  preferred: readonly GeneratedArtist[],
  all: readonly GeneratedArtist[],
  not: GeneratedArtist,
): GeneratedArtist {
  for (let attempt = 0; attempt < 8; attempt++) {
    const pick = random.pick(attempt < 4 && preferred.length > 0 ? preferred : all);
    if (pick.id !== not.id) return pick;
  }
  return all.find((artist) => artist.id !== not.id) ?? not;
}
