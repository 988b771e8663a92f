/** Turns the generated Hardcover world into the stand-in's Hasura-shaped tables. */
import type { HardcoverWorld, HcBook, HcEdition, HcUserBook } from '../../books/world.ts';
import { timestamp, timestamptz, toTimestamptz } from './dates.ts';
import { isbn10To13, isValidIsbn10, isValidIsbn13, stripIsbn } from './isbn.ts';
import type { BookRow, EditionRow, Tables, UserBookReadRow, UserBookRow, UserRow } from './rows.ts';
import { authorRows, seriesTables, slugify } from './series-rows.ts';

/** Catalogue rows carry a fixed creation time so the same world always serves the same bytes. */
const CATALOG_CREATED_MS = Date.UTC(2023, 0, 15, 12, 0, 0);

const STATUSES = [
  { id: 1, status: 'Want to Read', slug: 'want-to-read' },
  { id: 2, status: 'Currently Reading', slug: 'currently-reading' },
  { id: 3, status: 'Read', slug: 'read' },
  { id: 4, status: 'Paused', slug: 'paused' },
  { id: 5, status: 'Did Not Finish', slug: 'did-not-finish' },
  { id: 6, status: 'Ignored', slug: 'ignored' },
];

const FORMATS = [
  { id: 1, format: 'Physical Book' },
  { id: 2, format: 'Audiobook' },
  { id: 3, format: 'Both' },
  { id: 4, format: 'E-Book' },
];

const LANGUAGE_CODES: Record<string, [string, string]> = {
  english: ['en', 'eng'],
  german: ['de', 'deu'],
  french: ['fr', 'fra'],
  spanish: ['es', 'spa'],
  italian: ['it', 'ita'],
  portuguese: ['pt', 'por'],
  dutch: ['nl', 'nld'],
  swedish: ['sv', 'swe'],
  japanese: ['ja', 'jpn'],
  polish: ['pl', 'pol'],
};

function languageRow(id: number, text: string) {
  const byName = LANGUAGE_CODES[text.toLowerCase()];
  if (byName) return { id, language: text, code2: byName[0], code3: byName[1] };
  const byCode = Object.entries(LANGUAGE_CODES).find(
    ([, [c2, c3]]) => c2 === text.toLowerCase() || c3 === text.toLowerCase(),
  );
  if (byCode) {
    const [name, [c2, c3]] = byCode;
    return { id, language: name.charAt(0).toUpperCase() + name.slice(1), code2: c2, code3: c3 };
  }
  return { id, language: text, code2: null, code3: null };
}

function contributorsOf(book: HcBook, authorsById: Map<number, { id: number; name: string; slug: string }>) {
  return book.authorIds.flatMap((id) => {
    const author = authorsById.get(id);
    return author
      ? [{ author: { id: author.id, name: author.name, slug: author.slug, image: {} }, contribution: null }]
      : [];
  });
}

function bookRow(
  book: HcBook,
  editionCount: number,
  contributors: unknown,
  series: unknown,
  featuredBookSeriesId: number | null,
): BookRow {
  const created = timestamp(CATALOG_CREATED_MS);
  return {
    id: book.id,
    activities_count: 0,
    // 1 is "Book" (not a comic or a short story); status 1 is a normal, visible book.
    book_category_id: 1,
    book_status_id: 1,
    cached_header_image: {},
    created_by_user_id: null,
    curation_status: 0,
    featured_book_series_id: featuredBookSeriesId,
    header_image_id: null,
    import_platform_id: 1,
    is_partial_book: false,
    journals_count: 0,
    lists_count: 0,
    literary_type_id: null,
    locked: false,
    parent_book_id: null,
    prompts_count: 0,
    title: book.title,
    subtitle: book.subtitle,
    slug: book.slug,
    description: null,
    headline: null,
    pages: book.pages,
    audio_seconds: book.audioSeconds,
    release_date: book.releaseDate,
    release_year: book.releaseYear,
    rating: book.rating,
    ratings_count: book.rating === null ? 0 : Math.max(1, Math.floor(book.usersCount / 3)),
    reviews_count: Math.floor(book.usersCount / 10),
    users_count: book.usersCount,
    users_read_count: Math.floor(book.usersCount * 0.6),
    editions_count: editionCount,
    compilation: false,
    canonical_id: null,
    state: 'normalized',
    default_audio_edition_id: book.defaultAudioEditionId,
    default_cover_edition_id:
      book.defaultPhysicalEditionId ?? book.defaultEbookEditionId ?? book.defaultAudioEditionId,
    default_ebook_edition_id: book.defaultEbookEditionId,
    default_physical_edition_id: book.defaultPhysicalEditionId,
    alternative_titles: [],
    cached_contributors: contributors,
    cached_featured_series: series,
    cached_image: {},
    cached_tags: {},
    image_id: null,
    created_at: created,
    updated_at: timestamptz(CATALOG_CREATED_MS),
  };
}

