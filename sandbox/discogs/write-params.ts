import { z } from 'zod';
import type { StandInRequest } from '../core/stand-in.ts';

const jsonBody = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * Parameters of a write: Discogs takes them from the query string or the body (JSON or form-encoded).
 * Returns undefined when the body is not parseable, which Discogs answers with 422.
 */
export function writeParams(request: StandInRequest): Map<string, string> | undefined {
  const params = new Map<string, string>();
  for (const [key, value] of request.url.searchParams) params.set(key, value);
  const text = request.body.toString('utf8').trim();
  if (text === '') return params;
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(text)) params.set(key, value);
    return params;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const body = jsonBody.safeParse(parsed);
  if (!body.success) return undefined;
  for (const [key, value] of Object.entries(body.data)) if (value !== null) params.set(key, String(value));
  return params;
}

/** An integer parameter in [min, max]; `undefined` when absent, `null` when present but invalid. */
export function intParam(
  params: Map<string, string>,
  key: string,
  min: number,
  max: number,
): number | undefined | null {
  const raw = params.get(key);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}
