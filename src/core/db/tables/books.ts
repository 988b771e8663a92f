/** Table interfaces of the books part, created by migrations/002-books.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in when the books part lands
export interface BooksTables {}
