import type { Random } from '../core/random.ts';
import type { GeneratedArtist, IdAllocator } from './artists.ts';
import type { SoundcloudUser } from './world.ts';

const FAN_NAMES = [
  'vinylrips',
  'jazz archive',
  'crate digger',
  'oldies but goodies',
  'lofi_lover',
  'Музыка навсегда',
  'レコード好き',
  'groove salvage',
  'música del ayer',
  'b-side collector',
];

const CITIES: readonly [string, string][] = [
  ['Berlin', 'Germany'],
  ['London', 'United Kingdom'],
  ['Tokyo', 'Japan'],
  ['New York', 'United States'],
  ['São Paulo', 'Brazil'],
];

/** SoundCloud permalinks are lowercase ASCII; names in other scripts fall back to an id-based slug. */
export function permalinkFor(name: string, id: number): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.length >= 2 ? ascii : `user-${id}`;
}

/** The uploaders: artists' own accounts, labels, fans who re-upload, DJs who remix. */
export class UploaderRegistry {
  readonly users: SoundcloudUser[] = [];
  private readonly byKey = new Map<string, SoundcloudUser>();
  private readonly byArtist = new Map<number, SoundcloudUser>();
  private readonly random: Random;
  private readonly ids: IdAllocator;
  private readonly fans: SoundcloudUser[] = [];

  constructor(random: Random, ids: IdAllocator, fanCount: number) {
    this.random = random;
    this.ids = ids;
    for (let i = 0; i < fanCount; i++) {
      const base = FAN_NAMES[i % FAN_NAMES.length] ?? 'fan';
      const name = i < FAN_NAMES.length ? base : `${base} ${i}`;
      this.fans.push(this.create(`fan:${i}`, name, null, this.random.int(0, 4000)));
    }
  }

  private create(key: string, username: string, fullName: string | null, followers: number): SoundcloudUser {
    const id = this.ids.next(1_000_000, 999_999_999);
    const [city, country] = this.random.chance(0.6) ? this.random.pick(CITIES) : [null, null];
    const user: SoundcloudUser = {
      id,
      username,
      permalink: permalinkFor(username, id),
      fullName: fullName ?? '',
      city,
      country,
      followersCount: followers,
    };
    this.users.push(user);
    this.byKey.set(key, user);
    return user;
  }

  /** The artist's official account. */
  artist(artist: GeneratedArtist): SoundcloudUser {
    let user = this.byArtist.get(artist.id);
    if (!user) {
      user = this.create(
        `artist:${artist.id}`,
        artist.soundcloudName,
        artist.baseName,
        this.random.int(5_000, 3_000_000),
      );
      this.byArtist.set(artist.id, user);
    }
    return user;
  }

  label(name: string): SoundcloudUser {
    return (
      this.byKey.get(`label:${name}`) ??
      this.create(`label:${name}`, name, name, this.random.int(2_000, 900_000))
    );
  }

  fan(): SoundcloudUser {
    return this.random.pick(this.fans);
  }

  /** The fans' accounts, for generators that draw from their own random source. */
  fanAccounts(): readonly SoundcloudUser[] {
    return this.fans;
  }

  /** The artist's account if one was made (no new account, no draw). */
  existingArtist(artistId: number): SoundcloudUser | undefined {
    return this.byArtist.get(artistId);
  }

  /** The label's account if one was made (no new account, no draw). */
  existingLabel(name: string): SoundcloudUser | undefined {
    return this.byKey.get(`label:${name}`);
  }

  /** The account that authorizes the app: the collector's own, with no uploads. */
  collector(username: string): SoundcloudUser {
    return this.create('collector', username, 'Record Collector', 12);
  }
}
