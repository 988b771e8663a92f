import { describe, expect, it } from 'vitest';
import { createSecretBox, deriveKey } from '../../src/core/crypto/secret-box.ts';
import { findShelfsyncError } from '../../src/core/errors.ts';

const HEX_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('secret box (AES-256-GCM for stored tokens)', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = createSecretBox(HEX_KEY);
    const sealed = box.seal('my-access-token-123', 'access');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('my-access-token-123');
    expect(box.open(sealed, 'access')).toBe('my-access-token-123');
  });

  it('seals the same text differently every time (random IV)', () => {
    const box = createSecretBox(HEX_KEY);
    expect(box.seal('same', 'l')).not.toBe(box.seal('same', 'l'));
  });

  it('refuses another key, another label, or a changed byte', () => {
    const box = createSecretBox(HEX_KEY);
    const sealed = box.seal('token', 'access');
    expect(() => createSecretBox('a different passphrase of some length').open(sealed, 'access')).toThrow(
      /cannot be decrypted/,
    );
    expect(() => box.open(sealed, 'refresh')).toThrow(/cannot be decrypted/);
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => box.open(tampered, 'access')).toThrow(/cannot be decrypted/);
    expect(() => box.open('plain-token', 'access')).toThrow(/cannot be decrypted/);
  });

  it('uses a 64-hex key as is, stretches a passphrase, and refuses a short one', () => {
    expect(deriveKey(HEX_KEY).toString('hex')).toBe(HEX_KEY);
    expect(deriveKey('a passphrase that is long').length).toBe(32);
    expect(deriveKey('a passphrase that is long')).toEqual(deriveKey('a passphrase that is long'));
    expect(() => deriveKey('short')).toThrow(/too short/);
  });

  it('still opens a token sealed by an earlier build (format, key stretching and layout are fixed)', () => {
    const sealed = 'v1:UQeS8wNqJ8-4xTZgyepIw04sys0uW_Ub2Yd_K00mgG1aYfsq1vBH';
    expect(createSecretBox('a passphrase that is long').open(sealed, 'access')).toBe('tökén-123');
    expect(deriveKey('a passphrase that is long').toString('hex')).toBe(
      'ce5653410b7edc253eff287cbc8219e814222479724448858bc0aead0286318e',
    );
  });

  it('opens an empty secret, the shortest sealed text there is', () => {
    const box = createSecretBox(HEX_KEY);
    expect(box.open(box.seal('', 'access'), 'access')).toBe('');
  });

  it('refuses another format version, no data, and a text too short to hold IV and tag', () => {
    const box = createSecretBox(HEX_KEY);
    const sealed = box.seal('token', 'access');
    for (const text of [
      sealed.replace(/^v1:/, 'v2:'),
      'v1:',
      'v1',
      'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      let caught: unknown;
      try {
        box.open(text, 'access');
      } catch (error) {
        caught = error;
      }
      const failure = findShelfsyncError(caught);
      expect(failure?.message, text).toBe(
        'the stored sign-in cannot be decrypted with this secret key (was the key changed?); sign in again',
      );
      expect(failure?.code).toBe('auth_failed');
      expect(failure?.service).toBe('shelfsync');
      // Refused from its shape alone, before any decryption is tried.
      expect(failure?.cause, text).toBeUndefined();
    }
  });

  it('says why decryption failed in the cause', () => {
    const sealed = createSecretBox(HEX_KEY).seal('token', 'access');
    let caught: unknown;
    try {
      createSecretBox(HEX_KEY).open(sealed, 'refresh');
    } catch (error) {
      caught = error;
    }
    expect(findShelfsyncError(caught)?.cause).toBeInstanceOf(Error);
  });

  it('trims the key material, reads only an exact 64-hex key as hex, and wants 16 characters', () => {
    expect(deriveKey(`  ${HEX_KEY}\n`).toString('hex')).toBe(HEX_KEY);
    expect(deriveKey(`x${HEX_KEY}`).toString('hex')).not.toBe(HEX_KEY);
    expect(deriveKey(`x${HEX_KEY}`)).toHaveLength(32);
    expect(deriveKey(`${HEX_KEY}x`).toString('hex')).not.toBe(HEX_KEY);
    expect(deriveKey(`${HEX_KEY}x`)).toHaveLength(32);
    expect(deriveKey('sixteen chars!!!')).toHaveLength(32);
    let caught: unknown;
    try {
      deriveKey('  fifteen chars!!  ');
    } catch (error) {
      caught = error;
    }
    const failure = findShelfsyncError(caught);
    expect(failure?.message).toBe(
      'the secret key is too short: use at least 16 characters (e.g. `openssl rand -hex 32`)',
    );
    expect(failure?.code).toBe('config_invalid');
    expect(failure?.service).toBe('shelfsync');
  });
});
