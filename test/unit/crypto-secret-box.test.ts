import { describe, expect, it } from 'vitest';
import { createSecretBox, deriveKey } from '../../src/core/crypto/secret-box.ts';

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
});
