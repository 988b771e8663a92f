/** The mutable rows of the Hardcover stand-in, shaped like Hasura's columns (snake_case). */

export type UserRow = {
  id: number;
  username: string;
  name: string | null;
  bio: string | null;
  location: string | null;
  link: string | null;
  flair: string | null;
  membership: string | null;
  timezone: string | null;
  books_count: number;
  followers_count: number;
  followed_users_count: number;
  pro: boolean;
  account_privacy_setting_id: number;
  object_type: string;
  image_id: number | null;
  created_at: string;
  updated_at: string;
};

export type UserBookRow = {
  id: number;
  user_id: number;
  book_id: number;
  edition_id: number | null;
  status_id: number;
  rating: number | null;
  read_count: number;
  owned: boolean;
  owned_copies: number | null;
  date_added: string;
  first_started_reading_date: string | null;
  first_read_date: string | null;
  last_read_date: string | null;
  created_at: string;
  updated_at: string | null;
  privacy_setting_id: number;
  private_notes: string | null;
  review: string | null;
  has_review: boolean;
  review_has_spoilers: boolean;
  review_slate: unknown;
  reviewed_at: string | null;
  sponsored_review: boolean;
  starred: boolean;
  imported: boolean | null;
  url: string | null;
  media_url: string | null;
  recommended_by: string | null;
  recommended_for: string | null;
  referrer_user_id: number | null;
  object_type: string;
  likes_count: number;
};

export type UserBookReadRow = {
  id: number;
  user_book_id: number;
  edition_id: number | null;
  started_at: string | null;
  finished_at: string | null;
  finished_at_precision: number | null;
  paused_at: string | null;
  progress: number | null;
  progress_pages: number | null;
  progress_seconds: number | null;
};

export type BookRow = {
  id: number;
  title: string | null;
  subtitle: string | null;
  slug: string | null;
  description: string | null;
  headline: string | null;
  pages: number | null;
  audio_seconds: number | null;
  release_date: string | null;
  release_year: number | null;
  rating: number | null;
  ratings_count: number;
  reviews_count: number;
  users_count: number;
  users_read_count: number;
  editions_count: number;
  compilation: boolean;
  canonical_id: number | null;
  state: string | null;
  default_audio_edition_id: number | null;
  default_cover_edition_id: number | null;
  default_ebook_edition_id: number | null;
  default_physical_edition_id: number | null;
  alternative_titles: unknown;
  cached_contributors: unknown;
  cached_featured_series: unknown;
  cached_image: unknown;
  cached_tags: unknown;
  image_id: number | null;
  created_at: string;
  updated_at: string | null;
};

export type EditionRow = {
  id: number;
  book_id: number;
  title: string | null;
  subtitle: string | null;
  isbn_10: string | null;
  isbn_13: string | null;
  asin: string | null;
  isbn_10_valid: boolean | null;
  isbn_13_valid: boolean | null;
  isbns_match: boolean | null;
  pages: number | null;
  audio_seconds: number | null;
  reading_format_id: number;
  edition_format: string | null;
  edition_information: string | null;
  physical_format: string | null;
  release_date: string | null;
  release_year: number | null;
  publisher_id: number | null;
  language_id: number | null;
  users_count: number;
  users_read_count: number;
  rating: number | null;
  score: number;
  compilation: boolean;
  object_type: string;
  state: string;
  cached_contributors: unknown;
  cached_image: unknown;
  image_id: number | null;
  created_at: string;
  updated_at: string;
};

/** Every table the stand-in serves, by Hasura table name. */
export interface Tables {
  users: UserRow[];
  user_books: UserBookRow[];
  user_book_reads: UserBookReadRow[];
  books: BookRow[];
  editions: EditionRow[];
  user_book_statuses: { id: number; status: string; slug: string; description: string | null }[];
  reading_formats: { id: number; format: string }[];
  authors: {
    id: number;
    name: string;
    slug: string | null;
    name_personal: string | null;
    books_count: number;
    users_count: number;
    object_type: string;
    state: string;
    image_id: number | null;
  }[];
  contributions: {
    id: number;
    author_id: number;
    contributable_id: number;
    contributable_type: string;
    contribution: string | null;
    created_at: string;
    updated_at: string;
  }[];
  publishers: {
    id: number;
    name: string;
    slug: string;
    editions_count: number;
    object_type: string;
    state: string;
  }[];
  languages: { id: number; language: string; code2: string | null; code3: string | null }[];
  images: Record<string, unknown>[];
}