function editionRow(
  edition: HcEdition,
  contributors: unknown,
  publisherId: number | null,
  languageId: number | null,
): EditionRow {
  const isbn10 = stripIsbn(edition.isbn10);
  const isbn13 = stripIsbn(edition.isbn13);
  const valid10 = isbn10 === null ? null : isValidIsbn10(isbn10);
  const valid13 = isbn13 === null ? null : isValidIsbn13(isbn13);
  const created = timestamp(CATALOG_CREATED_MS);
  return {
    id: edition.id,
    alternative_titles: [],
    cached_tags: {},
    canonical_id: null,
    country_id: null,
    created_by_user_id: null,
    curation_status: 0,
    lists_count: 0,
    locked: false,
    normalized_at: created,
    original_book_id: null,
    physical_information: null,
    source: null,
    book_id: edition.bookId,
    title: edition.title,
    subtitle: edition.subtitle,
    isbn_10: isbn10,
    isbn_13: isbn13,
    asin: edition.asin,
    isbn_10_valid: valid10,
    isbn_13_valid: valid13,
    isbns_match: isbn10 && isbn13 && valid10 ? isbn10To13(isbn10) === isbn13 : null,
    pages: edition.pages,
    audio_seconds: edition.audioSeconds,
    reading_format_id: edition.readingFormatId,
    edition_format: edition.editionFormat,
    edition_information: null,
    physical_format: edition.physicalFormat,
    release_date: edition.releaseDate,
    release_year: edition.releaseDate ? Number(edition.releaseDate.slice(0, 4)) : null,
    publisher_id: publisherId,
    language_id: languageId,
    users_count: edition.usersCount,
    users_read_count: Math.floor(edition.usersCount * 0.6),
    rating: null,
    score: edition.usersCount,
    compilation: false,
    object_type: 'Edition',
    state: 'normalized',
    cached_contributors: contributors,
    cached_image: {},
    image_id: null,
    created_at: created,
    updated_at: created,
  };
}

export function userBookRow(source: HcUserBook): UserBookRow {
  const created = toTimestamptz(source.createdAt);
  return {
    id: source.id,
    user_id: source.userId,
    book_id: source.bookId,
    edition_id: source.editionId,
    status_id: source.statusId,
    rating: source.rating,
    read_count: 0,
    owned: false,
    owned_copies: null,
    date_added: source.dateAdded,
    first_started_reading_date: source.firstStartedReadingDate,
    first_read_date: null,
    last_read_date: source.lastReadDate,
    created_at: created,
    updated_at: created,
    privacy_setting_id: source.privacySettingId,
    private_notes: null,
    review: null,
    has_review: false,
    review_has_spoilers: false,
    review_slate: {},
    reviewed_at: null,
    sponsored_review: false,
    starred: false,
    imported: false,
    url: null,
    media_url: null,
    recommended_by: null,
    recommended_for: null,
    referrer_user_id: null,
    object_type: 'UserBook',
    likes_count: 0,
  };
}

