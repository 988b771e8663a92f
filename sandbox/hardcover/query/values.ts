import { HasuraError } from '../errors.ts';
import type { ColumnKind } from './row-model.ts';

/**
 * What Postgres reads as a date here: year-month-day, unpadded parts allowed, optionally followed
 * by a time and zone, which a date drops (`2025-06-01T10:00:00.000Z` is 2025-06-01).
 */
const DATE_INPUT =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?\s*$/i;

/** The date as YYYY-MM-DD, or undefined when Postgres would refuse it. */
function readDate(text: string): string | undefined {
  const m = DATE_INPUT.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const collator = new Intl.Collator('en', { numeric: false });

/** Stable JSON text with sorted keys, so equal jsonb values compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Brings a stored value or an operand to a comparable form, as Postgres would cast it. */
export function normalize(kind: ColumnKind, value: unknown): string | number | boolean {
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
      if (Number.isNaN(n))
        throw new HasuraError(
          `invalid input syntax for a number: ${JSON.stringify(value)}`,
          'data-exception',
        );
      return n;
    }
    case 'text':
      return String(value);
    case 'citext':
      return String(value).toLowerCase();
    case 'date': {
      const date = readDate(String(value));
      if (date === undefined)
        throw new HasuraError(
          `invalid input syntax for type date: ${JSON.stringify(value)}`,
          'data-exception',
        );
      return date;
    }
    case 'timestamp': {
      const ms = Date.parse(String(value));
      if (Number.isNaN(ms))
        throw new HasuraError(
          `invalid input syntax for type timestamp: ${JSON.stringify(value)}`,
          'data-exception',
        );
      return ms;
    }
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new HasuraError(`expected a boolean, got ${JSON.stringify(value)}`);
      return value;
    case 'json':
      return canonicalJson(value);
  }
}

/** Orders two normalized values of the same kind (text by an English collation, like en_US Postgres). */
export function compareNormalized(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const byCollation = collator.compare(String(a), String(b));
  if (byCollation !== 0) return byCollation;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
