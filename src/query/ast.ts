import type { FieldName } from './fields.ts';

/** What a parsed query means, with the offsets of its parts kept for error messages. */

/** A date as written stands for a period: 2024 is a year, 2024-03 a month, 2024-03-05 a day. */
export interface DatePeriod {
  /** First day, ISO yyyy-mm-dd. */
  from: string;
  /** Day after the last, ISO yyyy-mm-dd. */
  until: string;
}

/** Text for text fields, a number for numbers and durations (seconds), a period for dates. */
export type Scalar = string | number | DatePeriod;

export interface Span {
  start: number;
  end: number;
}

export interface Literal extends Span {
  value: Scalar;
}

export interface RangeLiteral extends Span {
  low: Literal;
  high: Literal;
}

export interface FieldRef extends Span {
  name: FieldName;
}

/** Ordered comparisons and `~` (contains, ignoring case and accents). `!=`, `!~`, `not in` become `not`. */
export type CompareOp = '=' | '<' | '<=' | '>' | '>=' | '~';

export type Filter =
  | { kind: 'and'; operands: Filter[] }
  | { kind: 'or'; operands: Filter[] }
  | { kind: 'not'; operand: Filter }
  | { kind: 'compare'; field: FieldRef; op: CompareOp; value: Literal }
  | { kind: 'in'; field: FieldRef; items: (Literal | RangeLiteral)[] };

export type AggregateFunction = 'count' | 'min' | 'max' | 'avg' | 'sum';

export interface Aggregate {
  fn: AggregateFunction;
  /** Absent only for a plain count of releases. */
  field?: FieldName;
  /** How it is shown and named in rows: "count", "avg(rating)". */
  label: string;
}

export type SortTarget = { kind: 'field'; field: FieldName } | { kind: 'aggregate'; aggregate: Aggregate };

export interface SortKey {
  target: SortTarget;
  direction: 'asc' | 'desc';
}

export interface Query {
  text: string;
  filter?: Filter;
  /** Empty for a list of releases; otherwise one row per group (one row in all without group by). */
  aggregates: Aggregate[];
  groupBy: FieldName[];
  orderBy: SortKey[];
  limit?: number;
}

export function isAggregateQuery(query: Query): boolean {
  return query.aggregates.length > 0;
}
