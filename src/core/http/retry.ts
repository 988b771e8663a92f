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
  /**
   * For a server that counts requests over a moving window and answers 429 without Retry-After
   * (Discogs): how many such 429s to wait out, not counted against `retries`. The waits double from
   * `minDelayMs` up to a whole `rateLimitWindowMs`, after which none of our requests is in the window.
   */
  rateLimitRetries?: number;
  rateLimitWindowMs?: number;
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
  /** 429s without Retry-After so far, this one included (see `RetryPolicy.rateLimitRetries`). */
  rateLimitedAttempt?: number;
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
  const windowMs = context.policy.rateLimitWindowMs;
  // Stryker disable next-line ConditionalExpression: isWindowedRateLimit also requires the window; this test only narrows its type
  if (windowMs !== undefined && isWindowedRateLimit(failure, context.policy)) {
    const attempt = context.rateLimitedAttempt ?? 1;
    if (attempt > (context.policy.rateLimitRetries ?? 0)) return { retry: false, reason: 'out_of_retries' };
    const ceiling = Math.min(windowMs, context.policy.minDelayMs * 2 ** Math.max(0, attempt - 1));
    // Never less than the step, so the last steps wait at least a whole window.
    return { retry: true, delayMs: Math.round(ceiling * (1 + (context.random ?? Math.random)() / 4)) };
  }
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

/** A 429 without Retry-After from a server whose policy says to wait such 429s out. */
export function isWindowedRateLimit(error: unknown, policy: RetryPolicy): boolean {
  const failure = findShelfsyncError(error);
  return (
    failure?.status === 429 &&
    failure.retryAfterSeconds === undefined &&
    policy.rateLimitWindowMs !== undefined &&
    (policy.rateLimitRetries ?? 0) > 0
  );
}

/**
 * A write that failed after it may have reached the server may also have been applied: sending it
 * again could, say, log a read twice. Only answers that say "not processed" (429, 503) and failures
 * before anything was sent allow a repeat. Reads and requests marked idempotent may always repeat.
 */
export function mayRepeat(error: ShelfsyncError, idempotent: boolean): boolean {
  if (idempotent) return true;
  if (error.status === 429 || error.status === 503) return true;
  // An answer with any other status came from the server, so its HttpFailure says it got there.
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
  let failed = 0;
  let rateLimited = 0;
  return pRetry(attempt, {
    retries: run.policy.retries + (run.policy.rateLimitRetries ?? 0),
    // The waiting happens in shouldRetry, where we know the Retry-After; p-retry only counts.
    minTimeout: 0,
    maxTimeout: 0,
    signal: run.signal,
    shouldRetry: async ({ error }) => {
      if (isWindowedRateLimit(error, run.policy)) rateLimited += 1;
      else failed += 1;
      const decision = decideRetry(error, {
        failedAttempt: failed,
        rateLimitedAttempt: rateLimited,
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
