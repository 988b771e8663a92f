import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/core/http/client.ts';
import { toHeaderRecord } from '../../src/core/http/header-record.ts';
import { encodeBody, pathForMessages, requestPath } from '../../src/core/http/request-target.ts';

describe('requestPath', () => {
  const hardcover = new URL('https://api.hardcover.app/v1');
  const abs = new URL('https://home.example/abs/');

  it('joins the base path and the request path, whatever their slashes', () => {
    expect(requestPath('hardcover', hardcover, '/graphql')).toBe('/v1/graphql');
    expect(requestPath('hardcover', hardcover, 'graphql')).toBe('/v1/graphql');
    expect(requestPath('audiobookshelf', abs, '/api/me')).toBe('/abs/api/me');
    expect(requestPath('discogs', new URL('https://api.discogs.com'), '/users/x/collection')).toBe(
      '/users/x/collection',
    );
  });

  it('encodes query values, repeats arrays and skips undefined and null', () => {
    const path = requestPath('soundcloud', new URL('https://api.soundcloud.com'), '/tracks', {
      q: 'Kind of Blue & more',
      limit: 50,
      linked_partitioning: true,
      access: ['playable', 'preview'],
      cursor: undefined,
      offset: null,
    });
    expect(path).toBe(
      '/tracks?q=Kind+of+Blue+%26+more&limit=50&linked_partitioning=true&access=playable&access=preview',
    );
  });

  it('keeps a query string already in the path and adds to it', () => {
    expect(
      requestPath('discogs', new URL('https://api.discogs.com'), '/database/search?type=release', {
        page: 2,
      }),
    ).toBe('/database/search?type=release&page=2');
  });

  it('accepts an absolute URL on the same origin, such as a next_href', () => {
    const next = 'https://api.soundcloud.com/me/playlists?linked_partitioning=true&cursor=abc';
    expect(requestPath('soundcloud', new URL('https://api.soundcloud.com'), next)).toBe(
      '/me/playlists?linked_partitioning=true&cursor=abc',
    );
  });

  it('refuses an absolute URL on another origin, so credentials stay with their host', () => {
    expect(() =>
      requestPath('soundcloud', new URL('https://api.soundcloud.com'), 'https://evil.example/x'),
    ).toThrow(/another host/);
    expect(() =>
      requestPath('soundcloud', new URL('https://api.soundcloud.com'), 'http://api.soundcloud.com/x'),
    ).toThrow(/another host/);
  });
});

describe('pathForMessages', () => {
  it('drops the query string, which may carry a token', () => {
    expect(pathForMessages('/releases/1?token=secret')).toBe('/releases/1');
    expect(pathForMessages('?token=secret')).toBe('/');
    expect(pathForMessages('/me')).toBe('/me');
  });
});

describe('encodeBody', () => {
  it('sends JSON with its content type', () => {
    expect(encodeBody({ json: { query: '{ me { id } }', variables: {} } })).toEqual({
      payload: '{"query":"{ me { id } }","variables":{}}',
      contentType: 'application/json',
    });
  });

  it('sends forms url-encoded', () => {
    expect(encodeBody({ form: { grant_type: 'refresh_token', refresh_token: 'a b&c' } })).toEqual({
      payload: 'grant_type=refresh_token&refresh_token=a+b%26c',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('sends nothing without a body', () => {
    expect(encodeBody(undefined)).toEqual({});
  });
});

describe('toHeaderRecord', () => {
  it('lower-cases names, joins repeated values and skips undefined', () => {
    expect(
      toHeaderRecord({ Link: ['<a>; rel="next"', '<b>; rel="last"'], 'Content-Length': 12, gone: undefined }),
    ).toEqual({ link: '<a>; rel="next", <b>; rel="last"', 'content-length': '12' });
  });
});

describe('createHttpClient base URL', () => {
  it.each(['not a url', 'ftp://user:secret@files.example/'])(
    'refuses %j as configuration error without echoing it',
    (baseUrl) => {
      let caught: unknown;
      try {
        createHttpClient({ service: 'audiobookshelf', baseUrl });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'config_invalid', service: 'audiobookshelf' });
      expect(String((caught as Error).message)).not.toContain('secret');
    },
  );
});
