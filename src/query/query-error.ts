import { ShelfsyncError } from '../core/errors.ts';
import { FIELD_NAMES } from './fields.ts';

/**
 * A query the user must fix: the reason, the query with a caret under the mistake, and the valid
 * fields. A usage error, so the CLI exits 2.
 */
export class QueryError extends ShelfsyncError {
  readonly query: string;
  /** Where the mistake is: a UTF-16 index into the query, and the 1-based column shown to the user. */
  readonly offset: number;
  readonly column: number;
  readonly reason: string;

  constructor(query: string, offset: number, reason: string) {
    super(describe(query, offset, reason), { code: 'usage', service: 'shelfsync' });
    this.query = query;
    this.offset = offset;
    this.column = columnOf(query, offset);
    this.reason = reason;
  }
}

/** Columns count characters as a person sees them (code points), so "é" or an emoji is one column. */
function columnOf(query: string, offset: number): number {
  return [...query.slice(0, offset)].length + 1;
}

function describe(query: string, offset: number, reason: string): string {
  // Line breaks and tabs shown as spaces keep the caret under the right character.
  const shown = query.replace(/[\t\r\n]/g, ' ');
  const caret = `${' '.repeat(columnOf(query, offset) - 1)}^`;
  return [
    `invalid query: ${reason} (column ${columnOf(query, offset)})`,
    `  ${shown}`,
    `  ${caret}`,
    `valid fields: ${FIELD_NAMES.join(', ')}`,
  ].join('\n');
}
