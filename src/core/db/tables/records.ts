/** Table interfaces of the records part, created by migrations/003-records.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in when the records part lands
export interface RecordsTables {}
