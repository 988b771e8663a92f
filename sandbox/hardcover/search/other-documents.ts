/** Search documents for series, publishers, users and lists (Hardcover's "Searching" guide). */
import type { Tables } from '../library/rows.ts';
import type { SearchDocument } from './book-documents.ts';

export function seriesDocuments(tables: Tables): SearchDocument[] {
  return tables.series.map((series) => {
    const entries = tables.book_series
      .filter((bs) => bs.series_id === series.id)
      .sort((a, b) => (a.position ?? Number.MAX_VALUE) - (b.position ?? Number.MAX_VALUE));
    const books = entries.flatMap((bs) => tables.books.filter((b) => b.id === bs.book_id));
    const author = tables.authors.find((a) => a.id === series.author_id);
    return {
      id: String(series.id),
      author: author ? { id: author.id, name: author.name, slug: author.slug, image: {} } : null,
      author_name: author?.name ?? null,
      books: books.map((b) => b.title),
      books_count: series.books_count,
      name: series.name,
      primary_books_count: series.primary_books_count,
      readers_count: books.reduce((sum, b) => sum + b.users_read_count, 0),
      slug: series.slug,
    };
  });
}

export function publisherDocuments(tables: Tables): SearchDocument[] {
  return tables.publishers.map((p) => ({
    id: String(p.id),
    editions_count: p.editions_count,
    name: p.name,
    object_type: 'Publisher',
    slug: p.slug,
  }));
}

export function userDocuments(tables: Tables): SearchDocument[] {
  return tables.users.map((u) => ({
    id: String(u.id),
    books_count: u.books_count,
    flair: u.flair,
    followed_users_count: u.followed_users_count,
    followers_count: u.followers_count,
    image: {},
    location: u.location,
    name: u.name,
    pro: u.pro,
    username: u.username,
  }));
}

/** Public lists only: the index is shared by every reader. */
export function listDocuments(tables: Tables): SearchDocument[] {
  return tables.lists
    .filter((list) => list.privacy_setting_id === 1)
    .map((list) => {
      const owner = tables.users.find((u) => u.id === list.user_id);
      const titles = tables.list_books
        .filter((lb) => lb.list_id === list.id)
        .slice(0, 5)
        .flatMap((lb) => tables.books.filter((b) => b.id === lb.book_id).map((b) => b.title));
      return {
        id: String(list.id),
        books: titles,
        books_count: list.books_count,
        description: list.description,
        likes_count: list.likes_count,
        name: list.name,
        object_type: 'List',
        slug: list.slug,
        user: owner ? { id: owner.id, username: owner.username, name: owner.name, image: {} } : null,
      };
    });
}
