import type { SoundcloudTrack } from '../records/world.ts';
import { parseResourceId, type SoundcloudCatalog } from './catalog.ts';
import { foldText, parseQueryDate, parseSoundcloudTimestamp } from './formats.ts';
import type { Access } from './present.ts';
import type { TrackSearchIndex } from './search-index.ts';

const ACCESS_VALUES: readonly Access[] = ['playable', 'preview', 'blocked'];
export const DEFAULT_ACCESS: readonly Access[] = ['playable', 'preview'];

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const list = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The `access` filter (style form, explode false: "playable,preview"). */
export function readAccess(query: URLSearchParams): Result<readonly Access[]> {
  const values = query.getAll('access').flatMap(list);
  if (values.length === 0) return { ok: true, value: DEFAULT_ACCESS };
  const wrong = values.find((value) => !(ACCESS_VALUES as readonly string[]).includes(value));
  if (wrong) return { ok: false, error: `access: unknown value "${wrong}" (playable, preview, blocked)` };
  return { ok: true, value: values as Access[] };
}

type Range = { from?: number; to?: number };

function readRange(query: URLSearchParams, name: string, parse: (text: string) => number): Result<Range> {
  const range: Range = {};
  for (const end of ['from', 'to'] as const) {
    const text = query.get(`${name}[${end}]`);
    if (text === null || text === '') continue;
    const value = parse(text);
    if (!Number.isFinite(value)) return { ok: false, error: `${name}[${end}] is not valid: "${text}"` };
    range[end] = value;
  }
  return { ok: true, value: range };
}

const parseInteger = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
const inRange = (value: number, range: Range) =>
  (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);

/** Tags as SoundCloud writes tag_list: space-separated, multi-word tags in double quotes. */
function tagsOf(tagList: string): string[] {
  return [...tagList.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => foldText((m[1] ?? m[2] ?? '').trim()));
}

function readIds(query: URLSearchParams): Result<Set<number> | undefined> {
  const refs = [...list(query.get('urns')), ...list(query.get('ids'))];
  if (refs.length === 0) return { ok: true, value: undefined };
  const ids = new Set<number>();
  for (const ref of refs) {
    const id = parseResourceId(ref, 'tracks');
    if (id === undefined) return { ok: false, error: `urns: "${ref}" is not a track urn` };
    ids.add(id);
  }
  return { ok: true, value: ids };
}

/**
 * GET /tracks: the search (ranked by relevance when `q` is given, newest first otherwise) narrowed
 * by the spec's filters. Tracks without a bpm never pass a bpm filter.
 */
export function selectTracks(
  query: URLSearchParams,
  catalog: SoundcloudCatalog,
  index: TrackSearchIndex,
): Result<SoundcloudTrack[]> {
  const access = readAccess(query);
  if (!access.ok) return access;
  const ids = readIds(query);
  if (!ids.ok) return ids;
  const duration = readRange(query, 'duration', parseInteger);
  if (!duration.ok) return duration;
  const bpm = readRange(query, 'bpm', parseInteger);
  if (!bpm.ok) return bpm;
  const created = readRange(query, 'created_at', parseQueryDate);
  if (!created.ok) return created;
  const genres = new Set(list(query.get('genres')).map(foldText));
  const tags = list(query.get('tags')).map(foldText);
  const bpmAsked = bpm.value.from !== undefined || bpm.value.to !== undefined;

  const q = query.get('q')?.trim() ?? '';
  const base = q
    ? index.search(q)
    : [...catalog.tracks].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);

  const selected = base.filter((track) => {
    if (!access.value.includes(track.access)) return false;
    if (ids.value && !ids.value.has(track.id)) return false;
    if (!inRange(track.duration, duration.value)) return false;
    if (bpmAsked) return false;
    if (!inRange(parseSoundcloudTimestamp(track.createdAt), created.value)) return false;
    if (genres.size > 0 && !genres.has(foldText(track.genre ?? ''))) return false;
    if (tags.length > 0) {
      const own = tagsOf(track.tagList);
      if (!tags.some((tag) => own.includes(tag))) return false;
    }
    return true;
  });
  return { ok: true, value: selected };
}
