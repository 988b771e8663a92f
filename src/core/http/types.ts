import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Service } from '../errors.ts';
import type { RateLimiterOptions } from '../ratelimit/limiter.ts';
import type { BodyClassifier } from './errors-from-response.ts';
import type { QueryParams, RequestBody } from './request-target.ts';
import type { RetryPolicy } from './retry.ts';
import type { Sleep } from './sleep.ts';
import type { HttpStats } from './stats.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HeaderProvider = () => Record<string, string> | Promise<Record<string, string>>;

export interface HttpClientOptions {
  service: Service;
  /** Origin plus an optional path prefix, e.g. `https://api.hardcover.app/v1`. */
  baseUrl: string;
  /** Sent with every request, e.g. a User-Agent. */
  defaultHeaders?: Record<string, string>;
  /** Asked before every attempt, so a refreshed token is used on the retry. */
  authHeaders?: HeaderProvider;
  /** Per attempt, from sending to the last byte of the answer. 30 s by default. */
  timeoutMs?: number;
  /** Connections kept open to the origin. 4 by default. */
  maxConnections?: number;
  retry?: Partial<RetryPolicy>;
  limiter?: RateLimiterOptions;
  /** The service's own reading of failed responses. */
  classifyError?: BodyClassifier;
  clock?: Clock;
  /** How retry waits happen; tests pass one that records the delays. */
  sleep?: Sleep;
}

interface BaseRequest {
  /** GET by default. */
  method?: HttpMethod;
  /** Relative to the base URL's path, or an absolute URL on the same origin. */
  path: string;
  query?: QueryParams;
  body?: RequestBody;
  headers?: Record<string, string>;
  /** 0 (most urgent) to 9; 5 by default. */
  priority?: number;
  /** Quota units this request costs (Hardcover: top-level fields). 1 by default. */
  units?: number;
  /**
   * Whether sending it twice is harmless. Defaults to true for GET, HEAD, PUT and DELETE. Mark a
   * read-only POST (a GraphQL query) true; leave writes false so a timeout is not sent again.
   */
  idempotent?: boolean;
  timeoutMs?: number;
}

export interface JsonRequest<S extends z.ZodType> extends BaseRequest {
  expect?: 'json';
  schema: S;
}

export interface TextRequest extends BaseRequest {
  expect: 'text';
}

/** For answers whose body does not matter (204, a 302 whose Location is wanted). */
export interface EmptyRequest extends BaseRequest {
  expect: 'none';
}

export type AnyRequest = JsonRequest<z.ZodType> | TextRequest | EmptyRequest;

export interface HttpResult<T> {
  status: number;
  /** Lower-case names; e.g. `link` (Discogs paging), `location` (SoundCloud resolve). */
  headers: Record<string, string>;
  data: T;
}

/** The daily quota as the server last reported it. */
export interface DailyQuota {
  remaining: number;
  limit: number | undefined;
  /** Epoch milliseconds, when the server said. */
  resetAt: number | undefined;
}

export interface HttpClient {
  readonly service: Service;
  request<S extends z.ZodType>(request: JsonRequest<S>): Promise<HttpResult<z.output<S>>>;
  request(request: TextRequest): Promise<HttpResult<string>>;
  request(request: EmptyRequest): Promise<HttpResult<undefined>>;
  /** Last known daily quota, so a run can stop cleanly before it is used up. */
  quota(): DailyQuota | undefined;
  stats(): HttpStats;
  /** Rejects waiting and running requests and destroys the connection pool. Safe to call twice. */
  close(): Promise<void>;
}
