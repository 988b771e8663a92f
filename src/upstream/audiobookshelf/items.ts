import { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';

const personSchema = z.object({ name: z.string() }).loose();

/** The expanded item JSON `POST /api/items/batch/get` returns, reduced to what a sync needs. */
const itemSchema = z
  .object({
    id: z.string(),
    libraryId: z.string(),
    mediaType: z.string(),
    media: z
      .object({
        metadata: z
          .object({
            title: z.string().nullable().optional(),
            subtitle: z.string().nullable().optional(),
            authors: z.array(personSchema).optional(),
            authorName: z.string().nullable().optional(),
            isbn: z.string().nullable().optional(),
            asin: z.string().nullable().optional(),
          })
          .loose(),
        duration: z.coerce.number().nullable().optional(),
        numAudioFiles: z.number().nullable().optional(),
        audioFiles: z.array(z.unknown()).optional(),
        ebookFile: z.unknown().optional(),
        ebookFormat: z.string().nullable().optional(),
      })
      .loose(),
  })
  .loose();

export interface AbsItemDetails {
  id: string;
  libraryId: string;
  mediaType: string;
  title: string;
  subtitle: string | null;
  authors: string[];
  isbn: string | null;
  asin: string | null;
  /** Seconds of audio; 0 when the item has none. */
  duration: number;
  hasAudio: boolean;
  hasEbook: boolean;
}

function toDetails(item: z.output<typeof itemSchema>): AbsItemDetails {
  const { metadata } = item.media;
  const authors =
    metadata.authors?.map((author) => author.name) ??
    (metadata.authorName ? metadata.authorName.split(/\s*,\s*/) : []);
  const audioFiles = item.media.numAudioFiles ?? item.media.audioFiles?.length ?? 0;
  return {
    id: item.id,
    libraryId: item.libraryId,
    mediaType: item.mediaType,
    title: metadata.title ?? '',
    subtitle: metadata.subtitle ?? null,
    authors: authors.filter((name) => name.trim() !== ''),
    isbn: metadata.isbn?.trim() || null,
    asin: metadata.asin?.trim() || null,
    duration: item.media.duration ?? 0,
    hasAudio: audioFiles > 0,
    hasEbook: Boolean(item.media.ebookFile) || Boolean(item.media.ebookFormat),
  };
}

const BATCH_SIZE = 100;
// Built once: zod compiles a parser for each new object schema the first time it parses.
const batchSchema = z.object({ libraryItems: z.array(itemSchema) });

/** Item details for the given ids, in batches; unknown ids are simply missing from the answer. */
export async function fetchItems(client: HttpClient, ids: readonly string[]): Promise<AbsItemDetails[]> {
  const out: AbsItemDetails[] = [];
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const { data } = await client.request({
      method: 'POST',
      path: '/api/items/batch/get',
      body: { json: { libraryItemIds: ids.slice(start, start + BATCH_SIZE) } },
      schema: batchSchema,
      idempotent: true,
    });
    out.push(...data.libraryItems.map(toDetails));
  }
  return out;
}

const librarySchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string() }).loose();
export type AbsLibrary = z.output<typeof librarySchema>;

/** The libraries this user may see. */
export async function fetchLibraries(client: HttpClient): Promise<AbsLibrary[]> {
  const { data } = await client.request({
    path: '/api/libraries',
    schema: z.object({ libraries: z.array(librarySchema) }),
  });
  return data.libraries;
}
