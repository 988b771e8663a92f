import { html, type Reply, redirect } from '../core/reply.ts';
import type { SoundcloudApp } from '../records/world.ts';
import type { TokenStore } from './token-store.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** RFC 7636 §4.2: 43–128 characters of the unreserved set (an S256 challenge is 43). */
const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const isLoopback = (url: URL) => url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);

/**
 * Registered redirect URIs match exactly, except that a loopback URI matches on any port
 * (RFC 8252 §7.3, what native apps such as our CLI rely on). An app without registered URIs is
 * treated as a desktop app: any http loopback URI is accepted.
 */
export function redirectUriAllowed(app: SoundcloudApp, redirectUri: string): boolean {
  const url = parseUrl(redirectUri);
  if (!url || url.hash) return false;
  if (!app.redirectUris || app.redirectUris.length === 0) return isLoopback(url);
  return app.redirectUris.some((registered) => {
    if (registered === redirectUri) return true;
    const known = parseUrl(registered);
    if (!known || !isLoopback(known) || !isLoopback(url)) return false;
    return known.hostname === url.hostname && known.pathname === url.pathname && known.search === url.search;
  });
}

function errorPage(title: string, detail: string): Reply {
  return html(
    400,
    `<!doctype html><html><head><title>SoundCloud - ${title}</title></head>` +
      `<body><h1>${title}</h1><p>${detail}</p></body></html>`,
  );
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) target.searchParams.set(key, value);
  return redirect(302, target.toString());
}

/**
 * GET /authorize on secure.soundcloud.com. The stand-in's user is always logged in and clicks
 * Allow at once, so a valid request is answered with the redirect carrying the code. Errors follow
 * RFC 6749 §4.1.2.1: without a known client and a trusted redirect URI the user sees an error page
 * (no redirect); after that, errors go back to the client as `error=` on the redirect URI.
 */
export function handleAuthorize(query: URLSearchParams, app: SoundcloudApp, tokens: TokenStore): Reply {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!clientId || clientId !== app.clientId) {
    return errorPage('Invalid client', 'The application could not be found (invalid client_id).');
  }
  if (!redirectUri || !redirectUriAllowed(app, redirectUri)) {
    return errorPage('Invalid redirect_uri', 'The redirect_uri does not match the application settings.');
  }
  const state = query.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectWith(redirectUri, { error, error_description: description, state });

  if (query.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'response_type must be code');
  }
  const challenge = query.get('code_challenge');
  if (!challenge) return fail('invalid_request', 'code_challenge is required');
  if (query.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256');
  }
  if (!CHALLENGE.test(challenge)) return fail('invalid_request', 'code_challenge is malformed');

  const code = tokens.issueCode({ clientId, userId: app.accountUserId, redirectUri, challenge });
  return redirectWith(redirectUri, { code, state });
}
