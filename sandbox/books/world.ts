/**
 * The generated book world shared by the Audiobookshelf and Hardcover stand-ins. Plain data: the
 * generator fills it, each stand-in builds its own mutable store from it.
 */

/** Hardcover status ids are data, not an enum in the API. */
export const HardcoverStatus = {
  wantToRead: 1,
  currentlyReading: 2,
  read: 3,
  paused: 4,
  didNotFinish: 5,
  ignored: 6,
} as const;

/** Hardcover reading_format_id values. */
export const ReadingFormat = { physical: 1, audio: 2, both: 3, ebook: 4 } as const;

export interface HcAuthor {
  id: number;
  name: string;
  slug: string;
}

export interface HcBook {
  id: number;
  title: string;
  subtitle: string | null;
  slug: string;
  authorIds: number[];
  seriesName: string | null;
  seriesPosition: number | null;
  releaseYear: number | null;
  releaseDate: string | null;
  pages: number | null;
  audioSeconds: number | null;
  usersCount: number;
  rating: number | null;
  defaultAudioEditionId: number | null;
  defaultEbookEditionId: number | null;
  defaultPhysicalEditionId: number | null;
}

export interface HcEdition {
  id: number;
  bookId: number;
  title: string;
  subtitle: string | null;
  /** Stored without hyphens, as Hardcover does. */
  isbn10: string | null;
  isbn13: string | null;
  asin: string | null;
  readingFormatId: number;
  editionFormat: string | null;
  physicalFormat: string | null;
  pages: number | null;
  audioSeconds: number | null;
  releaseDate: string | null;
  publisher: string | null;
  language: string | null;
  usersCount: number;
}

export interface HcUser {
  id: number;
  username: string;
  name: string;
  /** Personal access token, `hc_pat_...` (sent as `Bearer <token>`). */
  token: string;
  timezone: string;
  /** PAT scopes (e.g. `read:library`); absent means `all`, like tokens made before August 2026. */
  scopes?: string[];
  /** When the token stops working (ms since the epoch); absent or null means it does not expire. */
  tokenExpiresAt?: number | null;
}

export interface HcUserBook {
  id: number;
  userId: number;
  bookId: number;
  editionId: number | null;
  statusId: number;
  rating: number | null;
  /** YYYY-MM-DD */
  dateAdded: string;
  firstStartedReadingDate: string | null;
  lastReadDate: string | null;
  privacySettingId: number;
  createdAt: string;
}

export interface HcUserBookRead {
  id: number;
  userBookId: number;
  editionId: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  pausedAt: string | null;
  progressPages: number | null;
  progressSeconds: number | null;
}

export interface HardcoverWorld {
  authors: HcAuthor[];
  books: HcBook[];
  editions: HcEdition[];
  users: HcUser[];
  userBooks: HcUserBook[];
  reads: HcUserBookRead[];
}

export interface AbsLibrary {
  id: string;
  name: string;
  mediaType: 'book' | 'podcast';
  displayOrder: number;
  icon: string;
  folderPath: string;
  createdAt: number;
}

export interface AbsPerson {
  id: string;
  name: string;
}

export interface AbsEpisode {
  id: string;
  title: string;
  /** Seconds. */
  duration: number;
  publishedAt: number;
}

export interface AbsItem {
  id: string;
  /** The media (book or podcast) id, `mediaItemId` in progress rows. */
  mediaId: string;
  libraryId: string;
  mediaType: 'book' | 'podcast';
  title: string;
  subtitle: string | null;
  authors: AbsPerson[];
  narrators: string[];
  series: { id: string; name: string; sequence: string | null }[];
  genres: string[];
  tags: string[];
  publishedYear: string | null;
  publisher: string | null;
  description: string | null;
  /** As the user typed it in ABS: ISBN-10 or -13, with or without hyphens. */
  isbn: string | null;
  asin: string | null;
  language: string | null;
  explicit: boolean;
  abridged: boolean;
  /** Seconds of audio; 0 for an ebook-only item. */
  duration: number;
  numAudioFiles: number;
  ebookFormat: string | null;
  size: number;
  addedAt: number;
  updatedAt: number;
  episodes: AbsEpisode[];
}

export interface AbsMediaProgress {
  id: string;
  libraryItemId: string;
  episodeId: string | null;
  duration: number;
  progress: number;
  currentTime: number;
  isFinished: boolean;
  hideFromContinueListening: boolean;
  ebookLocation: string | null;
  ebookProgress: number | null;
  startedAt: number;
  lastUpdate: number;
  finishedAt: number | null;
}

/** ABS user permission flags (User.permissions, without the two lists). */
export interface AbsPermissions {
  download: boolean;
  update: boolean;
  delete: boolean;
  upload: boolean;
  createEreader: boolean;
  accessAllLibraries: boolean;
  accessAllTags: boolean;
  accessExplicitContent: boolean;
  selectedTagsNotAccessible: boolean;
}

export interface AbsUser {
  id: string;
  username: string;
  password: string;
  type: 'root' | 'admin' | 'user';
  isActive: boolean;
  /** Library ids this user may see; empty means all. */
  librariesAccessible: string[];
  progress: AbsMediaProgress[];
  createdAt: number;
  /** Overrides of the defaults for the user's type (ABS gives `user` accounts no explicit content). */
  permissions?: Partial<AbsPermissions>;
}

export interface AudiobookshelfWorld {
  /** Signs the JWTs (access tokens and API keys), HS256. */
  tokenSecret: string;
  libraries: AbsLibrary[];
  items: AbsItem[];
  users: AbsUser[];
}

/** One person as shelfsync sees them: an ABS account and a Hardcover account. */
export interface BookPerson {
  id: string;
  absUserId: string;
  hardcoverUserId: number;
}

export interface BookWorld {
  seed: number;
  /** The moment the data describes; stand-ins start their clocks here when asked for determinism. */
  now: number;
  people: BookPerson[];
  hardcover: HardcoverWorld;
  audiobookshelf: AudiobookshelfWorld;
  /**
   * The truth for scoring matches: the Hardcover book id of every ABS book item (null when the book
   * is not in Hardcover). Never served by a stand-in's API.
   */
  matchTruth?: Record<string, number | null>;
}
