import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { ShelfsyncError } from '../errors.ts';

/**
 * Seals short secrets (OAuth tokens) for storage with AES-256-GCM. The sealed text names its format
 * version, so a later key scheme can read old rows. A label is bound as associated data, so a sealed
 * access token cannot be passed off as a refresh token.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Fixed on purpose: the key is already secret; the salt only separates this use from any other. */
const KDF_SALT = 'shelfsync/secret-box/v1';

export interface SecretBox {
  seal(plain: string, label: string): string;
  open(sealed: string, label: string): string;
}

/** A 64-hex-digit key is used as is; any other text of 16+ characters is stretched with scrypt. */
export function deriveKey(material: string): Buffer {
  const text = material.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (text.length < 16) {
    throw new ShelfsyncError(
      'the secret key is too short: use at least 16 characters (e.g. `openssl rand -hex 32`)',
      { code: 'config_invalid', service: 'shelfsync' },
    );
  }
  return scryptSync(text, KDF_SALT, 32);
}

export function createSecretBox(material: string): SecretBox {
  const key = deriveKey(material);
  return {
    seal(plain, label) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(label));
      const body = Buffer.concat([cipher.update(Buffer.from(plain)), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, label) {
      const [version, data] = sealed.split(':');
      if (version !== VERSION || !data) throw unreadable();
      const bytes = Buffer.from(data, 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw unreadable();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(label));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (error) {
        throw unreadable(error);
      }
    },
  };
}

function unreadable(cause?: unknown): ShelfsyncError {
  return new ShelfsyncError(
    'the stored sign-in cannot be decrypted with this secret key (was the key changed?); sign in again',
    { code: 'auth_failed', service: 'shelfsync', cause },
  );
}
