/** Which documents each `query_type` searches, and whether they can be built once and kept. */
import type { Tables } from '../library/rows.ts';
import { authorDocuments, bookDocuments, type SearchDocument } from './book-documents.ts';
import { listDocuments, publisherDocuments, seriesDocuments, userDocuments } from './other-documents.ts';

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
