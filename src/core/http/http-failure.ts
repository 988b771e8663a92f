/**
 * What the log may know about one failed exchange, attached to a ShelfsyncError as its `cause`.
 * It never holds header values, a query string or a request body, which is where secrets travel.
 */
export interface HttpFailureDetails {
  method: string;
  /** Path without the query string. */
  path: string;
  status?: number;
  /** The first few hundred characters of the response body, for diagnosis. */
  bodyExcerpt?: string;
  /** False only when we know the request never reached the server (connection refused, DNS). */
  mayHaveReachedServer: boolean;
  cause?: unknown;
}

const EXCERPT_CHARS = 300;

export class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly bodyExcerpt: string | undefined;
  readonly mayHaveReachedServer: boolean;

  constructor(details: HttpFailureDetails) {
    const status = details.status === undefined ? 'no response' : `HTTP ${details.status}`;
    super(`${details.method} ${details.path}: ${status}`, { cause: details.cause });
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.bodyExcerpt = details.bodyExcerpt?.slice(0, EXCERPT_CHARS);
    this.mayHaveReachedServer = details.mayHaveReachedServer;
  }
}

/** The HttpFailure somewhere in an error's `cause` chain. */
export function findHttpFailure(error: unknown): HttpFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof HttpFailure) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
