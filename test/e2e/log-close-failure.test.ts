import { closeSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger } from '../../src/core/log.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-log-close-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('closing the log', () => {
  it('settles, without an uncaught error, when the file can no longer be closed', async () => {
    const file = join(dir, 'shelfsync.log');
    const logger = createLogger({ file, level: 'info' });
    logger.info('before the disk went away');
    // The descriptor is gone from under the logger (a removed disk, say): closing it fails with EBADF.
    const stream = (logger as unknown as Record<symbol, { fd: number }>)[pino.symbols.streamSym];
    if (!stream) throw new Error('pino keeps no stream under streamSym');
    closeSync(stream.fd);
    stream.fd = 2 ** 30;
    await closeLogger(logger);
    expect(readFileSync(file, 'utf8')).toContain('before the disk went away');
  });
});
