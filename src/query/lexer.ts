import { QueryError } from './query-error.ts';

/**
 * Splits a query into tokens. Keywords are not decided here (a quoted "and" is a value, a bare one a
 * keyword): the parser reads bare words case-insensitively. Offsets are UTF-16 indexes into the text.
 */
export type TokenKind = 'word' | 'string' | 'op' | 'range' | 'lparen' | 'rparen' | 'comma' | 'eof';

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~';

export interface Token {
  kind: TokenKind;
  /** The value: a word as written, a string without quotes and with escapes resolved, an operator. */
  text: string;
  start: number;
  end: number;
}

// Longest first, so that "<=" is not read as "<" then "=".
const OPERATORS: readonly [string, ComparisonOp][] = [
  ['==', '='],
  ['!=', '!='],
  ['<>', '!='],
  ['<=', '<='],
  ['>=', '>='],
  ['!~', '!~'],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['~', '~'],
];

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t' };
/** Characters that always end a bare word. */
const WORD_BREAK = /[\s()=<>~,"]/;

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    const single = singleCharToken(char);
    if (single) {
      tokens.push({ kind: single, text: char, start: at, end: at + 1 });
      at += 1;
      continue;
    }
    if (query.startsWith('..', at)) {
      tokens.push({ kind: 'range', text: '..', start: at, end: at + 2 });
      at += 2;
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => query.startsWith(spelling, at));
    if (operator) {
      const [spelling, op] = operator;
      tokens.push({ kind: 'op', text: op, start: at, end: at + spelling.length });
      at += spelling.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const token = readString(query, at);
      tokens.push(token);
      at = token.end;
      continue;
    }
    const end = wordEnd(query, at);
    if (end === at) throw new QueryError(query, at, `unexpected "${char}"`);
    tokens.push({ kind: 'word', text: query.slice(at, end), start: at, end });
    at = end;
  }
  tokens.push({ kind: 'eof', text: '', start: query.length, end: query.length });
  return tokens;
}

function singleCharToken(char: string): TokenKind | undefined {
  if (char === '(') return 'lparen';
  if (char === ')') return 'rparen';
  if (char === ',') return 'comma';
  return undefined;
}

/** A bare word runs until whitespace, punctuation of the language, "..", "!=" or "!~". */
function wordEnd(query: string, start: number): number {
  let at = start;
  while (at < query.length) {
    const char = query.charAt(at);
    if (WORD_BREAK.test(char)) break;
    if (query.startsWith('..', at)) break;
    if (char === '!' && /[=~]/.test(query.charAt(at + 1))) break;
    at += 1;
  }
  return at;
}

function readString(query: string, start: number): Token {
  const quote = query.charAt(start);
  let value = '';
  let at = start + 1;
  while (at < query.length) {
    const char = query.charAt(at);
    if (char === quote) return { kind: 'string', text: value, start, end: at + 1 };
    if (char === '\\') {
      const next = query.charAt(at + 1);
      if (next === 'u') {
        const hex = query.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new QueryError(query, at, 'a \\u escape needs four hex digits, as in \\u00e9');
        }
        value += String.fromCharCode(Number.parseInt(hex, 16));
        at += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        const shown = next === '' ? 'the end of the query' : `"\\${next}"`;
        throw new QueryError(query, at, `unknown escape ${shown}; use \\\\ \\" \\' \\n \\t or \\uXXXX`);
      }
      value += escaped;
      at += 2;
      continue;
    }
    value += char;
    at += 1;
  }
  throw new QueryError(query, start, `this ${quote === '"' ? 'double' : 'single'} quote is never closed`);
}
