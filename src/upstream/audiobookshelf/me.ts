import { z } from 'zod';
import type { HttpClient } from '../../core/http/index.ts';

export const mediaProgressSchema = z.object({
  id: z.string(),
  libraryItemId: z.string(),
  episodeId: z.string().nullable().optional(),
  mediaItemType: z.string().optional(),
  duration: z.coerce.number().nullable().optional(),
  progress: z.coerce.number().nullable().optional(),
  currentTime: z.coerce.number().nullable().optional(),
  isFinished: z.boolean(),
  ebookProgress: z.coerce.number().nullable().optional(),
  lastUpdate: z.number().nullable().optional(),
  startedAt: z.number().nullable().optional(),
  finishedAt: z.number().nullable().optional(),
});
export type MediaProgress = z.output<typeof mediaProgressSchema>;

const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  type: z.string(),
  mediaProgress: z.array(mediaProgressSchema),
});
export type AudiobookshelfMe = z.output<typeof meSchema>;

/** The user with every progress row, in one call. */
export async function fetchMe(client: HttpClient): Promise<AudiobookshelfMe> {
  const { data } = await client.request({ path: '/api/me', schema: meSchema });
  return data;
}

/** `/ping` needs no token: it tells "server down" apart from "token refused". */
export async function ping(client: HttpClient): Promise<void> {
  await client.request({ path: '/ping', schema: z.object({ success: z.literal(true) }) });
}
