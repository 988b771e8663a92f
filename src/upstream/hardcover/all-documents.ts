import { BOOK_READ_DOCUMENTS } from './book-documents.ts';
import { type GraphqlDocument, ME_QUERY } from './documents.ts';
import { SAMPLE_WRITES_DOCUMENT } from './writes.ts';

/** Every document shelfsync sends (writes as a sample holding each kind), for the contract test. */
export const ALL_DOCUMENTS: readonly GraphqlDocument[] = [
  ME_QUERY,
  ...BOOK_READ_DOCUMENTS,
  SAMPLE_WRITES_DOCUMENT,
];
