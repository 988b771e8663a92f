import type { IncomingHttpHeaders } from 'node:http';

/** A host header value: a name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The first value of a header that proxies may repeat or join with commas. */
function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/**
 * The origin the client used to reach a stand-in, for the absolute URLs the vendors put in their
 * bodies and headers: `X-Forwarded-Proto` and `X-Forwarded-Host` when a proxy set them, else the
 * `Host` header, else the address the server listens on. A client that reaches the stand-in as
 * `https://api.discogs.com` through a proxy then gets links on that host, and one on
 * `127.0.0.1:PORT` gets links it can follow. Values that are not a plain host are ignored, so a
 * header cannot inject text into a `Link` header or a body.
 */
export function requestOrigin(headers: IncomingHttpHeaders, listenOrigin: string): string {
  const listening = new URL(listenOrigin);
  const proto = firstValue(headers['x-forwarded-proto'])?.toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : listening.protocol.slice(0, -1);
  const candidates = [firstValue(headers['x-forwarded-host']), firstValue(headers.host)];
  const host = candidates.find((value) => value !== undefined && HOST.test(value)) ?? listening.host;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return listening.origin;
  }
}
