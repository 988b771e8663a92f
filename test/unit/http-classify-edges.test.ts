import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../src/core/http/errors-from-response.ts';
import { classifyTransportError } from '../../src/core/http/transport-errors.ts';

const NOW_MS = Date.UTC(2026, 7, 20, 12, 0, 0);

describe('classifyResponse at the edges', () => {
  it.each([100, 101, 199])('does not take the informational status %i for a success', (status) => {
    expect(classifyResponse(status, {}, '', { nowMs: NOW_MS })).toEqual({
      code: 'bad_request',
      retryable: false,
    });
  });

  it('gives a verdict without Retry-After no retryAfterSeconds at all, not one set to undefined', () => {
    // A body classifier sees a copy of the verdict; "has the server said when" is the key's presence.
    const seen: object[] = [];
    const verdict = classifyResponse(503, {}, '', {
      nowMs: NOW_MS,
      classifyBody: (_facts, generic) => {
        seen.push(generic);
        return undefined;
      },
    });
    expect(verdict).toStrictEqual({ code: 'server_error', retryable: true });
    expect(seen).toStrictEqual([{ code: 'server_error', retryable: true }]);
    expect(Object.keys(verdict ?? {})).not.toContain('retryAfterSeconds');
  });
});

describe('classifyTransportError, reading odd error objects', () => {
  it('reads a thrown string or number as an unknown failure', () => {
    for (const thrown of ['ECONNREFUSED', 42, true]) {
      expect(classifyTransportError(thrown)).toEqual({
        code: 'network',
        retryable: true,
        mayHaveReachedServer: true,
        reason: 'the request failed',
      });
    }
  });

  it('does not take a code that names a property every object has for a known failure', () => {
    for (const code of ['constructor', 'toString', '__proto__']) {
      const error = Object.assign(new Error('odd'), { code });
      expect(classifyTransportError(error)).toEqual({
        code: 'network',
        retryable: true,
        mayHaveReachedServer: true,
        reason: 'the request failed',
      });
    }
  });

  it('looks past an unknown code on the outer error to the known one it wraps', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const outer = Object.assign(new Error('request failed', { cause: inner }), { code: 'UND_ERR_NEW' });
    expect(classifyTransportError(outer)).toMatchObject({ reason: 'the connection was refused' });
  });
});
