/** Which documents each `query_type` searches, and whether they can be built once and kept. */
import type { Tables } from '../library/rows.ts';
import { authorDocuments, bookDocuments, type SearchDocument } from './book-documents.ts';
import { listDocuments, publisherDocuments, seriesDocuments, userDocuments } from './other-documents.ts';
import type { SearchCorpus } from './search.ts';
import { TokenIndex } from './token-index.ts';

export interface SearchIndex {
  static: boolean;
  documents(tables: Tables): SearchDocument[];
}

export const SEARCH_INDEXES: Readonly<Record<string, SearchIndex>> = {
  book: { static: true, documents: bookDocuments },
  author: { static: true, documents: authorDocuments },
  series: { static: true, documents: seriesDocuments },
  publisher: { static: true, documents: publisherDocuments },
  user: { static: false, documents: userDocuments },
  list: { static: false, documents: listDocuments },
};

/**
 * What each search type looks through, for one stand-in: the catalogue never changes, so it is
 * indexed once, on its first search; users and lists do, so those are built for every search.
 */
export function searchCorpora(tables: Tables): (type: string) => SearchCorpus {
  const indexes = new Map<string, TokenIndex>();
  return (type) => {
    const index = SEARCH_INDEXES[type];
    if (!index) return [];
    if (!index.static) return index.documents(tables);
    let built = indexes.get(type);
    if (!built) {
      built = new TokenIndex(index.documents(tables));
      indexes.set(type, built);
    }
    return built;
  };
}
