/**
 * Keeps secrets out of anything shelfsync writes: log lines, error messages, reports. Known values
 * (from the config, or added at run time such as OAuth tokens) are replaced wherever they appear,
 * also JSON-escaped; credentials recognisable by their shape (`Bearer ...`, `token=...`) are replaced
 * even when their value is not known.
 */
export const REDACTED = '[redacted]';

/** Shorter values would wipe ordinary words and numbers out of the log. */
const MIN_SECRET_LENGTH = 4;

const CREDENTIAL_SHAPES: readonly RegExp[] = [
  // Authorization: Bearer <token> / OAuth <token>, in headers or messages
  /\b(bearer|oauth)(\s+)[A-Za-z0-9._~+/=-]+/gi,
  // Discogs: "Authorization: Discogs token=..." and ?token=... in URLs; stops before a JSON escape
  /\b(token|secret|client_secret|access_token|refresh_token|code_verifier|password)(=)[^\s&"',;\\]+/gi,
];

export class SecretRedactor {
  /** Each known secret, and its JSON-escaped form. */
  readonly #patterns = new Set<string>();

  constructor(secrets?: Iterable<string>) {
    if (secrets) for (const secret of secrets) this.add(secret);
  }

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    this.#patterns.add(secret);
    this.#patterns.add(JSON.stringify(secret).slice(1, -1));
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const pattern of [...this.#patterns].sort((a, b) => b.length - a.length)) {
      result = result.replaceAll(pattern, REDACTED);
    }
    for (const shape of CREDENTIAL_SHAPES) {
      result = result.replace(
        shape,
        (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`,
      );
    }
    return result;
  }
}
