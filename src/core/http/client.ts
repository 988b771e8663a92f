import { Pool } from 'undici';
import { type Clock, systemClock } from '../clock.ts';
import { ShelfsyncError } from '../errors.ts';
import { parseRateLimitHeaders } from '../ratelimit/headers.ts';
import { createRateLimiter, type ScheduledJob } from '../ratelimit/limiter.ts';
import {
  classifyResponse,
  type ExchangeContext,
  errorFromResponse,
  isSuccessStatus,
  parseBodyLeniently,
} from './errors-from-response.ts';
import { toHeaderRecord } from './header-record.ts';
import { encodeBody, pathForMessages, requestPath } from './request-target.ts';
import { decodeJson, readBodyText } from './response-body.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetries } from './retry.ts';
import { serviceName } from './service-names.ts';
import { timerSleep } from './sleep.ts';
import { HttpStatsRecorder } from './stats.ts';
import { errorFromTransport } from './transport-errors.ts';
import type { AnyRequest, DailyQuota, HttpClient, HttpClientOptions, HttpResult } from './types.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_CONNECTIONS = 4;
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** One pooled, rate-limited, retrying client per upstream service. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { service } = options;
  const base = parseBaseUrl(options);
  const clock: Clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? timerSleep;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const defaultTimeoutMs = options.timeoutMs ?? timeoutFromEnvironment() ?? DEFAULT_TIMEOUT_MS;
  const pool = new Pool(base.origin, {
    connections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    keepAliveTimeout: 10_000,
    // Stryker disable next-line MethodExpression: only a connect that hangs (no answer to SYN) reaches the cap, which loopback cannot produce
    connectTimeout: Math.min(defaultTimeoutMs, 10_000),
  });
  const limiter = createRateLimiter(service, options.limiter);
  const stats = new HttpStatsRecorder(service);
  const closing = new AbortController();
  let dailyQuota: DailyQuota | undefined;

  async function send(
    request: AnyRequest,
    target: string,
    exchange: ExchangeContext,
    job: ScheduledJob,
  ): Promise<HttpResult<unknown>> {
    const method = request.method ?? 'GET';
    if (closing.signal.aborted) throw closing.signal.reason;
    const { payload, contentType } = encodeBody(request.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.defaultHeaders,
      ...(await options.authHeaders?.()),
      ...request.headers,
      ...(contentType ? { 'content-type': contentType } : {}),
    };
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    stats.attemptSent(request.units ?? 1);
    const started = clock.now();
    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    try {
      const response = await pool.request({
        method,
        path: target,
        headers,
        body: payload ?? null,
        signal: AbortSignal.any([timeout, closing.signal]),
      });
      status = response.statusCode;
      responseHeaders = toHeaderRecord(response.headers);
      text = await readBodyText(response.body, (count) => stats.bytes(count));
    } catch (error) {
      stats.latency(clock.now() - started);
      const closed = closing.signal.aborted;
      const failure = errorFromTransport(
        { ...exchange, host: base.host, timeoutMs, timedOut: timeout.aborted && !closed, closed },
        error,
      );
      stats.failed(failure.code);
      throw failure;
    }
    stats.latency(clock.now() - started);
    const nowMs = clock.now();
    await observeRateLimits(responseHeaders, nowMs, job);

    // Only a failure's body is read leniently for the classifier: a success is parsed once, below.
    const verdict = isSuccessStatus(status)
      ? undefined
      : classifyResponse(status, responseHeaders, parseBodyLeniently(text), {
          nowMs,
          classifyBody: options.classifyError,
        });
    if (verdict) {
      stats.failed(String(status));
      if (verdict.code === 'rate_limited' || verdict.code === 'quota_exhausted') await limiter.drain();
      throw errorFromResponse(exchange, status, verdict, text);
    }
    try {
      const data = decodeBody(request, exchange, status, text);
      return { status, headers: responseHeaders, data };
    } catch (error) {
      stats.failed('bad_response');
      throw error;
    }
  }

  async function observeRateLimits(
    headers: Record<string, string>,
    nowMs: number,
    job: ScheduledJob,
  ): Promise<void> {
    const info = parseRateLimitHeaders(headers, nowMs);
    const daily = info.daily;
    if (daily?.remaining !== undefined) {
      dailyQuota = {
        remaining: daily.remaining,
        limit: daily.limit,
        resetAt: daily.resetSeconds === undefined ? undefined : nowMs + daily.resetSeconds * 1000,
      };
    }
    await job.observe(info);
  }

  async function request(request: AnyRequest): Promise<HttpResult<unknown>> {
    const method = request.method ?? 'GET';
    const exchange: ExchangeContext = { service, method, path: pathForMessages(request.path) };
    const target = requestPath(service, base, request.path, request.query);
    return withRetries(
      () => {
        const queuedAt = clock.now();
        return limiter.schedule(
          (job) => {
            stats.waitedForLimiter(clock.now() - queuedAt);
            return send(request, target, exchange, job);
          },
          { priority: request.priority, units: request.units },
        );
      },
      {
        policy,
        idempotent: request.idempotent ?? IDEMPOTENT_METHODS.has(method),
        sleep,
        signal: closing.signal,
        onRetry: () => stats.retried(),
      },
    );
  }

  return {
    service,
    request: request as HttpClient['request'],
    quota: () => (dailyQuota ? { ...dailyQuota } : undefined),
    stats: () => stats.snapshot(),
    async close() {
      if (closing.signal.aborted) return;
      const message = `The ${serviceName(service)} client was closed before the request finished.`;
      closing.abort(new ShelfsyncError(message, { code: 'interrupted', service }));
      await limiter.stop();
      await pool.destroy();
    },
  };
}

/**
 * `SHELFSYNC_HTTP_TIMEOUT_MS` overrides the per-attempt default for every client: for a slow link,
 * and for tests that must see a timeout in seconds rather than half a minute.
 */
export function timeoutFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  // Unset reads as NaN and blank as 0: neither is a positive integer.
  const value = Number(env.SHELFSYNC_HTTP_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function parseBaseUrl({ service, baseUrl }: HttpClientOptions): URL {
  const url = URL.parse(baseUrl);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url;
  // The URL itself stays out of the message: it may carry credentials.
  throw new ShelfsyncError(
    `The ${serviceName(service)} URL in the configuration is not an http(s) address.`,
    {
      code: 'config_invalid',
      service,
    },
  );
}

function decodeBody(request: AnyRequest, exchange: ExchangeContext, status: number, text: string): unknown {
  if (request.expect === 'text') return text;
  if (request.expect === 'none') return undefined;
  return decodeJson(exchange, status, text, request.schema);
}
