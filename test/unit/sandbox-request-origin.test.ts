import { describe, expect, it } from 'vitest';
import { requestOrigin } from '../../sandbox/core/request-origin.ts';

const LISTEN = 'http://127.0.0.1:4100';

describe('requestOrigin: the origin a client used to reach a stand-in', () => {
  it.each([
    ['no headers at all', {}, LISTEN],
    ['the Host header', { host: 'localhost:4100' }, 'http://localhost:4100'],
    ['the Host header without a port', { host: 'api.discogs.com' }, 'http://api.discogs.com'],
    [
      'a proxy that terminates TLS for the vendor host',
      { host: '127.0.0.1:4100', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.discogs.com' },
      'https://api.discogs.com',
    ],
    [
      'only X-Forwarded-Proto',
      { host: 'api.soundcloud.com', 'x-forwarded-proto': 'https' },
      'https://api.soundcloud.com',
    ],
    [
      'only X-Forwarded-Host',
      { host: '127.0.0.1:4100', 'x-forwarded-host': 'proxy.test:8443' },
      'http://proxy.test:8443',
    ],
    [
      'the first of a proxy chain',
      { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'api.discogs.com, 10.0.0.2:80' },
      'https://api.discogs.com',
    ],
    [
      'a default port',
      { host: 'api.discogs.com:443', 'x-forwarded-proto': 'HTTPS' },
      'https://api.discogs.com',
    ],
    ['a bracketed IPv6 host', { host: '[::1]:4100' }, 'http://[::1]:4100'],
    ['an unknown scheme', { host: 'localhost:4100', 'x-forwarded-proto': 'ftp' }, 'http://localhost:4100'],
    [
      'a forwarded host that would inject text into a Link header',
      { host: 'localhost:4100', 'x-forwarded-host': 'evil.test>; rel=next' },
      'http://localhost:4100',
    ],
    ['a Host with a path', { host: 'evil.test/x' }, LISTEN],
    ['a port out of range', { host: 'localhost:99999' }, LISTEN],
  ])('%s', (_name, headers, expected) => {
    expect(requestOrigin(headers, LISTEN)).toBe(expected);
  });
});
