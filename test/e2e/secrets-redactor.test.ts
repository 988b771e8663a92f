import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger } from '../../src/core/log.ts';
import { SecretRedactor } from '../../src/core/secrets.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-redactor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('which values the log hides', () => {
  it('hides a secret of four characters, the shortest it takes, and keeps shorter values readable', async () => {
    const file = join(dir, 'shelfsync.log');
    const logger = createLogger({ file, level: 'info', secrets: ['k3y9', 'p1n'] });
    logger.info({ pin: 'p1n' }, 'code k3y9 sent');
    await closeLogger(logger);
    const line = JSON.parse(readFileSync(file, 'utf8')) as { msg: string; pin: string };
    expect(line.msg).toBe('code [redacted] sent');
    expect(line.pin).toBe('p1n');
  });

  it('hides a secret with quotes and backslashes in its raw form, as an error message may carry it', () => {
    const redactor = new SecretRedactor(['pa"ss\\word']);
    expect(redactor.redact('login failed for pa"ss\\word')).toBe('login failed for [redacted]');
  });

  it('hides each of several secrets, added at once and later, wherever they repeat', () => {
    const redactor = new SecretRedactor(['first-secret', 'second-secret']);
    redactor.add('third-secret');
    redactor.add('first-secret');
    expect(redactor.redact('first-secret second-secret third-secret first-secret')).toBe(
      '[redacted] [redacted] [redacted] [redacted]',
    );
  });

  it('changes nothing in text without secrets or credentials, whatever the text', () => {
    const redactor = new SecretRedactor();
    for (const text of ['', 'synced 12 books', '[redacted]', 'a"b\\c']) {
      expect(redactor.redact(text)).toBe(text);
    }
  });
});
