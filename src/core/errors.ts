/**
 * One error type for everything that can go wrong talking to a service or reading the user's setup.
 * The retry policy reads `retryable`, the CLI prints `message`, the log gets the rest.
 */
export type Service = 'audiobookshelf' | 'hardcover' | 'discogs' | 'soundcloud' | 'shelfsync';

export type ErrorCode =
  | 'config_invalid'
  | 'config_missing'
  | 'usage'
  | 'auth_failed'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'quota_exhausted'
  | 'timeout'
  | 'network'
  | 'server_error'
  | 'bad_response'
  | 'bad_request'
  | 'conflict'
  | 'database'
  | 'interrupted'
  | 'internal';

export interface ShelfsyncErrorOptions {
  code: ErrorCode;
  service: Service;
  retryable?: boolean;
  status?: number;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ShelfsyncError extends Error {
  override readonly name = 'ShelfsyncError';
  readonly code: ErrorCode;
  readonly service: Service;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: ShelfsyncErrorOptions) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.service = options.service;
    this.retryable = options.retryable ?? false;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Codes that mean the user must fix their setup or command line. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['config_invalid', 'config_missing', 'usage']);
/** Codes that mean a service could not be used at all. */
const UPSTREAM_CODES: ReadonlySet<ErrorCode> = new Set([
  'auth_failed',
  'forbidden',
  'rate_limited',
  'quota_exhausted',
  'timeout',
  'network',
  'server_error',
  'bad_response',
]);

export const ExitCode = { ok: 0, itemsFailed: 1, usage: 2, upstream: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(error: unknown): ExitCode {
  const found = findShelfsyncError(error);
  if (!found) return ExitCode.itemsFailed;
  if (USAGE_CODES.has(found.code)) return ExitCode.usage;
  if (UPSTREAM_CODES.has(found.code)) return ExitCode.upstream;
  return ExitCode.itemsFailed;
}

/** Walks the `cause` chain, so wrapped errors still carry their reason. */
export function findShelfsyncError(error: unknown): ShelfsyncError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ShelfsyncError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  return findShelfsyncError(error)?.retryable ?? false;
}

export function usageError(message: string): ShelfsyncError {
  return new ShelfsyncError(message, { code: 'usage', service: 'shelfsync' });
}
