import { z } from 'zod';

/**
 * The run report: what `sync --json` prints, what the runs table keeps and what `status` shows.
 * PRODUCT.md fixes the keys below; bridges may add more (objects are loose on purpose).
 */
export const BOOK_OUTCOMES = [
  'synced',
  'already_current',
  'skipped',
  'needs_review',
  'not_found',
  'failed',
  'would_sync',
] as const;
export type BookOutcome = (typeof BOOK_OUTCOMES)[number];

export const outcomeCountsSchema = z.object({
  synced: z.number().int().nonnegative(),
  already_current: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  needs_review: z.number().int().nonnegative(),
  not_found: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  would_sync: z.number().int().nonnegative(),
});
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return {
    synced: 0,
    already_current: 0,
    skipped: 0,
    needs_review: 0,
    not_found: 0,
    failed: 0,
    would_sync: 0,
  };
}

export const bookUserReportSchema = z
  .object({
    outcomes: outcomeCountsSchema,
    /** Set when the whole user stopped (bad token, server down): one plain sentence. */
    error: z.string().optional(),
  })
  .loose();

export const booksReportSchema = z.object({ users: z.record(z.string(), bookUserReportSchema) }).loose();

export const recordsReportSchema = z
  .object({
    added: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    error: z.string().optional(),
  })
  .loose();

export const TRACK_STATUSES = ['matched', 'uncertain', 'missing'] as const;

export const playlistTrackSchema = z
  .object({
    release_id: z.number().int(),
    position: z.string(),
    title: z.string(),
    status: z.enum(TRACK_STATUSES),
    /** `soundcloud:tracks:<id>` for matched and uncertain tracks, null for missing ones. */
    match: z.string().nullable(),
  })
  .loose();

export const playlistReportSchema = z
  .object({
    matched: z.number().int().nonnegative(),
    uncertain: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    tracks: z.array(playlistTrackSchema),
    error: z.string().optional(),
  })
  .loose();

export const serviceRequestsSchema = z
  .object({
    requests: z.number().int().nonnegative(),
    units: z.number().int().nonnegative().optional(),
    reads: z.number().int().nonnegative().optional(),
    searches: z.number().int().nonnegative().optional(),
    writes: z.number().int().nonnegative().optional(),
  })
  .loose();

export const syncReportSchema = z
  .object({
    ok: z.boolean(),
    durationMs: z.number().nonnegative(),
    dryRun: z.boolean(),
    bridges: z
      .object({
        books: booksReportSchema.optional(),
        records: recordsReportSchema.optional(),
        playlists: z.record(z.string(), playlistReportSchema).optional(),
      })
      .loose(),
    requests: z.record(z.string(), serviceRequestsSchema),
  })
  .loose();

export type BooksReport = z.infer<typeof booksReportSchema>;
export type RecordsReport = z.infer<typeof recordsReportSchema>;
export type PlaylistReport = z.infer<typeof playlistReportSchema>;
export type PlaylistsReport = Record<string, PlaylistReport>;
export type ServiceRequests = z.infer<typeof serviceRequestsSchema>;
export type SyncReport = z.infer<typeof syncReportSchema>;
