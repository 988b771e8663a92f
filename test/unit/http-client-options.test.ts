import { afterEach, describe, expect, it } from 'vitest';
import { findShelfsyncError } from '../../src/core/errors.ts';
import { timeoutFromEnvironment } from '../../src/core/http/client.ts';
import { createHttpClient, type HttpClient } from '../../src/core/http/index.ts';

describe('timeoutFromEnvironment', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['250', 250],
    [' 250 ', 250],
    ['1', 1],
    ['0', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ])('SHELFSYNC_HTTP_TIMEOUT_MS=%j → %s', (value, expected) => {
    const env = value === undefined ? {} : { SHELFSYNC_HTTP_TIMEOUT_MS: value };
    expect(timeoutFromEnvironment(env)).toBe(expected);
  });
});

describe('createHttpClient base URL', () => {
  const clients: HttpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  it('takes http and https addresses', () => {
    for (const baseUrl of ['http://127.0.0.1:9/v1', 'https://api.hardcover.app/v1/graphql']) {
      const client = createHttpClient({ service: 'hardcover', baseUrl });
      clients.push(client);
      expect(client.service).toBe('hardcover');
    }
  });

  it.each(['ftp://example.com', 'not a url', ''])('refuses %j without repeating it', (baseUrl) => {
    let caught: unknown;
    try {
      clients.push(createHttpClient({ service: 'hardcover', baseUrl }));
    } catch (error) {
      caught = error;
    }
    const failure = findShelfsyncError(caught);
    expect(failure?.code).toBe('config_invalid');
    expect(failure?.service).toBe('hardcover');
    expect(failure?.message).toBe('The Hardcover URL in the configuration is not an http(s) address.');
  });
});
