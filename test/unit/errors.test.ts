import { describe, expect, it } from 'vitest';
import {
  ExitCode,
  exitCodeFor,
  findShelfsyncError,
  isRetryable,
  ShelfsyncError,
} from '../../src/core/errors.ts';

describe('exit codes', () => {
  it.each([
    ['config_invalid', ExitCode.usage],
    ['usage', ExitCode.usage],
    ['network', ExitCode.upstream],
    ['rate_limited', ExitCode.upstream],
    ['auth_failed', ExitCode.upstream],
    ['conflict', ExitCode.itemsFailed],
  ] as const)('%s maps to %i', (code, exit) => {
    expect(exitCodeFor(new ShelfsyncError('x', { code, service: 'hardcover' }))).toBe(exit);
  });

  it('finds a wrapped error through its cause chain', () => {
    const inner = new ShelfsyncError('down', { code: 'network', service: 'discogs', retryable: true });
    const outer = new Error('sync failed', { cause: inner });
    expect(findShelfsyncError(outer)).toBe(inner);
    expect(isRetryable(outer)).toBe(true);
    expect(exitCodeFor(outer)).toBe(ExitCode.upstream);
  });

  it('treats unknown errors as a failed run, not a usage error', () => {
    expect(exitCodeFor(new Error('boom'))).toBe(ExitCode.itemsFailed);
    expect(isRetryable('nope')).toBe(false);
  });
});
