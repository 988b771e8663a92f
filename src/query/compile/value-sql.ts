import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { foldText } from '../../core/text/fold.ts';
import type { DatePeriod, Scalar } from '../ast.ts';
import { isPeriod, textOf, type ValueCondition } from './condition.ts';

/**
 * A condition applied to one SQL expression. Every value is a bound parameter; only the operators,
 * which come from a fixed list, are written into the SQL text.
 */
export type ColumnKind = 'number' | 'date' | 'folded';

export const FALSE: RawBuilder<SqlBool> = sql<SqlBool>`0`;

export function columnCondition(
  column: RawBuilder<unknown>,
  kind: ColumnKind,
  condition: ValueCondition,
): RawBuilder<SqlBool> {
  if (condition.op === 'in') {
    const parts = condition.items.map((item) =>
      typeof item === 'object' && 'low' in item
        ? between(column, kind, item.low, item.high)
        : columnCondition(column, kind, { op: '=', value: item }),
    );
    return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  }
  const { op, value } = condition;
  if (kind === 'date' && isPeriod(value)) return dateCondition(column, op, value);
  const bound = kind === 'folded' ? foldText(textOf(value)) : value;
  if (op === '~') return sql<SqlBool>`instr(${column}, ${bound}) > 0`;
  return sql<SqlBool>`${column} ${sql.raw(op)} ${bound}`;
}

function between(
  column: RawBuilder<unknown>,
  kind: ColumnKind,
  low: Scalar,
  high: Scalar,
): RawBuilder<SqlBool> {
  if (kind === 'date' && isPeriod(low) && isPeriod(high)) {
    return sql<SqlBool>`(${column} >= ${low.from} and ${column} < ${high.until})`;
  }
  return sql<SqlBool>`(${column} between ${low} and ${high})`;
}

/** A date stands for a period: `= 2024-03` is the whole month, `> 2024-03` starts in April. */
function dateCondition(column: RawBuilder<unknown>, op: string, period: DatePeriod): RawBuilder<SqlBool> {
  switch (op) {
    case '<':
      return sql<SqlBool>`${column} < ${period.from}`;
    case '<=':
      return sql<SqlBool>`${column} < ${period.until}`;
    case '>':
      return sql<SqlBool>`${column} >= ${period.until}`;
    case '>=':
      return sql<SqlBool>`${column} >= ${period.from}`;
    default:
      return sql<SqlBool>`(${column} >= ${period.from} and ${column} < ${period.until})`;
  }
}
