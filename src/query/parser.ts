import type { Aggregate, AggregateFunction, Query, SortKey } from './ast.ts';
import { type FieldName, lookupField } from './fields.ts';
import { parseFieldName, parseFilter } from './filter-parser.ts';
import { TokenStream } from './token-stream.ts';

/**
 *   query      := [aggregates ["where" filter] | ["where"] filter]
 *                 ["group" "by" field ("," field)*]
 *                 ["order" "by" key ["asc"|"desc"] ("," key ["asc"|"desc"])*]
 *                 ["limit" integer]
 *   aggregates := aggregate ("," aggregate)*      count | count(field) | min/max/avg/sum(field)
 *
 * A query without aggregates lists releases; `group by` alone counts each group.
 * Throws QueryError (a usage error) pointing at the first mistake.
 */
export function parseQuery(text: string): Query {
  const stream = new TokenStream(text);
  const query: Query = { text, aggregates: [], groupBy: [], orderBy: [] };
  if (atAggregate(stream)) {
    query.aggregates = parseAggregates(stream);
    if (stream.acceptKeyword('where')) query.filter = parseFilter(stream);
  } else {
    const where = stream.acceptKeyword('where');
    if (where || !atClauseOrEnd(stream)) query.filter = parseFilter(stream);
  }
  if (stream.atClause('group')) {
    stream.next();
    stream.next();
    query.groupBy = parseGroupFields(stream);
    if (query.aggregates.length === 0) query.aggregates = [{ fn: 'count', label: 'count' }];
  }
  if (stream.atClause('order')) {
    stream.next();
    stream.next();
    query.orderBy = parseSortKeys(stream, query);
  }
  if (stream.atLimit()) {
    stream.next();
    query.limit = parseLimit(stream);
  }
  if (stream.peek().kind !== 'eof') throw trailingError(stream, query);
  return query;
}

const AGGREGATES: readonly AggregateFunction[] = ['count', 'min', 'max', 'avg', 'sum'];

function atClauseOrEnd(stream: TokenStream): boolean {
  return (
    stream.peek().kind === 'eof' || stream.atClause('group') || stream.atClause('order') || stream.atLimit()
  );
}

/** `count` alone, or an aggregate name followed by "(". */
function atAggregate(stream: TokenStream, ahead = 0): boolean {
  const token = stream.peek(ahead);
  if (token.kind !== 'word') return false;
  const name = token.text.toLowerCase();
  if (!AGGREGATES.includes(name as AggregateFunction)) return false;
  return stream.peek(ahead + 1).kind === 'lparen' || name === 'count';
}

function parseAggregates(stream: TokenStream): Aggregate[] {
  const aggregates = [parseAggregate(stream)];
  while (stream.accept('comma')) {
    if (!atAggregate(stream))
      throw stream.unexpected('an aggregate: count, min(...), max(...), avg(...) or sum(...)');
    aggregates.push(parseAggregate(stream));
  }
  return aggregates;
}

function parseAggregate(stream: TokenStream): Aggregate {
  const fn = stream.next().text.toLowerCase() as AggregateFunction;
  if (!stream.accept('lparen')) return { fn, label: fn };
  if (fn === 'count' && stream.peek().kind === 'rparen') {
    stream.next();
    return { fn, label: fn };
  }
  if (fn === 'count' && stream.peek().text === '*' && stream.peek(1).kind === 'rparen') {
    stream.next();
    stream.next();
    return { fn, label: fn };
  }
  const fieldToken = stream.peek();
  const field = parseFieldName(stream);
  if ((fn === 'avg' || fn === 'sum') && field.type !== 'number' && field.type !== 'duration') {
    throw stream.error(
      fieldToken.start,
      `${fn} needs a number field such as year, rating or duration, not ${field.name}`,
    );
  }
  if (field.multi && field.type !== 'duration') {
    throw stream.error(
      fieldToken.start,
      `${fn}(${field.name}) cannot be computed: a release has several of them; group by ${field.name} instead`,
    );
  }
  stream.expect('rparen', '")"');
  return { fn, field: field.name, label: `${fn}(${field.name})` };
}

const UNGROUPABLE: ReadonlySet<FieldName> = new Set(['duration']);
const UNSORTABLE: ReadonlySet<FieldName> = new Set(['track', 'duration']);

function parseGroupFields(stream: TokenStream): FieldName[] {
  const fields: FieldName[] = [];
  do {
    const token = stream.peek();
    const field = parseFieldName(stream);
    if (UNGROUPABLE.has(field.name)) throw stream.error(token.start, `cannot group by ${field.name}`);
    if (fields.includes(field.name)) throw stream.error(token.start, `${field.name} is already grouped by`);
    fields.push(field.name);
  } while (stream.accept('comma'));
  return fields;
}

function parseSortKeys(stream: TokenStream, query: Query): SortKey[] {
  const keys: SortKey[] = [];
  do {
    const token = stream.peek();
    let target: SortKey['target'];
    if (atAggregate(stream)) {
      if (query.aggregates.length === 0) {
        throw stream.error(
          token.start,
          'only a query with aggregates or group by can be ordered by an aggregate',
        );
      }
      target = { kind: 'aggregate', aggregate: parseAggregate(stream) };
    } else {
      const field = parseFieldName(stream);
      if (query.aggregates.length > 0 && !query.groupBy.includes(field.name)) {
        throw stream.error(
          token.start,
          `order by ${field.name} needs group by ${field.name}, or order by an aggregate`,
        );
      }
      if (query.aggregates.length === 0 && UNSORTABLE.has(field.name)) {
        throw stream.error(token.start, `releases cannot be ordered by ${field.name}`);
      }
      target = { kind: 'field', field: field.name };
    }
    const direction = stream.acceptKeyword('desc') ? 'desc' : 'asc';
    if (direction === 'asc') stream.acceptKeyword('asc');
    keys.push({ target, direction });
  } while (stream.accept('comma'));
  return keys;
}

function parseLimit(stream: TokenStream): number {
  const token = stream.peek();
  if (token.kind !== 'word' || !/^\d+$/.test(token.text) || !Number.isSafeInteger(Number(token.text))) {
    throw stream.unexpected('a whole number after limit');
  }
  stream.next();
  return Number(token.text);
}

/** What was left over: a missing "and", a clause out of order, or stray text. */
function trailingError(stream: TokenStream, query: Query): Error {
  const token = stream.peek();
  if (token.kind === 'rparen') return stream.error(token.start, 'this ")" closes no "("');
  if (stream.atClause('group') || stream.atClause('order')) {
    return stream.error(token.start, 'clauses go in this order: filter, group by, order by, limit');
  }
  if (token.kind === 'word' && lookupField(token.text) && query.filter) {
    return stream.error(token.start, `missing "and" or "or" before ${token.text}?`);
  }
  const wanted = query.filter
    ? 'and, or, group by, order by, limit or the end of the query'
    : 'group by, order by, limit or the end of the query';
  return stream.unexpected(wanted);
}
