import type { CompareOp, FieldRef, Filter, Literal, RangeLiteral } from './ast.ts';
import { type FieldInfo, lookupField, suggestField } from './fields.ts';
import { KEYWORDS, type TokenStream } from './token-stream.ts';
import { readValue } from './values.ts';

/**
 * The filter grammar, loosest first:
 *   or        := and ("or" and)*
 *   and       := unary ("and" unary)*
 *   unary     := "not" unary | "(" or ")" | condition
 *   condition := field op value | field op range | field ["not"] "in" (list | range)
 */
export function parseFilter(stream: TokenStream): Filter {
  const filter = parseOr(stream);
  checkSize(stream, filter);
  return filter;
}

/** SQLite refuses expressions nested more than 1000 deep; these limits keep well inside that. */
const MAX_VALUES = 300;
const MAX_DEPTH = 100;

function checkSize(stream: TokenStream, filter: Filter): void {
  let values = 0;
  const visit = (node: Filter, depth: number): void => {
    if (node.kind === 'and' || node.kind === 'or') {
      for (const operand of node.operands) visit(operand, depth + 1);
      return;
    }
    if (node.kind === 'not') {
      if (depth >= MAX_DEPTH)
        throw stream.error(firstOffset(node), `the query nests deeper than ${MAX_DEPTH} levels`);
      visit(node.operand, depth + 1);
      return;
    }
    values += node.kind === 'in' ? node.items.length : 1;
    if (values > MAX_VALUES)
      throw stream.error(node.field.start, `the query compares more than ${MAX_VALUES} values`);
  };
  visit(filter, 0);
}

function firstOffset(node: Filter): number {
  switch (node.kind) {
    case 'and':
    case 'or':
      return firstOffset(node.operands[0] as Filter);
    case 'not':
      return firstOffset(node.operand);
    default:
      return node.field.start;
  }
}

function parseOr(stream: TokenStream): Filter {
  const operands = [parseAnd(stream)];
  while (stream.acceptKeyword('or')) operands.push(parseAnd(stream));
  return operands.length === 1 ? (operands[0] as Filter) : { kind: 'or', operands };
}

function parseAnd(stream: TokenStream): Filter {
  const operands = [parseUnary(stream)];
  while (stream.acceptKeyword('and')) operands.push(parseUnary(stream));
  return operands.length === 1 ? (operands[0] as Filter) : { kind: 'and', operands };
}

function parseUnary(stream: TokenStream): Filter {
  if (stream.acceptKeyword('not')) return { kind: 'not', operand: parseUnary(stream) };
  const open = stream.accept('lparen');
  if (open) {
    if (stream.peek().kind === 'rparen') throw stream.unexpected('a condition inside the parentheses');
    const inner = parseOr(stream);
    if (!stream.accept('rparen')) {
      if (stream.peek().kind === 'eof') throw stream.error(open.start, 'this parenthesis is never closed');
      throw stream.unexpected('and, or or ")"');
    }
    return inner;
  }
  return parseCondition(stream);
}

function parseCondition(stream: TokenStream): Filter {
  const fieldToken = stream.peek();
  const info = parseFieldName(stream);
  const ref: FieldRef = { name: info.name, start: fieldToken.start, end: fieldToken.end };
  if (stream.isKeyword('in') || (stream.isKeyword('not') && stream.isKeyword('in', 1))) {
    const negated = stream.acceptKeyword('not') !== undefined;
    stream.next();
    const condition: Filter = { kind: 'in', field: ref, items: parseInItems(stream, info) };
    return negated ? { kind: 'not', operand: condition } : condition;
  }
  const opToken = stream.peek();
  if (opToken.kind !== 'op')
    throw stream.unexpected(`an operator after ${info.name} (= != < <= > >= ~ !~ in)`);
  stream.next();
  const op = opToken.text;
  if ((op === '~' || op === '!~') && info.type !== 'text') {
    throw stream.error(
      opToken.start,
      `${op} compares text, and ${info.name} is a ${info.type}; use = < > or in`,
    );
  }
  const low = parseLiteral(stream, info);
  let condition: Filter;
  if (stream.peek().kind === 'range') {
    if (op !== '=' && op !== '!=')
      throw stream.error(stream.peek().start, `a range needs = or in, not ${op}`);
    condition = { kind: 'in', field: ref, items: [parseRangeEnd(stream, info, low)] };
  } else {
    condition = { kind: 'compare', field: ref, op: positiveOf(op), value: low };
  }
  return op === '!=' || op === '!~' ? { kind: 'not', operand: condition } : condition;
}

