import pRetry from 'p-retry';
import { findShelfsyncError, type ShelfsyncError } from '../errors.ts';
import { findHttpFailure } from './http-failure.ts';
import type { Sleep } from './sleep.ts';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** Backoff before the first retry; doubles each time, with jitter. */
  minDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we wait for; a longer one fails at once (still `retryable`). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  minDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not_retryable' | 'unsafe_to_repeat' | 'wait_too_long' | 'out_of_retries' };

export interface RetryContext {
  /** 1 for the first attempt. */
  failedAttempt: number;
  idempotent: boolean;
  policy: RetryPolicy;
  /** In [0, 1); Math.random by default. */
  random?: () => number;
}

/** Whether to send a failed request again, and after how long. Pure: every input is an argument. */
export function decideRetry(error: unknown, context: RetryContext): RetryDecision {
  const failure = findShelfsyncError(error);
  if (!failure?.retryable) return { retry: false, reason: 'not_retryable' };
  if (!mayRepeat(failure, context.idempotent)) return { retry: false, reason: 'unsafe_to_repeat' };
  if (context.failedAttempt > context.policy.retries) return { retry: false, reason: 'out_of_retries' };
  const delayMs = retryDelayMs(
    context.failedAttempt,
    context.policy,
    failure.retryAfterSeconds,
    context.random ?? Math.random,
  );
  if (delayMs === undefined) return { retry: false, reason: 'wait_too_long' };
  return { retry: true, delayMs };
}

/**
 * A write that failed after it may have reached the server may also have been applied: sending it
 * again could, say, log a read twice. Only answers that say "not processed" (429, 503) and failures
 * before anything was sent allow a repeat. Reads and requests marked idempotent may always repeat.
 */
export function mayRepeat(error: ShelfsyncError, idempotent: boolean): boolean {
  if (idempotent) return true;
  if (error.status === 429 || error.status === 503) return true;
  if (error.status !== undefined) return false;
  return findHttpFailure(error)?.mayHaveReachedServer === false;
}

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * min(maxDelay, minDelay * 2^(n-1)). A Retry-After wins when longer; one over the cap gives undefined.
 */
export function retryDelayMs(
  failedAttempt: number,
  policy: RetryPolicy,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number | undefined {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  const backoff = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  if (retryAfterSeconds === undefined) return backoff;
  const asked = retryAfterSeconds * 1000;
  if (asked > policy.maxRetryAfterMs) return undefined;
  return Math.max(asked, backoff);
}

export interface RetryRun {
  policy: RetryPolicy;
  idempotent: boolean;
  sleep: Sleep;
  /** Aborting it ends the waiting; p-retry then rejects with the abort reason. */
  signal: AbortSignal;
  onRetry?: (error: unknown, delayMs: number) => void;
}

/** Runs `attempt` until it succeeds or `decideRetry` says stop; rejects with the last error. */
export function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, run: RetryRun): Promise<T> {
  return pRetry(attempt, {
    retries: run.policy.retries,
    // The waiting happens in shouldRetry, where we know the Retry-After; p-retry only counts.
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    signal: run.signal,
    shouldRetry: async ({ error, attemptNumber }) => {
      const decision = decideRetry(error, {
        failedAttempt: attemptNumber,
        idempotent: run.idempotent,
        policy: run.policy,
      });
      if (!decision.retry) return false;
      run.onRetry?.(error, decision.delayMs);
      await run.sleep(decision.delayMs, run.signal);
      return true;
    },
  });
}
