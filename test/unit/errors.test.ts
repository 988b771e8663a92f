import { describe, expect, it } from 'vitest';
import {
  ExitCode,
  exitCodeFor,
  findShelfsyncError,
  isRetryable,
  ShelfsyncError,
  usageError,
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

  it('stops walking a cause chain that loops, or that runs deeper than ten links', () => {
    const looping = new Error('a');
    const other = new Error('b', { cause: looping });
    looping.cause = other;
    expect(findShelfsyncError(looping)).toBeUndefined();
    expect(exitCodeFor(looping)).toBe(ExitCode.itemsFailed);

    const found = new ShelfsyncError('down', { code: 'network', service: 'discogs' });
    const wrap = (error: Error, times: number): Error =>
      times === 0 ? error : wrap(new Error(`wrapper ${times}`, { cause: error }), times - 1);
    expect(findShelfsyncError(wrap(found, 9))).toBe(found);
    expect(findShelfsyncError(wrap(found, 10))).toBeUndefined();
  });
});

describe('usageError', () => {
  it('is a usage error of shelfsync itself, with exit code 2', () => {
    const error = usageError('--limit must be a whole number');
    expect(error).toBeInstanceOf(ShelfsyncError);
    expect(error.message).toBe('--limit must be a whole number');
    expect(error.code).toBe('usage');
    expect(error.service).toBe('shelfsync');
    expect(exitCodeFor(error)).toBe(ExitCode.usage);
    expect(error.name).toBe('ShelfsyncError');
  });
});
