import { z } from 'zod';

/** zod schemas of the Hardcover rows the books sync reads, and the plain types they parse into. */

export const editionSchema = z.object({
  id: z.number().int(),
  book_id: z.number().int(),
  reading_format_id: z.number().int().nullable(),
  pages: z.number().int().nullable(),
  audio_seconds: z.number().int().nullable(),
  asin: z.string().nullable(),
  isbn_10: z.string().nullable(),
  isbn_13: z.string().nullable(),
});
export type HcEdition = z.output<typeof editionSchema>;

const contributorsSchema = z
  .array(z.object({ author: z.object({ name: z.string().nullable().optional() }).loose() }).loose())
  .catch([]);

export const bookSchema = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  cached_contributors: contributorsSchema,
  editions: z.array(editionSchema),
});
export type HcBookRow = z.output<typeof bookSchema>;

export interface HcBook {
  id: number;
  title: string;
  subtitle: string | null;
  authors: string[];
  editions: HcEdition[];
}

export function toBook(row: HcBookRow): HcBook {
  return {
    id: row.id,
    title: row.title ?? '',
    subtitle: row.subtitle,
    authors: row.cached_contributors.flatMap((c) => (c.author.name ? [c.author.name] : [])),
    editions: row.editions,
  };
}

export const readSchema = z.object({
  id: z.number().int(),
  edition_id: z.number().int().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  paused_at: z.string().nullable(),
  finished_at_precision: z.number().int().nullable(),
  progress_pages: z.number().int().nullable(),
  progress_seconds: z.number().int().nullable(),
  edition: editionSchema.nullable(),
});
export type HcRead = z.output<typeof readSchema>;

export const userBookStateSchema = z.object({
  id: z.number().int(),
  book_id: z.number().int(),
  status_id: z.number().int(),
  edition: editionSchema.nullable(),
  user_book_reads: z.array(readSchema),
});
export type HcUserBook = z.output<typeof userBookStateSchema>;

export const shelfEntrySchema = userBookStateSchema.extend({ book: bookSchema });
