/**
 * Series, the `book_series` rows placing books in them, and the author rows, built from the
 * generated world. A book's one series is its featured one (`books.featured_book_series_id`).
 */
import type { HardcoverWorld } from '../../books/world.ts';
import type { AuthorRow, BookSeriesRow, SeriesRow } from './rows.ts';

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface SeriesTables {
  series: SeriesRow[];
  bookSeries: BookSeriesRow[];
}

export function seriesTables(world: HardcoverWorld, createdAt: string): SeriesTables {
  const membersByName = new Map<string, HardcoverWorld['books']>();
  for (const book of world.books) {
    if (book.seriesName === null) continue;
    const members = membersByName.get(book.seriesName);
    if (members) members.push(book);
    else membersByName.set(book.seriesName, [book]);
  }
  const names = [...membersByName.keys()];
  const idByName = new Map(names.map((name, i) => [name, i + 1]));
  const series = names.map((name, i): SeriesRow => {
    const members = membersByName.get(name) ?? [];
    const authorIds = [...new Set(members.flatMap((b) => b.authorIds.slice(0, 1)))];
    return {
      id: i + 1,
      name,
      slug: slugify(name),
      author_id: authorIds.length === 1 ? (authorIds[0] ?? null) : null,
      books_count: members.length,
      primary_books_count: members.filter((b) => Number.isInteger(b.seriesPosition)).length,
      canonical_id: null,
      description: null,
      is_completed: null,
      locked: false,
      object_type: 'Series',
      state: 'active',
      user_id: null,
    };
  });
  const bookSeries = world.books
    .filter((b) => b.seriesName !== null)
    .map(
      (book, i): BookSeriesRow => ({
        id: i + 1,
        book_id: book.id,
        series_id: idByName.get(book.seriesName ?? '') ?? 0,
        position: book.seriesPosition,
        details: book.seriesPosition === null ? null : String(book.seriesPosition),
        featured: true,
        compilation: false,
        created_at: createdAt,
        updated_at: createdAt,
      }),
    );
  return { series, bookSeries };
}

export function authorRows(world: HardcoverWorld): AuthorRow[] {
  const booksByAuthor = new Map<number, HardcoverWorld['books']>();
  for (const book of world.books) {
    for (const authorId of book.authorIds) {
      const own = booksByAuthor.get(authorId);
      if (own) own.push(book);
      else booksByAuthor.set(authorId, [book]);
    }
  }
  return world.authors.map((a) => {
    const own = booksByAuthor.get(a.id) ?? [];
    return {
      id: a.id,
      name: a.name,
      slug: a.slug,
      name_personal: a.name,
      books_count: own.length,
      users_count: own.reduce((sum, b) => sum + b.usersCount, 0),
      object_type: 'Author',
      state: 'active',
      image_id: null,
      alias_id: null,
      alternate_names: [],
      bio: null,
      born_date: null,
      born_year: null,
      cached_image: {},
      canonical_id: null,
      death_date: null,
      death_year: null,
      gender_id: null,
      is_bipoc: null,
      is_lgbtq: null,
      location: null,
      locked: false,
      title: null,
      user_id: null,
    };
  });
}
