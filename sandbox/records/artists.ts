import type { Random } from '../core/random.ts';
import { BAND_WORDS, FIRST_NAMES, LAST_NAMES, SPECIAL_ARTISTS } from './names.ts';
import { GENRES } from './vocabulary.ts';
import type { DiscogsArtistCredit } from './world.ts';

/** An artist as the generator knows it; only the credit shape reaches the world. */
export interface GeneratedArtist {
  id: number;
  /** Discogs' name, with a "(2)" style suffix when another artist had the name first. */
  name: string;
  /** The name without the suffix, as the artist is known everywhere else. */
  baseName: string;
  anvs: readonly string[];
  genre: string;
  era: readonly [number, number];
  /** How the artist's own SoundCloud account spells the name. */
  soundcloudName: string;
  script?: 'ja' | 'ru';
}

export const VARIOUS: GeneratedArtist = {
  id: 194,
  name: 'Various',
  baseName: 'Various',
  anvs: [],
  genre: 'Jazz',
  era: [1955, 2024],
  soundcloudName: 'Various Artists',
};

export function credit(
  artist: GeneratedArtist,
  options: Partial<DiscogsArtistCredit> = {},
): DiscogsArtistCredit {
  return { id: artist.id, name: artist.name, anv: '', join: '', role: '', tracks: '', ...options };
}

/** The credited name as Discogs displays it: the name variation when there is one, minus any "(2)". */
export function displayName(credit: DiscogsArtistCredit): string {
  return credit.anv || credit.name.replace(/ \(\d+\)$/, '');
}

/** "A & B feat. C" from a credit list, the way Discogs joins names for display. */
export function joinCredits(credits: readonly DiscogsArtistCredit[]): string {
  let out = '';
  credits.forEach((c, i) => {
    out += displayName(c);
    if (i < credits.length - 1) out += c.join === ',' ? ', ' : ` ${c.join || '&'} `;
  });
  return out;
}

function pickGenre(random: Random): string {
  const total = GENRES.reduce((sum, spec) => sum + spec.weight, 0);
  let roll = random.next() * total;
  for (const spec of GENRES) {
    roll -= spec.weight;
    if (roll < 0) return spec.genre;
  }
  return GENRES[0]?.genre ?? 'Jazz';
}

function inventName(random: Random, genre: string): string {
  const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const roll = random.next();
  if (genre === 'Jazz' && roll < 0.35)
    return `${person} ${random.pick(['Quartet', 'Trio', 'Quintet', 'Sextet'])}`;
  if (roll < 0.55) return person;
  const first = random.pick(BAND_WORDS);
  let second = random.pick(BAND_WORDS);
  if (second === first) second = BAND_WORDS[(BAND_WORDS.indexOf(first) + 1) % BAND_WORDS.length] ?? second;
  return roll < 0.8 ? `The ${first} ${second}` : `${first} ${second}`;
}

/** A deterministic id source that never repeats. */
export class IdAllocator {
  private readonly used = new Set<number>();
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  next(min: number, max: number): number {
    for (;;) {
      const id = this.random.int(min, max);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  reserve(id: number): void {
    this.used.add(id);
  }
}

/**
 * The artist pool: the hand-picked hard cases, then invented names. A name that comes up twice gets
 * Discogs' "(2)" suffix, and a few names are doubled on purpose so suffixes exist at every size.
 */
export function generateArtists(random: Random, count: number, ids: IdAllocator): GeneratedArtist[] {
  const artists: GeneratedArtist[] = [];
  const seen = new Map<string, number>();
  const add = (baseName: string, fields: Omit<GeneratedArtist, 'id' | 'name' | 'baseName'>) => {
    const copies = (seen.get(baseName) ?? 0) + 1;
    seen.set(baseName, copies);
    const name = copies === 1 ? baseName : `${baseName} (${copies})`;
    const artist: GeneratedArtist = { id: ids.next(1000, 9_999_999), name, baseName, ...fields };
    artists.push(artist);
    return artist;
  };

  for (const special of SPECIAL_ARTISTS) {
    const { name, ...fields } = special;
    add(name, fields);
  }
  // "Orion" exists twice: the one in the collection is the second, so its Discogs name is "Orion (2)".
  add('Orion', { anvs: [], genre: 'Electronic', era: [1994, 2006], soundcloudName: 'Orion' });
  add('Orion', { anvs: ['DJ Orion'], genre: 'Electronic', era: [1998, 2012], soundcloudName: 'Orion' });
  add('John Smith', { anvs: [], genre: 'Jazz', era: [1956, 1972], soundcloudName: 'John Smith' });
  add('John Smith', { anvs: ['J. Smith'], genre: 'Rock', era: [1988, 2004], soundcloudName: 'John Smith' });

  while (artists.length < count) {
    const genre = pickGenre(random);
    const start = random.int(1952, 2018);
    const era: [number, number] = [start, Math.min(2025, start + random.int(3, 30))];
    const baseName = inventName(random, genre);
    const words = baseName.split(' ');
    const anvs = words.length === 2 && random.chance(0.2) ? [`${words[0]?.[0]}. ${words[1]}`] : [];
    add(baseName, { anvs, genre, era, soundcloudName: baseName });
  }
  return artists;
}

/** Artists grouped by genre, for picking a release's artist and a cover artist in the same genre. */
export function artistsByGenre(artists: readonly GeneratedArtist[]): Map<string, GeneratedArtist[]> {
  const byGenre = new Map<string, GeneratedArtist[]>();
  for (const artist of artists) {
    const list = byGenre.get(artist.genre) ?? [];
    list.push(artist);
    byGenre.set(artist.genre, list);
  }
  return byGenre;
}
