import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger } from '../../src/core/log.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-log-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Descriptors this process holds open on `file` (Linux: /proc/self/fd). */
function openDescriptors(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('the log file', () => {
  it('creates missing folders, private to the user, and the file readable only by them', async () => {
    const file = join(dir, 'state', 'shelfsync', 'shelfsync.log');
    const logger = createLogger({ file, level: 'info' });
    logger.info('hello');
    await closeLogger(logger);
    expect(statSync(join(dir, 'state', 'shelfsync')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('has each line on disk as soon as it is logged, with the process id', async () => {
    const file = join(dir, 'shelfsync.log');
    const logger = createLogger({ file, level: 'info' });
    logger.info({ step: 1 }, 'written at once');
    expect(linesOf(file)).toEqual([
      expect.objectContaining({ msg: 'written at once', step: 1, pid: process.pid }),
    ]);
    await closeLogger(logger);
  });

  it('appends to the lines of earlier runs', async () => {
    const file = join(dir, 'shelfsync.log');
    const first = createLogger({ file, level: 'info' });
    first.info('first run');
    await closeLogger(first);
    const second = createLogger({ file, level: 'info' });
    second.info('second run');
    await closeLogger(second);
    expect(linesOf(file).map((line) => line.msg)).toEqual(['first run', 'second run']);
  });

  it.runIf(process.platform === 'linux')('closes the file, and a second close does nothing', async () => {
    const file = join(dir, 'shelfsync.log');
    const logger = createLogger({ file, level: 'info' });
    logger.info('open');
    expect(openDescriptors(file)).toBe(1);
    await closeLogger(logger);
    expect(openDescriptors(file)).toBe(0);
    await expect(closeLogger(logger)).resolves.toBeUndefined();
  });
});
