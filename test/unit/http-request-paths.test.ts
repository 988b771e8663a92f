import { describe, expect, it } from 'vitest';
import { requestPath } from '../../src/core/http/request-target.ts';

describe('requestPath, where the request goes', () => {
  const soundcloud = new URL('https://api.soundcloud.com');
  const hardcover = new URL('https://api.hardcover.app/v1');

  it('sends a relative path with a URL in its query to the configured host', () => {
    // SoundCloud's resolve endpoint takes a whole page address as a query value.
    expect(requestPath('soundcloud', soundcloud, '/resolve?url=https://soundcloud.com/artist/set')).toBe(
      '/resolve?url=https://soundcloud.com/artist/set',
    );
  });

  it('keeps the inner slashes of a relative path without a leading one', () => {
    expect(requestPath('discogs', new URL('https://api.discogs.com'), 'users/adam/collection/folders')).toBe(
      '/users/adam/collection/folders',
    );
    expect(requestPath('hardcover', hardcover, 'me/books')).toBe('/v1/me/books');
  });

  it('reads any number of leading slashes as one separator', () => {
    expect(requestPath('hardcover', hardcover, '//graphql')).toBe('/v1/graphql');
    expect(requestPath('hardcover', hardcover, '///graphql')).toBe('/v1/graphql');
  });

  it('reads any number of trailing slashes on the base URL as one separator', () => {
    const base = new URL('https://home.example/abs//');
    expect(requestPath('audiobookshelf', base, '/api/me')).toBe('/abs/api/me');
  });
});
