import { describe, expect, it } from 'vitest';
import { SecretRedactor } from '../../src/core/secrets.ts';

describe('SecretRedactor', () => {
  it('replaces every occurrence of a known secret, also in its JSON-escaped form', () => {
    const redactor = new SecretRedactor(['hc_pat_123456', 'we"ird\\secret']);
    expect(redactor.redact('a hc_pat_123456 b hc_pat_123456')).toBe('a [redacted] b [redacted]');
    expect(redactor.redact(JSON.stringify({ note: 'x we"ird\\secret y' }))).toBe('{"note":"x [redacted] y"}');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const redactor = new SecretRedactor(['abcd', 'abcdefgh']);
    expect(redactor.redact('abcdefgh')).toBe('[redacted]');
  });

  it('ignores values too short to be secrets, and takes secrets added later', () => {
    const redactor = new SecretRedactor(['', 'ab']);
    expect(redactor.redact('ab 12')).toBe('ab 12');
    redactor.add('access-token-from-oauth');
    expect(redactor.redact('got access-token-from-oauth')).toBe('got [redacted]');
  });

  it.each([
    ['Authorization: Bearer eyJhbGciOi.J9x', 'Authorization: Bearer [redacted]'],
    ['authorization: bearer abc', 'authorization: bearer [redacted]'],
    ['Authorization: OAuth 2-abc', 'Authorization: OAuth [redacted]'],
    ['Authorization: Discogs token=AbCdEf', 'Authorization: Discogs token=[redacted]'],
    ['GET /users/me/collection?token=AbC&page=2', 'GET /users/me/collection?token=[redacted]&page=2'],
    ['grant refresh_token=r1 client_secret=s2', 'grant refresh_token=[redacted] client_secret=[redacted]'],
  ])('hides unknown credentials by their shape: %j', (input, expected) => {
    expect(new SecretRedactor().redact(input)).toBe(expected);
  });

  it('keeps JSON escapes after a credential intact', () => {
    expect(new SecretRedactor().redact('"x ?token=abc\\n at y"')).toBe('"x ?token=[redacted]\\n at y"');
  });

  it('leaves ordinary text alone', () => {
    const text = 'synced 12 books for alice; 3 not found';
    expect(new SecretRedactor(['hc-secret']).redact(text)).toBe(text);
  });
});
