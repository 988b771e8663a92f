export { createHttpClient } from './client.ts';
export {
  type BodyClassifier,
  type ClassifyOptions,
  classifyResponse,
  type ResponseFacts,
  type ResponseVerdict,
} from './errors-from-response.ts';
export { type HeaderInput, type HeaderRecord, toHeaderRecord } from './header-record.ts';
export { findHttpFailure, HttpFailure } from './http-failure.ts';
export type { QueryParams, QueryValue, RequestBody } from './request-target.ts';
export {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  mayRepeat,
  type RetryContext,
  type RetryDecision,
  type RetryPolicy,
  retryDelayMs,
} from './retry.ts';
export { parseRetryAfter } from './retry-after.ts';
export { serviceName } from './service-names.ts';
export { type Sleep, timerSleep } from './sleep.ts';
export type { HttpStats } from './stats.ts';
export { classifyTransportError, type TransportVerdict } from './transport-errors.ts';
export type {
  AnyRequest,
  DailyQuota,
  EmptyRequest,
  HeaderProvider,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpResult,
  JsonRequest,
  TextRequest,
} from './types.ts';
