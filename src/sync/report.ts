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

/** A service's daily quota as its last response said, per client (Hardcover: per user token). */
export const quotaReportSchema = z.object({
  service: z.string(),
  subject: z.string().optional(),
  remaining: z.number(),
  limit: z.number().nullable(),
  resetAt: z.string().nullable(),
});

/** Lookups of one cache during the run: memory caches by name, persistent ones by namespace. */
export const cacheReportSchema = z.object({
  kind: z.enum(['memory', 'persistent']),
  name: z.string(),
  hits: z.number().int().nonnegative(),
  misses: z.number().int().nonnegative(),
  /** Entries held at the end of the run (memory caches only). */
  size: z.number().int().nonnegative().optional(),
});

const phaseSpendSchema = z.object({
  requests: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  limiterWaitMs: z.number().nonnegative(),
});

/** One timed phase of a bridge (`--profile`); requests are those of the bridge's clients meanwhile. */
export const phaseProfileSchema = z.object({
  bridge: z.string(),
  name: z.string(),
  label: z.string().optional(),
  /** Milliseconds after the run started. */
  startMs: z.number().nonnegative(),
  wallMs: z.number().nonnegative(),
  /** Items ticked off, and the total when the bridge said. */
  items: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  services: z.record(z.string(), phaseSpendSchema),
});

export const profileReportSchema = z.object({
  phases: z.array(phaseProfileSchema),
  /** The whole run per service; `requests` equals what the servers received. */
  services: z.record(
    z.string(),
    phaseSpendSchema.extend({
      retries: z.number().int().nonnegative(),
      latencyMs: z.number().nonnegative(),
    }),
  ),
});

export const syncReportSchema = z
  .object({
    ok: z.boolean(),
    durationMs: z.number().nonnegative(),
    dryRun: z.boolean(),
    /** What started the run: sync, daemon, interactive, demo. */
    trigger: z.string().optional(),
    /** True when SIGTERM/SIGINT stopped the run before every bridge had finished. */
    interrupted: z.boolean().optional(),
    bridges: z
      .object({
        books: booksReportSchema.optional(),
        records: recordsReportSchema.optional(),
        playlists: z.record(z.string(), playlistReportSchema).optional(),
      })
      .loose(),
    requests: z.record(z.string(), serviceRequestsSchema),
    /** Whole bridges that failed, one plain sentence each. */
    errors: z
      .array(z.object({ bridge: z.string().optional(), service: z.string(), message: z.string() }))
      .optional(),
    quota: z.array(quotaReportSchema).optional(),
    caches: z.array(cacheReportSchema).optional(),
    /** Only with `--profile`. */
    profile: profileReportSchema.optional(),
  })
  .loose();

export type BooksReport = z.infer<typeof booksReportSchema>;
export type RecordsReport = z.infer<typeof recordsReportSchema>;
export type PlaylistReport = z.infer<typeof playlistReportSchema>;
export type PlaylistsReport = Record<string, PlaylistReport>;
export type ServiceRequests = z.infer<typeof serviceRequestsSchema>;
export type SyncReport = z.infer<typeof syncReportSchema>;
export type QuotaReport = z.infer<typeof quotaReportSchema>;
export type CacheReport = z.infer<typeof cacheReportSchema>;
export type PhaseProfile = z.infer<typeof phaseProfileSchema>;
export type ProfileReport = z.infer<typeof profileReportSchema>;
