import type { ErrorCode, Service } from '../errors.ts';
import { serviceName } from './service-names.ts';

export interface FailureContext {
  service: Service;
  method: string;
  /** Path without the query string, which may carry a token. */
  path: string;
  status?: number;
  retryAfterSeconds?: number;
  timeoutMs?: number;
  /** Plain words for a network failure, e.g. "the connection was refused". */
  reason?: string;
  /** Host (and port) only: a base URL may carry credentials. */
  host?: string;
}

/** One sentence a user can act on. Never includes header values, bodies or query strings. */
export function failureMessage(code: ErrorCode, context: FailureContext): string {
  const name = serviceName(context.service);
  const what = `${context.method} ${context.path}`;
  const http = context.status === undefined ? '' : ` (HTTP ${context.status})`;
  switch (code) {
    case 'auth_failed':
      return `${name} did not accept the credentials${http}; check the token or log in again.`;
    case 'forbidden':
      return `${name} refused access to ${what}${http}; the token may lack a permission.`;
    case 'not_found':
      return `${name} has nothing at ${what}${http}.`;
    case 'conflict':
      return `${name} reported a conflict for ${what}${http}.`;
    case 'bad_request':
      return `${name} rejected ${what} as invalid${http}.`;
    case 'rate_limited':
      return `${name} is limiting how fast shelfsync may send requests${http}; ${waitAdvice(context.retryAfterSeconds)}.`;
    case 'quota_exhausted':
      return `${name} says the request quota is used up${http}; ${waitAdvice(context.retryAfterSeconds)}.`;
    case 'timeout':
      return context.status === undefined
        ? `${name} did not answer ${what} within ${seconds(context.timeoutMs)}; try again later.`
        : `${name} gave up on ${what} because it took too long${http}; try again later.`;
    case 'server_error':
      return `${name} had a server error answering ${what}${http}; try again later.`;
    case 'network':
      return `Could not reach ${name} at ${context.host ?? 'its address'}: ${context.reason ?? 'the request failed'}.`;
    case 'bad_response':
      return `${name} sent a response to ${what} that shelfsync could not read${http}.`;
    case 'interrupted':
      return `The ${name} client was closed before ${what} finished.`;
    default:
      return `${name} could not complete ${what}${http}.`;
  }
}

function waitAdvice(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'try again later';
  if (retryAfterSeconds < 120) return `try again in ${retryAfterSeconds} seconds`;
  if (retryAfterSeconds < 7200) return `try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `try again in ${Math.ceil(retryAfterSeconds / 3600)} hours`;
}

function seconds(ms: number | undefined): string {
  if (ms === undefined) return 'the time allowed';
  const value = ms / 1000;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${value === 1 ? 'second' : 'seconds'}`;
}
