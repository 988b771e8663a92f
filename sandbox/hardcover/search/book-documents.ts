/** The Typesense documents Hardcover's `search` returns for books and authors, built from our tables. */
import type { Tables } from '../library/rows.ts';

export type SearchDocument = Record<string, unknown> & { id: string };

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export function bookDocuments(tables: Tables): SearchDocument[] {
  const authors = new Map(tables.authors.map((a) => [a.id, a]));
  const editionsByBook = groupBy(tables.editions, (e) => e.book_id);
  const creditsByBook = groupBy(
    tables.contributions.filter((c) => c.contributable_type === 'Book'),
    (c) => c.contributable_id,
  );
  return tables.books.map((book) => {
    const editions = editionsByBook.get(book.id) ?? [];
    const contributions = creditsByBook.get(book.id) ?? [];
    const names = contributions.flatMap((c) => {
      const author = authors.get(c.author_id);
      return author ? [author.name] : [];
    });
    const isbns = [
      ...new Set(editions.flatMap((e) => [e.isbn_10, e.isbn_13].filter((x): x is string => x !== null))),
    ];
    const series = book.cached_featured_series as {
      position: number | null;
      series: { name: string };
    } | null;
    const releaseDateInt = book.release_date ? Math.floor(Date.parse(book.release_date) / 1000) : null;
    return {
      id: String(book.id),
      activities_count: 0,
      alternative_titles: [],
      audio_seconds: book.audio_seconds,
      author_names: names,
      compilation: book.compilation,
      content_warnings: [],
      contribution_types: contributions.map(() => 'Author'),
      contributions: contributions.map((c) => {
        const author = authors.get(c.author_id);
        return {
          author: { id: c.author_id, name: author?.name ?? null, slug: author?.slug ?? null, image: {} },
          contribution: null,
        };
      }),
      cover_color: null,
      description: book.description,
      featured_series: series,
      featured_series_position: series?.position ?? null,
      genres: [],
      has_audiobook: editions.some((e) => e.reading_format_id === 2) || book.audio_seconds !== null,
      has_ebook: editions.some((e) => e.reading_format_id === 4),
      image: {},
      isbns,
      lists_count: 0,
      moods: [],
      pages: book.pages,
      prompts_count: 0,
      rating: book.rating ?? 0,
      ratings_count: book.ratings_count,
      release_date: book.release_date,
      release_date_i: releaseDateInt,
      release_year: book.release_year,
      reviews_count: book.reviews_count,
      series_names: series ? [series.series.name] : [],
      slug: book.slug,
      subtitle: book.subtitle,
      tags: [],
      title: book.title,
      users_count: book.users_count,
      users_read_count: book.users_read_count,
    };
  });
}

export function authorDocuments(tables: Tables): SearchDocument[] {
  return tables.authors.map((author) => {
    const bookIds = tables.contributions
      .filter((c) => c.contributable_type === 'Book' && c.author_id === author.id)
      .map((c) => c.contributable_id);
    const books = tables.books
      .filter((b) => bookIds.includes(b.id))
      .sort((a, b) => b.users_count - a.users_count)
      .slice(0, 5);
    return {
      id: String(author.id),
      alternate_names: [],
      books: books.map((b) => b.title),
      books_count: author.books_count,
      image: {},
      name: author.name,
      name_personal: author.name_personal,
      series_names: tables.series.filter((s) => s.author_id === author.id).map((s) => s.name),
      slug: author.slug,
    };
  });
}
