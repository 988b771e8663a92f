import { z } from 'zod';
import type { StandInRequest } from '../core/stand-in.ts';
import type { PlaylistChanges } from './playlist-store.ts';

/**
 * The body of POST /playlists and PUT /playlists/:urn: JSON `{"playlist":{…}}` (the spec's
 * CreateUpdatePlaylistRequest) or form fields `playlist[title]`, `playlist[tracks][][urn]`, …
 * (CreateUpdatePlaylistFormRequest, multipart or urlencoded).
 */
export interface PlaylistPayload {
  changes: Omit<PlaylistChanges, 'trackIds'>;
  /** Track references as sent (URN or numeric id); undefined when the body has no tracks key. */
  trackRefs: string[] | undefined;
}

export type PayloadResult = { ok: true; payload: PlaylistPayload } | { ok: false; message: string };

const text = z.string().nullable().optional();

const trackRefSchema = z.looseObject({
  urn: z.string().optional(),
  id: z.union([z.number().int(), z.string()]).optional(),
});

const playlistSchema = z.looseObject({
  title: z.string().optional(),
  description: text,
  sharing: z.enum(['public', 'private']).optional(),
  tracks: z.array(trackRefSchema).optional(),
  set_type: z.enum(['album', 'playlist', '']).optional(),
  genre: text,
  tag_list: text,
  label_name: text,
  license: text,
  permalink: text,
  purchase_title: text,
  purchase_url: text,
  release: text,
  release_date: text,
  ean: text,
});

const bodySchema = z.looseObject({ playlist: playlistSchema });

type PlaylistBody = z.infer<typeof playlistSchema>;

const FORM_FIELD = /^playlist\[([a-z_]+)\]$/;

async function readForm(request: StandInRequest, contentType: string): Promise<unknown> {
  const form = await new Response(new Uint8Array(request.body), {
    headers: { 'content-type': contentType },
  }).formData();
  const playlist: Record<string, unknown> = {};
  const refs: { urn?: string; id?: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue; // artwork_data and other files are accepted and ignored
    if (key === 'playlist[tracks][][urn]' || key === 'playlist[tracks][][id]') {
      const field = key.endsWith('[urn]') ? 'urn' : 'id';
      for (const part of value.split(',')) if (part.trim()) refs.push({ [field]: part.trim() });
      continue;
    }
    const m = FORM_FIELD.exec(key);
    if (m?.[1]) playlist[m[1]] = value;
  }
  if (refs.length > 0) playlist.tracks = refs;
  return { playlist };
}

function toChanges(body: PlaylistBody): PlaylistPayload {
  const value = (input: string | null | undefined) => (input === undefined ? undefined : (input ?? ''));
  const changes: PlaylistPayload['changes'] = {
    title: body.title,
    description: value(body.description),
    sharing: body.sharing,
    setType: body.set_type,
    genre: value(body.genre),
    tagList: value(body.tag_list),
    labelName: value(body.label_name),
    license: value(body.license),
    purchaseTitle: value(body.purchase_title),
    purchaseUrl: value(body.purchase_url),
    release: value(body.release),
    releaseDate: value(body.release_date),
    ean: value(body.ean),
  };
  if (body.permalink) changes.permalink = body.permalink;
  const trackRefs = body.tracks?.map((ref) =>
    (ref.urn ?? (ref.id === undefined ? '' : String(ref.id))).trim(),
  );
  return { changes, trackRefs };
}

export async function parsePlaylistPayload(request: StandInRequest): Promise<PayloadResult> {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  let raw: unknown;
  if (contentType.includes('application/json')) {
    try {
      raw = JSON.parse(request.body.toString('utf8'));
    } catch {
      return { ok: false, message: 'Could not parse JSON request body.' };
    }
  } else if (
    contentType.includes('application/x-www-form-urlencoded') ||
    contentType.includes('multipart/form-data')
  ) {
    try {
      raw = await readForm(request, contentType);
    } catch {
      return { ok: false, message: 'Could not parse form request body.' };
    }
  } else if (request.body.length === 0) {
    raw = { playlist: {} };
  } else {
    return { ok: false, message: 'Could not parse JSON request body.' };
  }
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'playlist';
    return { ok: false, message: `${where}: ${issue?.message ?? 'invalid value'}` };
  }
  return { ok: true, payload: toChanges(parsed.data.playlist) };
}
