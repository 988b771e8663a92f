/**
 * An error Hasura reports in-band (HTTP 200, `{"errors":[...]}`), with its `extensions.code`
 * (`validation-failed`, `data-exception`, `unexpected`, ...) and the JSON path it points at.
 */
export class HasuraError extends Error {
  readonly code: string;
  readonly path: string;

  constructor(message: string, code = 'validation-failed', path = '$') {
    super(message);
    this.name = 'HasuraError';
    this.code = code;
    this.path = path;
  }
}
