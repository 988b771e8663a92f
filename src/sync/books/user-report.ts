import { z } from 'zod';
import { BOOK_OUTCOMES, bookUserReportSchema } from '../report.ts';

/** What the books bridge adds to each user's part of the run report (the base shape is fixed by PRODUCT.md). */
export const booksUserReportSchema = bookUserReportSchema.extend({
  /** Books the user should look at: needs review, failed, not found; each with the reason. */
  attention: z
    .array(
      z.object({ item: z.string(), title: z.string(), outcome: z.enum(BOOK_OUTCOMES), reason: z.string() }),
    )
    .default([]),
  /** Books the daily quota left for the next run. */
  waiting: z.number().int().nonnegative().default(0),
  /** Hardcover units this user spent, by kind. */
  hardcover: z
    .object({ reads: z.number().int(), searches: z.number().int(), writes: z.number().int() })
    .default({ reads: 0, searches: 0, writes: 0 }),
  /** Dry run: what would be written. */
  plan: z.array(z.object({ item: z.string(), title: z.string(), action: z.string() })).optional(),
});
export type BooksUserReport = z.infer<typeof booksUserReportSchema>;
