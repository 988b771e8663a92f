/** Date formats of the generated world: Hardcover's `date` (YYYY-MM-DD) and `timestamptz` columns. */

import { civilFromDays, DAY_MS, pad2 } from '../core/civil-date.ts';

export { DAY_MS };

/**
 * The UTC calendar date of `ms` as YYYY-MM-DD. Computed arithmetically (days to civil date) because
 * the generator formats tens of thousands of dates and `toISOString` dominated its run time.
 */
export function ymd(ms: number): string {
  const [year, month, day] = civilFromDays(Math.floor(ms / DAY_MS));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
