/**
 * The mutation inputs (DatesReadInput, UserBookCreateInput, UserBookUpdateInput) after graphql-js
 * has checked their shape. `date`, `numeric` and `jsonb` are opaque scalars to graphql-js, so their
 * contents are checked here; a bad value becomes the mutation's `error` text, as Hardcover reports it.
 */
import { z } from 'zod';
import { isDate } from './dates.ts';

const date = z.string().refine(isDate, { message: 'expected a date as YYYY-MM-DD' });
const nullableDate = date.nullish();
const numeric = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'expected a number' })])
  .transform((value) => Number(value))
  .nullish();
const count = z.number().int().min(0).nullish();

export const datesReadInput = z.object({
  action: z.string().nullish(),
  edition_id: z.number().int().nullish(),
  finished_at: nullableDate,
  finished_at_precision: z.number().int().nullish(),
  id: z.number().int().nullish(),
  progress_pages: count,
  progress_seconds: count,
  started_at: nullableDate,
});
export type DatesReadInput = z.infer<typeof datesReadInput>;

const userBookFields = {
  date_added: nullableDate,
  edition_id: z.number().int().nullish(),
  finished_at_precision: z.number().int().nullish(),
  first_started_reading_date: nullableDate,
  last_read_date: nullableDate,
  media_url: z.string().nullish(),
  privacy_setting_id: z.number().int().min(1).max(3).nullish(),
  private_notes: z.string().nullish(),
  rating: numeric.refine((r) => r === null || r === undefined || (r >= 0 && r <= 5), {
    message: 'rating must be between 0 and 5',
  }),
  read_count: count,
  recommended_by: z.string().nullish(),
  recommended_for: z.string().nullish(),
  referrer_user_id: z.number().int().nullish(),
  review_has_spoilers: z.boolean().nullish(),
  review_slate: z.unknown().optional(),
  reviewed_at: nullableDate,
  sponsored_review: z.boolean().nullish(),
  status_id: z.number().int().min(1).max(6).nullish(),
  url: z.string().nullish(),
  user_date: nullableDate,
  user_start_date: nullableDate,
};

export const userBookCreateInput = z.object({ book_id: z.number().int(), ...userBookFields });
export type UserBookCreateInput = z.infer<typeof userBookCreateInput>;

export const userBookUpdateInput = z.object(userBookFields);
export type UserBookUpdateInput = z.infer<typeof userBookUpdateInput>;

/** Parses, or returns the first problem as one line (`started_at: expected a date as YYYY-MM-DD`). */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  return { ok: false, error: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid input'}` };
}
