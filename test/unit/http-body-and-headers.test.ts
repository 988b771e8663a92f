import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findShelfsyncError } from '../../src/core/errors.ts';
import { parseBodyLeniently } from '../../src/core/http/errors-from-response.ts';
import { failureMessage } from '../../src/core/http/failure-messages.ts';
import { toHeaderRecord } from '../../src/core/http/header-record.ts';
import { decodeJson, readBodyText } from '../../src/core/http/response-body.ts';

const exchange = { service: 'discogs', method: 'GET', path: '/releases/1' } as const;

function failureOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return findShelfsyncError(error);
  }
  throw new Error('expected a failure');
}

describe('readBodyText', () => {
  async function* inTwo(bytes: Buffer, at: number): AsyncGenerator<Uint8Array> {
    yield bytes.subarray(0, at);
    yield bytes.subarray(at);
  }

  it('reads the same text as Buffer.toString wherever the chunks split a character, BOM kept', async () => {
    const bytes = Buffer.concat([
      Buffer.from('\uFEFF{"title":"Ärzte – ✓ 😀"}', 'utf8'),
      Buffer.from([0xff, 0xe2, 0x82]),
    ]);
    for (let at = 0; at <= bytes.length; at++) {
      const counted: number[] = [];
      const text = await readBodyText(inTwo(bytes, at), (count) => counted.push(count));
      expect(text).toBe(bytes.toString('utf8'));
      expect(counted).toEqual([at, bytes.length - at]);
    }
  });
});

describe('toHeaderRecord', () => {
  it('lower-cases names and joins repeated values as a list', () => {
    expect(
      toHeaderRecord({
        'Set-Cookie': ['a=1', 'b=2'],
        'Content-Length': 12,
        'X-Seen': 'one',
        'x-seen': 'two',
        gone: undefined,
      }),
    ).toEqual({ 'set-cookie': 'a=1, b=2', 'content-length': '12', 'x-seen': 'one, two' });
  });

  it('reads a fetch Headers object', () => {
    const headers = new Headers([
      ['X-Count', '1'],
      ['Link', '<a>'],
    ]);
    expect(toHeaderRecord(headers)).toEqual({ 'x-count': '1', link: '<a>' });
  });
});

describe('parseBodyLeniently', () => {
  it('gives JSON as data and anything else as the text itself', () => {
    expect(parseBodyLeniently('{"error":"quota"}')).toEqual({ error: 'quota' });
    expect(parseBodyLeniently('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
    expect(parseBodyLeniently('')).toBe('');
  });
});

describe('decodeJson', () => {
  it('returns the parsed body when it fits the schema', () => {
    expect(decodeJson(exchange, 200, '{"id":1}', z.object({ id: z.number() }))).toEqual({ id: 1 });
  });

  it('calls a body cut short a bad response worth another try', () => {
    const failure = failureOf(() => decodeJson(exchange, 200, '{"id":', z.object({ id: z.number() })));
    expect(failure?.code).toBe('bad_response');
    expect(failure?.retryable).toBe(true);
  });

  it('calls JSON of the wrong shape a bad response not worth another try', () => {
    const failure = failureOf(() => decodeJson(exchange, 200, '{"id":"one"}', z.object({ id: z.number() })));
    expect(failure?.code).toBe('bad_response');
    expect(failure?.retryable).toBe(false);
  });

  it('says which exchange answered badly and keeps the body for diagnosis', () => {
    const failure = failureOf(() =>
      decodeJson(exchange, 502, '<html>bad gateway</html>', z.object({ id: z.number() })),
    );
    expect(failure?.message).toBe(failureMessage('bad_response', exchange));
    expect(failure).toMatchObject({ service: 'discogs', status: 502 });
    expect(failure?.cause).toMatchObject({
      method: 'GET',
      path: '/releases/1',
      status: 502,
      bodyExcerpt: '<html>bad gateway</html>',
      mayHaveReachedServer: true,
    });
  });
});
