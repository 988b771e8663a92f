import { ShelfsyncError } from '../errors.ts';
import type { ExchangeContext } from './errors-from-response.ts';
import { failureMessage } from './failure-messages.ts';
import { HttpFailure } from './http-failure.ts';

export interface TransportVerdict {
  code: 'network' | 'timeout';
  retryable: boolean;
  /** False when the failure proves nothing was sent, so even a write may be sent again. */
  mayHaveReachedServer: boolean;
  /** Plain words for the user. */
  reason: string;
}

interface KnownFailure {
  reason: string;
  notSent?: boolean;
  timeout?: boolean;
  permanent?: boolean;
}

const KNOWN_FAILURES: Record<string, KnownFailure> = {
  ECONNREFUSED: { reason: 'the connection was refused', notSent: true },
  ENOTFOUND: { reason: 'the host name was not found', notSent: true },
  EAI_AGAIN: { reason: 'the host name could not be looked up', notSent: true },
  EHOSTUNREACH: { reason: 'the network cannot reach the host', notSent: true },
  ENETUNREACH: { reason: 'the network is unreachable', notSent: true },
  UND_ERR_CONNECT_TIMEOUT: { reason: 'connecting took too long', notSent: true },
  ECONNRESET: { reason: 'the connection was closed unexpectedly' },
  EPIPE: { reason: 'the connection was closed unexpectedly' },
  UND_ERR_SOCKET: { reason: 'the connection was closed unexpectedly' },
  UND_ERR_CLOSED: { reason: 'the connection was closed unexpectedly' },
  ETIMEDOUT: { reason: 'the connection timed out', timeout: true },
  UND_ERR_HEADERS_TIMEOUT: { reason: 'the server took too long to answer', timeout: true },
  UND_ERR_BODY_TIMEOUT: { reason: 'the server took too long to send its answer', timeout: true },
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    reason: 'its TLS certificate is self-signed',
    notSent: true,
    permanent: true,
  },
  SELF_SIGNED_CERT_IN_CHAIN: { reason: 'its TLS certificate is not trusted', notSent: true, permanent: true },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    reason: 'its TLS certificate could not be verified',
    notSent: true,
    permanent: true,
  },
  CERT_HAS_EXPIRED: { reason: 'its TLS certificate has expired', notSent: true, permanent: true },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    reason: 'its TLS certificate is for another host',
    notSent: true,
    permanent: true,
  },
};

/** Reads the `code` of an error or of anything in its cause chain (fetch wraps the real one). */
export function classifyTransportError(error: unknown): TransportVerdict {
  const known = findCode(error);
  const failure = known ? KNOWN_FAILURES[known] : undefined;
  if (!failure) {
    return { code: 'network', retryable: true, mayHaveReachedServer: true, reason: 'the request failed' };
  }
  return {
    code: failure.timeout ? 'timeout' : 'network',
    retryable: !failure.permanent,
    mayHaveReachedServer: !failure.notSent,
    reason: failure.reason,
  };
}

function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = String((current as { code?: unknown }).code);
    if (Object.hasOwn(KNOWN_FAILURES, code)) return code;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

export interface TransportFailureContext extends ExchangeContext {
  host: string;
  timeoutMs: number;
  /** Our own per-attempt timer fired. */
  timedOut: boolean;
  /** The client was closed while the request was under way. */
  closed: boolean;
}

export function errorFromTransport(context: TransportFailureContext, error: unknown): ShelfsyncError {
  const { service, method, path, host, timeoutMs } = context;
  if (context.closed) {
    return new ShelfsyncError(failureMessage('interrupted', { service, method, path }), {
      code: 'interrupted',
      service,
      cause: new HttpFailure({ method, path, mayHaveReachedServer: true, cause: error }),
    });
  }
  const verdict: TransportVerdict = context.timedOut
    ? // Stryker disable next-line StringLiteral: a timeout's message names the time allowed, never the reason
      { code: 'timeout', retryable: true, mayHaveReachedServer: true, reason: 'timed out' }
    : classifyTransportError(error);
  const message = failureMessage(verdict.code, {
    service,
    method,
    path,
    host,
    timeoutMs,
    reason: verdict.reason,
  });
  return new ShelfsyncError(message, {
    code: verdict.code,
    service,
    retryable: verdict.retryable,
    cause: new HttpFailure({
      method,
      path,
      mayHaveReachedServer: verdict.mayHaveReachedServer,
      cause: error,
    }),
  });
}