/** Tables for the world; derived columns (progress, read counts) are filled by the store. */
export function tablesFromWorld(world: HardcoverWorld): Tables {
  const authorsById = new Map(world.authors.map((a) => [a.id, a]));
  const publisherNames = [...new Set(world.editions.flatMap((e) => (e.publisher ? [e.publisher] : [])))];
  const languageNames = [...new Set(world.editions.flatMap((e) => (e.language ? [e.language] : [])))];
  const publisherIds = new Map(publisherNames.map((name, i) => [name, i + 1]));
  const languageIds = new Map(languageNames.map((name, i) => [name, i + 1]));
  const created = timestamp(CATALOG_CREATED_MS);
  const { series: seriesRows, bookSeries } = seriesTables(world, created);
  const seriesIdByName = new Map(seriesRows.map((s) => [s.name, s.id]));
  const editionCounts = new Map<number, number>();
  for (const edition of world.editions) {
    editionCounts.set(edition.bookId, (editionCounts.get(edition.bookId) ?? 0) + 1);
  }
  const featuredByBook = new Map(bookSeries.filter((bs) => bs.featured).map((bs) => [bs.book_id, bs.id]));
  const authorIdsByBook = new Map(world.books.map((b) => [b.id, b.authorIds]));

  const books = world.books.map((book) => {
    const series = book.seriesName
      ? {
          position: book.seriesPosition,
          series: {
            id: seriesIdByName.get(book.seriesName) ?? 0,
            name: book.seriesName,
            slug: slugify(book.seriesName),
          },
        }
      : null;
    const editionCount = editionCounts.get(book.id) ?? 0;
    const featured = featuredByBook.get(book.id) ?? null;
    return bookRow(book, editionCount, contributorsOf(book, authorsById), series, featured);
  });
  const contributorsByBook = new Map(books.map((b) => [b.id, b.cached_contributors]));

  const users: UserRow[] = world.users.map((user) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    bio: null,
    location: null,
    link: null,
    flair: null,
    membership: null,
    timezone: user.timezone,
    // The stand-in invents an address: the world has none, and clients only read it back.
    email: `${user.username.toLowerCase()}@users.hardcover.test`,
    books_count: 0,
    followers_count: 0,
    followed_users_count: 0,
    pro: false,
    account_privacy_setting_id: 1,
    object_type: 'User',
    image_id: null,
    created_at: timestamptz(CATALOG_CREATED_MS),
    updated_at: timestamptz(CATALOG_CREATED_MS),
  }));

  const reads: UserBookReadRow[] = world.reads.map((read) => ({
    id: read.id,
    user_book_id: read.userBookId,
    edition_id: read.editionId,
    started_at: read.startedAt,
    finished_at: read.finishedAt,
    finished_at_precision: null,
    paused_at: read.pausedAt,
    progress: null,
    progress_pages: read.progressPages,
    progress_seconds: read.progressSeconds,
  }));

  return {
    users,
    user_books: world.userBooks.map(userBookRow),
    user_book_reads: reads,
    books,
    editions: world.editions.map((e) =>
      editionRow(
        e,
        contributorsByBook.get(e.bookId) ?? [],
        e.publisher ? (publisherIds.get(e.publisher) ?? null) : null,
        e.language ? (languageIds.get(e.language) ?? null) : null,
      ),
    ),
    user_book_statuses: STATUSES.map((s) => ({ ...s, description: null })),
    reading_formats: FORMATS.map((f) => ({ ...f })),
    authors: authorRows(world),
    // Hardcover keeps a book's credits and each edition's credits as separate rows.
    contributions: [
      ...world.books.flatMap((book) =>
        book.authorIds.map((authorId) => ({ authorId, id: book.id, type: 'Book' })),
      ),
      ...world.editions.flatMap((edition) =>
        (authorIdsByBook.get(edition.bookId) ?? []).map((authorId) => ({
          authorId,
          id: edition.id,
          type: 'Edition',
        })),
      ),
    ].map(({ authorId, id, type }, i) => ({
      id: i + 1,
      author_id: authorId,
      contributable_id: id,
      contributable_type: type,
      contribution: null,
      created_at: created,
      updated_at: created,
    })),
    publishers: publisherNames.map((name, i) => ({
      id: i + 1,
      name,
      slug: slugify(name),
      editions_count: world.editions.filter((e) => e.publisher === name).length,
      object_type: 'Publisher',
      state: 'active',
      canonical_id: null,
      parent_id: null,
      locked: false,
    })),
    languages: languageNames.map((name, i) => languageRow(i + 1, name)),
    images: [],
    series: seriesRows,
    book_series: bookSeries,
    lists: [],
    list_books: [],
  };
}
