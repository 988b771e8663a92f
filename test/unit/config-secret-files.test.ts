import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { secret } from '../../src/core/config/schema-parts.ts';
import { secretSchemas } from '../../src/core/config/schema-walk.ts';
import { fileErrorReason, resolveSecretFiles } from '../../src/core/config/secret-files.ts';

const bareSecret = z.string();
secretSchemas.add(bareSecret);

const schema = z.object({
  service: z.object({
    token: secret('the service token'),
    key: bareSecret.optional(),
    url: z.string().optional(),
  }),
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-secret-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function resolve(service: Record<string, unknown>) {
  const raw: Record<string, unknown> = { service };
  const result = await resolveSecretFiles(raw, schema, { baseDir: dir, home: join(dir, 'home') });
  return { ...result, failed: [...result.failed], service: raw.service };
}

describe('resolveSecretFiles', () => {
  it('reads a file named with spaces around its path', async () => {
    writeFileSync(join(dir, 'token.txt'), '  t0ken\n', { mode: 0o600 });
    expect(await resolve({ token_file: '  token.txt  ' })).toEqual({
      problems: [],
      warnings: [],
      failed: [],
      service: { token: 't0ken' },
    });
  });

  it.each([['   '], [''], [5], [null]])('wants a path in the _file key, not %j', async (value) => {
    expect(await resolve({ token_file: value, key_file: value })).toEqual({
      problems: [
        { path: 'service.token_file', message: 'expected the path of a file holding the service token' },
        { path: 'service.key_file', message: 'expected the path of a file holding the secret' },
      ],
      warnings: [],
      failed: ['service.token', 'service.key'],
      service: {},
    });
  });

  it('strips a leading "Bearer " in any case, with any spacing, and says so', async () => {
    expect(await resolve({ token: 'BEARER \t t0ken', key: 'bearer k3y' })).toEqual({
      problems: [],
      warnings: [
        'service.token: removed a leading "Bearer " from the value; give the bare token (shelfsync adds "Bearer" itself)',
        'service.key: removed a leading "Bearer " from the value; give the bare token (shelfsync adds "Bearer" itself)',
      ],
      failed: [],
      service: { token: 't0ken', key: 'k3y' },
    });
  });

  it('leaves "bearer" alone anywhere but at the start, and values that are not text', async () => {
    const list = ['Bearer t0ken'];
    expect(await resolve({ token: 'my-bearer t0ken', key: list, url: 'Bearer x' })).toEqual({
      problems: [],
      warnings: [],
      failed: [],
      service: { token: 'my-bearer t0ken', key: list, url: 'Bearer x' },
    });
    expect(await resolve({ token: 'Bearer' })).toMatchObject({ warnings: [], service: { token: 'Bearer' } });
  });
});

describe('fileErrorReason', () => {
  const withCode = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });

  it.each([
    [withCode('ENOENT'), 'no such file'],
    [withCode('EACCES'), 'permission denied'],
    [withCode('EPERM'), 'permission denied'],
    [withCode('EISDIR'), 'it is a folder'],
    [withCode('ENOTDIR'), 'a part of the path is not a folder'],
    [withCode('ELOOP'), 'ELOOP'],
    [new Error('no code'), 'no code'],
    ['a string', 'a string'],
    [undefined, 'undefined'],
  ])('%o → %s', (error, expected) => {
    expect(fileErrorReason(error)).toBe(expected);
  });
});
