import type { CompareOp, DatePeriod, Literal, RangeLiteral, Scalar } from '../ast.ts';

/**
 * One condition on a field's values, with the field taken away: what the compiler applies to
 * whichever column holds that field.
 */
export type ValueCondition =
  | { op: CompareOp; value: Scalar }
  | { op: 'in'; items: (Scalar | { low: Scalar; high: Scalar })[] };

export function compareCondition(op: CompareOp, value: Literal): ValueCondition {
  return { op, value: value.value };
}

export function inCondition(items: readonly (Literal | RangeLiteral)[]): ValueCondition {
  return {
    op: 'in',
    items: items.map((item) => ('low' in item ? { low: item.low.value, high: item.high.value } : item.value)),
  };
}

export function isPeriod(value: Scalar): value is DatePeriod {
  return typeof value === 'object';
}

/** The text of a value for text fields (numbers typed into a text field, e.g. `catno = 4003`, stay text). */
export function textOf(value: Scalar): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.from;
}
