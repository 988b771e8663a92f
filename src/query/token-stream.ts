import { type Token, tokenize } from './lexer.ts';
import { QueryError } from './query-error.ts';

/** Bare words the grammar reserves; quoted they are ordinary values. */
export const KEYWORDS = ['and', 'or', 'not', 'in', 'where', 'group', 'order', 'by', 'asc', 'desc', 'limit'];

/** A cursor over the tokens of one query, with the checks every grammar rule needs. */
export class TokenStream {
  readonly text: string;
  private readonly tokens: Token[];
  private index = 0;

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  peek(ahead = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + ahead] ?? last;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  /** A bare word spelled `keyword`, any case. */
  isKeyword(keyword: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  /** `group by`, `order by`: the clause keywords only count when followed by `by`. */
  atClause(keyword: 'group' | 'order'): boolean {
    return this.isKeyword(keyword) && this.isKeyword('by', 1);
  }

  /** `limit` starts a clause when a bare word (the number, checked later) or the end follows. */
  atLimit(): boolean {
    return this.isKeyword('limit') && (this.peek(1).kind === 'word' || this.peek(1).kind === 'eof');
  }

  acceptKeyword(keyword: string): Token | undefined {
    return this.isKeyword(keyword) ? this.next() : undefined;
  }

  expectKeyword(keyword: string): Token {
    const token = this.acceptKeyword(keyword);
    if (!token) throw this.unexpected(`"${keyword}"`);
    return token;
  }

  accept(kind: Token['kind']): Token | undefined {
    return this.peek().kind === kind ? this.next() : undefined;
  }

  expect(kind: Token['kind'], wanted: string): Token {
    const token = this.accept(kind);
    if (!token) throw this.unexpected(wanted);
    return token;
  }

  error(at: number, reason: string): QueryError {
    return new QueryError(this.text, at, reason);
  }

  /** "expected X, not Y" at the current token. */
  unexpected(wanted: string, ahead = 0): QueryError {
    const token = this.peek(ahead);
    return this.error(token.start, `expected ${wanted}, not ${describeToken(token)}`);
  }
}

export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the query';
    case 'string':
      return `the text "${token.text}"`;
    default:
      return `"${token.text}"`;
  }
}