function positiveOf(op: string): CompareOp {
  if (op === '!=') return '=';
  if (op === '!~') return '~';
  return op as CompareOp;
}

/** A field name, or a QueryError naming the closest one. */
export function parseFieldName(stream: TokenStream): FieldInfo {
  const token = stream.peek();
  if (token.kind !== 'word' || KEYWORDS.includes(token.text.toLowerCase())) {
    throw stream.unexpected('a field name such as genre, year or artist');
  }
  const field = lookupField(token.text);
  if (!field) {
    const suggestion = suggestField(token.text);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    throw stream.error(token.start, `unknown field "${token.text}"${hint}`);
  }
  stream.next();
  return field;
}

function parseInItems(stream: TokenStream, info: FieldInfo): (Literal | RangeLiteral)[] {
  if (!stream.accept('lparen')) {
    // `year in 1960..1969`: a bare range needs no parentheses.
    const low = parseLiteral(stream, info);
    if (stream.peek().kind !== 'range') throw stream.unexpected('".." (a range such as 1960..1969)');
    return [parseRangeEnd(stream, info, low)];
  }
  const items: (Literal | RangeLiteral)[] = [];
  do {
    const low = parseLiteral(stream, info);
    items.push(stream.peek().kind === 'range' ? parseRangeEnd(stream, info, low) : low);
  } while (stream.accept('comma'));
  if (!stream.accept('rparen')) throw stream.unexpected('"," or ")"');
  return items;
}

function parseRangeEnd(stream: TokenStream, info: FieldInfo, low: Literal): RangeLiteral {
  const dots = stream.next();
  if (info.type === 'text')
    throw stream.error(dots.start, `ranges need numbers or dates, and ${info.name} is text`);
  const high = parseLiteral(stream, info, true);
  return { low, high, start: low.start, end: high.end };
}

/**
 * A quoted string, or bare words run together (`artist = Miles Davis`). Bare words stop at keywords
 * that continue the query, and before a word that starts the next condition (`genre = Jazz year > 1`
 * stops after Jazz, so the missing "and" is reported at year).
 */
function parseLiteral(stream: TokenStream, info: FieldInfo, single = false): Literal {
  const first = stream.peek();
  if (first.kind === 'string') {
    stream.next();
    return literal(stream, info, first.text, first.start, first.end);
  }
  if (first.kind !== 'word' || endsBareValue(stream, 0)) {
    throw stream.unexpected(
      `a value for ${info.name}${first.kind === 'eof' ? '' : ' (quote text that holds keywords)'}`,
    );
  }
  let last = stream.next();
  if (info.type === 'text' && !single) {
    while (stream.peek().kind === 'word' && !endsBareValue(stream, 0) && !startsCondition(stream)) {
      last = stream.next();
    }
  }
  return literal(stream, info, stream.text.slice(first.start, last.end), first.start, last.end);
}

function literal(stream: TokenStream, info: FieldInfo, text: string, start: number, end: number): Literal {
  const reading = readValue(info, text);
  if (!reading.ok) throw stream.error(start, reading.reason);
  return { value: reading.value, start, end };
}

function endsBareValue(stream: TokenStream, ahead: number): boolean {
  const word = stream.peek(ahead).text.toLowerCase();
  if (word === 'and' || word === 'or') return true;
  if (word === 'group' || word === 'order') return stream.isKeyword('by', ahead + 1);
  if (word === 'limit')
    return stream.peek(ahead + 1).kind === 'word' || stream.peek(ahead + 1).kind === 'eof';
  return false;
}

/** A field name followed by an operator or `in` begins a condition, so it cannot continue a value. */
function startsCondition(stream: TokenStream): boolean {
  const next = stream.peek(1);
  if (next.kind === 'op') return true;
  return lookupField(stream.peek().text) !== undefined && stream.isKeyword('in', 1);
}
