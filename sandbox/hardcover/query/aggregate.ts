/**
 * Postgres aggregate functions over one column, as Hasura's `aggregate { max { col } ... }` runs
 * them: NULLs are skipped; over no values every function is null; the sample spread of one value
 * is null, the population spread 0.
 */
import type { AggregateFunction } from '../schema/aggregate-sdl.ts';
import type { ColumnKind, Row } from './row-model.ts';
import { compareNormalized, normalize } from './values.ts';

function extreme(values: unknown[], kind: ColumnKind, sign: 1 | -1): unknown {
  let best = values[0];
  for (const value of values.slice(1)) {
    if (sign * compareNormalized(normalize(kind, value), normalize(kind, best)) > 0) best = value;
  }
  return best;
}

function squaredDeviations(numbers: number[]): number {
  const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
  return numbers.reduce((total, n) => total + (n - mean) ** 2, 0);
}

export function aggregateColumn(
  fn: AggregateFunction,
  rows: readonly Row[],
  column: string,
  kind: ColumnKind,
) {
  const values = rows.map((row) => row[column]).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return null;
  if (fn === 'max') return extreme(values, kind, 1);
  if (fn === 'min') return extreme(values, kind, -1);
  const numbers = values.map(Number);
  const n = numbers.length;
  const sum = numbers.reduce((a, b) => a + b, 0);
  switch (fn) {
    case 'sum':
      return sum;
    case 'avg':
      return sum / n;
    case 'var_pop':
      return squaredDeviations(numbers) / n;
    case 'stddev_pop':
      return Math.sqrt(squaredDeviations(numbers) / n);
    case 'variance':
    case 'var_samp':
      return n < 2 ? null : squaredDeviations(numbers) / (n - 1);
    case 'stddev':
    case 'stddev_samp':
      return n < 2 ? null : Math.sqrt(squaredDeviations(numbers) / (n - 1));
  }
}
