import { html, json, type Reply } from '../core/reply.ts';
import { withPythonJson } from './python-json.ts';

/** Discogs' documented error bodies (developer docs and API-NOTES 3.2). */
export const MESSAGES = {
  unauthenticated: 'You must authenticate to access this resource.',
  forbidden: "You don't have permission to access this resource.",
  notFound: 'The requested resource was not found.',
  releaseNotFound: 'Release not found.',
  masterNotFound: 'Master Release not found.',
  artistNotFound: 'Artist not found.',
  labelNotFound: 'Label not found.',
  // Not in the docs; as api.discogs.com answered a client's live tests in 2026 (damidhagor/DiscogsApiClient
  // test recordings Collection.*.json).
  userNotFound: 'User does not exist or may have been deleted.',
  folderNotFound: 'The requested folder does not exist.',
  instanceNotFound: "The requested collection item does not exist in this user's collection.",
  targetFolderNotFound: 'Invalid folder_id: folder does not exist.',
  // The live text for the rating and stats resources of a release that does not exist.
  releaseGone: 'Release does not exist or may have been deleted.',
  notInWantlist: "That release does not exist in the user's wantlist.",
  tooManyRequests: 'You are making requests too quickly.',
  serverError: 'Query time exceeded. Please try a simpler query.',
} as const;

export function message(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return withPythonJson(json(status, { message: text }, headers));
}

export function unauthenticated(): Reply {
  return message(401, MESSAGES.unauthenticated, {
    'www-authenticate': 'OAuth realm="https://api.discogs.com"',
  });
}

export function forbidden(): Reply {
  return message(403, MESSAGES.forbidden);
}

export function notFound(text: string = MESSAGES.notFound): Reply {
  return message(404, text);
}

/** 422 for a well-formed request that makes no sense (docs FAQ 7). */
export function unprocessable(text: string): Reply {
  return message(422, text);
}

export function methodNotAllowed(): Reply {
  return message(405, 'Method Not Allowed');
}

/**
 * Injected faults: Discogs' own 429 body (it sends no Retry-After; clients back off on the rate
 * headers), its JSON 500, and the HTML a gateway in front of it gives for 502/503.
 */
export function discogsFaultReply(kind: '429' | '500' | '502' | '503'): Reply {
  if (kind === '429') return message(429, MESSAGES.tooManyRequests);
  if (kind === '500') return message(500, MESSAGES.serverError);
  const title = kind === '502' ? '502 Bad Gateway' : '503 Service Unavailable';
  return html(
    Number(kind),
    `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  );
}
