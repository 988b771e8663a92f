import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parser.ts';
import { QueryError } from '../../src/query/query-error.ts';

/** Whatever is typed, the parser answers with a query or a usage error pointing inside the text. */
function parsesOrPoints(text: string): void {
  try {
    parseQuery(text);
  } catch (error) {
    expect(error).toBeInstanceOf(QueryError);
    const { offset, column, code } = error as QueryError;
    expect(code).toBe('usage');
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(text.length);
    expect(column).toBeGreaterThanOrEqual(1);
  }
}

const PIECES = [
  'genre',
  'year',
  'artist',
  'title',
  'added',
  'duration',
  'decade',
  'count',
  'avg(',
  'min(',
  'sum(',
  'and',
  'or',
  'not',
  'in',
  'where',
  'group by',
  'order by',
  'limit',
  'asc',
  'desc',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '~',
  '!~',
  '..',
  '(',
  ')',
  ',',
  '"',
  "'",
  '\\',
  'Jazz',
  'Miles Davis',
  '1960',
  '1969',
  '2024-01-01',
  '3:30',
  '1960s',
  '*',
  ';',
  '--',
  'drop table releases',
  ' ',
  ' ',
  'é',
  '🎷',
];

describe('parseQuery never crashes or hangs', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), parsesOrPoints), { numRuns: 3000 });
  });

  it('on random full-Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), parsesOrPoints), { numRuns: 1500 });
  });

  it('on random sequences of the language’s own words and symbols', () => {
    const query = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((pieces) => pieces.join(' '));
    fc.assert(fc.property(query, parsesOrPoints), { numRuns: 4000 });
  });

  it('on deeply nested parentheses and long inputs', () => {
    parsesOrPoints(`${'('.repeat(2000)}genre = Jazz${')'.repeat(2000)}`);
    parsesOrPoints(`${'not '.repeat(2000)}genre = Jazz`);
    parsesOrPoints(Array.from({ length: 2000 }, (_, index) => `year = ${index}`).join(' or '));
  });

  it('refuses queries too large for SQLite, pointing at where the limit was passed', () => {
    const many = Array.from({ length: 301 }, (_, index) => `year = ${index}`).join(' or ');
    const error = (() => {
      try {
        parseQuery(many);
      } catch (caught) {
        return caught as QueryError;
      }
    })();
    expect(error?.reason).toBe('the query compares more than 300 values');
    expect(error?.offset).toBe(many.lastIndexOf('year'));
    expect(() => parseQuery(`${'not '.repeat(101)}genre = Jazz`)).toThrow('nests deeper than 100 levels');
    expect(parseQuery(`${'not '.repeat(100)}genre = Jazz`).filter).toBeDefined();
  });
});
