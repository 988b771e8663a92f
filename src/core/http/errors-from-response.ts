import type { ErrorCode, Service } from '../errors.ts';
import { ShelfsyncError } from '../errors.ts';
import { failureMessage } from './failure-messages.ts';
import { type HeaderInput, toHeaderRecord } from './header-record.ts';
import { HttpFailure } from './http-failure.ts';
import { parseRetryAfter } from './retry-after.ts';

/** How a response that is not a success is to be treated. */
export interface ResponseVerdict {
  code: ErrorCode;
  /** Whether trying again later can succeed; the retry policy reads this. */
  retryable: boolean;
  /** The server's Retry-After, in seconds from the response. */
  retryAfterSeconds?: number;
}

export interface ResponseFacts {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, its text otherwise. */
  body: unknown;
}

/**
 * A service's own reading of a failed response (Hardcover answers a used-up daily quota with 403 and
 * "quota" in the body). Return undefined to keep the generic verdict, or the fields to change.
 */
export type BodyClassifier = (
  facts: ResponseFacts,
  verdict: ResponseVerdict,
) => Partial<ResponseVerdict> | undefined;

export interface ClassifyOptions {
  nowMs: number;
  classifyBody?: BodyClassifier;
}

/** 2xx, and 3xx which we never follow. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 400;
}

/** undefined for a success (see isSuccessStatus); a verdict for anything else. */
export function classifyResponse(
  status: number,
  headers: HeaderInput,
  body: unknown,
  options: ClassifyOptions,
): ResponseVerdict | undefined {
  if (isSuccessStatus(status)) return undefined;
  const record = toHeaderRecord(headers);
  const verdict: ResponseVerdict = genericVerdict(status);
  const retryAfterSeconds = parseRetryAfter(record['retry-after'], options.nowMs);
  if (retryAfterSeconds !== undefined) verdict.retryAfterSeconds = retryAfterSeconds;
  const override = options.classifyBody?.({ status, headers: record, body }, { ...verdict });
  return override ? { ...verdict, ...override } : verdict;
}

function genericVerdict(status: number): ResponseVerdict {
  switch (status) {
    case 401:
      return { code: 'auth_failed', retryable: false };
    case 403:
      return { code: 'forbidden', retryable: false };
    case 404:
    case 410:
      return { code: 'not_found', retryable: false };
    case 408:
      return { code: 'timeout', retryable: true };
    case 409:
      return { code: 'conflict', retryable: false };
    case 429:
      return { code: 'rate_limited', retryable: true };
    case 501:
    case 505:
      // The server will never support this; asking again cannot help.
      return { code: 'server_error', retryable: false };
  }
  if (status >= 500) return { code: 'server_error', retryable: true };
  return { code: 'bad_request', retryable: false };
}

export interface ExchangeContext {
  service: Service;
  method: string;
  /** Path without the query string. */
  path: string;
}

export function errorFromResponse(
  exchange: ExchangeContext,
  status: number,
  verdict: ResponseVerdict,
  bodyText: string,
): ShelfsyncError {
  const { service, method, path } = exchange;
  const message = failureMessage(verdict.code, {
    service,
    method,
    path,
    status,
    retryAfterSeconds: verdict.retryAfterSeconds,
  });
  return new ShelfsyncError(message, {
    code: verdict.code,
    service,
    status,
    retryable: verdict.retryable,
    retryAfterSeconds: verdict.retryAfterSeconds,
    cause: new HttpFailure({ method, path, status, bodyExcerpt: bodyText, mayHaveReachedServer: true }),
  });
}

/** JSON when the text is JSON, otherwise the text itself: what a BodyClassifier gets to look at. */
export function parseBodyLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
