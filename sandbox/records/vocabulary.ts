/** Word lists for the record generator: genres with their Discogs styles and labels, conditions, notes. */

export interface GenreSpec {
  genre: string;
  styles: readonly string[];
  labels: readonly { name: string; catnoPrefix: string }[];
  /** Relative weight in a typical collection. */
  weight: number;
  /** Typical track length range in seconds. */
  seconds: readonly [number, number];
}

export const GENRES: readonly GenreSpec[] = [
  {
    genre: 'Jazz',
    styles: [
      'Hard Bop',
      'Modal',
      'Cool Jazz',
      'Fusion',
      'Bop',
      'Free Jazz',
      'Soul-Jazz',
      'Post Bop',
      'Latin Jazz',
    ],
    labels: [
      { name: 'Blue Note', catnoPrefix: 'BST-' },
      { name: 'Prestige', catnoPrefix: 'PRLP ' },
      { name: 'Impulse!', catnoPrefix: 'AS-' },
      { name: 'Riverside Records', catnoPrefix: 'RLP ' },
      { name: 'ECM Records', catnoPrefix: 'ECM ' },
      { name: 'Verve Records', catnoPrefix: 'V6-' },
    ],
    weight: 22,
    seconds: [240, 720],
  },
  {
    genre: 'Rock',
    styles: [
      'Classic Rock',
      'Prog Rock',
      'Punk',
      'Indie Rock',
      'Hard Rock',
      'Psychedelic Rock',
      'Post-Punk',
      'Shoegaze',
    ],
    labels: [
      { name: 'Sub Pop', catnoPrefix: 'SP' },
      { name: 'Rough Trade', catnoPrefix: 'ROUGH ' },
      { name: '4AD', catnoPrefix: 'CAD ' },
      { name: 'Harvest', catnoPrefix: 'SHVL ' },
      { name: 'Matador', catnoPrefix: 'OLE ' },
    ],
    weight: 20,
    seconds: [150, 420],
  },
  {
    genre: 'Electronic',
    styles: [
      'House',
      'Techno',
      'Ambient',
      'Downtempo',
      'Trip Hop',
      'Drum n Bass',
      'Synth-pop',
      'IDM',
      'Electro',
    ],
    labels: [
      { name: 'Warp Records', catnoPrefix: 'WARPLP' },
      { name: 'Kompakt', catnoPrefix: 'KOM ' },
      { name: '!K7 Records', catnoPrefix: '!K7' },
      { name: 'R & S Records', catnoPrefix: 'RS ' },
      { name: 'Ninja Tune', catnoPrefix: 'ZEN' },
    ],
    weight: 18,
    seconds: [200, 540],
  },
  {
    genre: 'Funk / Soul',
    styles: ['Funk', 'Soul', 'Disco', 'Rhythm & Blues', 'Neo Soul', 'Gospel'],
    labels: [
      { name: 'Motown', catnoPrefix: 'M5-' },
      { name: 'Stax', catnoPrefix: 'STS-' },
      { name: 'Atlantic', catnoPrefix: 'SD ' },
      { name: 'Salsoul Records', catnoPrefix: 'SA-' },
    ],
    weight: 12,
    seconds: [170, 400],
  },
  {
    genre: 'Classical',
    styles: ['Baroque', 'Romantic', 'Modern', 'Contemporary', 'Impressionist'],
    labels: [
      { name: 'Deutsche Grammophon', catnoPrefix: '2530 ' },
      { name: 'Decca', catnoPrefix: 'SXL ' },
      { name: 'Philips', catnoPrefix: '9500 ' },
    ],
    weight: 6,
    seconds: [180, 900],
  },
  {
    genre: 'Latin',
    styles: ['Bossanova', 'Salsa', 'Samba', 'Cumbia', 'MPB', 'Tango'],
    labels: [
      { name: 'Fania Records', catnoPrefix: 'SLP ' },
      { name: 'Elenco', catnoPrefix: 'ME-' },
      { name: 'Philips', catnoPrefix: 'R 765.' },
    ],
    weight: 7,
    seconds: [150, 360],
  },
  {
    genre: 'Hip Hop',
    styles: ['Boom Bap', 'Conscious', 'Instrumental', 'Jazzy Hip-Hop', 'Trip Hop'],
    labels: [
      { name: 'Def Jam Recordings', catnoPrefix: 'DJR ' },
      { name: 'Tommy Boy', catnoPrefix: 'TB ' },
      { name: 'Stones Throw Records', catnoPrefix: 'STH' },
    ],
    weight: 8,
    seconds: [150, 300],
  },
  {
    genre: 'Pop',
    styles: ['Synth-pop', 'Ballad', 'Vocal', 'City Pop', 'J-pop', 'Indie Pop'],
    labels: [
      { name: 'Alfa', catnoPrefix: 'ALR-' },
      { name: 'Columbia', catnoPrefix: 'PC ' },
      { name: 'Мелодия', catnoPrefix: 'С60 ' },
    ],
    weight: 7,
    seconds: [170, 290],
  },
];

export const ALL_STYLES_BY_GENRE = new Map(GENRES.map((spec) => [spec.genre, spec]));

export const COUNTRIES = [
  'US',
  'UK',
  'Germany',
  'Japan',
  'France',
  'Brazil',
  'Netherlands',
  'Sweden',
  'Italy',
  'Canada',
  'USSR',
  'Europe',
];

export const MEDIA_CONDITIONS = [
  'Mint (M)',
  'Near Mint (NM or M-)',
  'Very Good Plus (VG+)',
  'Very Good (VG)',
  'Good Plus (G+)',
  'Good (G)',
  'Fair (F)',
  'Poor (P)',
] as const;

export const SLEEVE_CONDITIONS = ['Generic', 'No Cover', ...MEDIA_CONDITIONS] as const;

export const COLLECTION_NOTES = [
  'Bought at a record fair, 2014.',
  'Small seam split on the back.',
  'Gift from Håkan. Signed on the inner sleeve!',
  'Original pressing, DG label.',
  'Plays with light surface noise on side B.',
  'Obi strip included (帯付き).',
  'Cut-out hole in the corner.',
  'Promo copy — white label.',
  'Needs a new inner sleeve; "cleaned" 2021-03.',
];

export const FOLDER_NAMES = ['Jazz', 'Keepers', 'To Sell', 'Soundtracks & Misc.', 'Japan 🇯🇵'];

export const LIVE_VENUES = [
  'Montreux 1977',
  'the Village Vanguard',
  'Budokan',
  'Newport 1958',
  'Royal Albert Hall',
];
