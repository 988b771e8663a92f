import type { DatePeriod, Scalar } from './ast.ts';
import type { FieldInfo } from './fields.ts';

/**
 * Reads a value as written into what its field holds. Returns a reason instead of a value when it
 * does not fit, so the parser can point at it.
 */
export type ValueReading = { ok: true; value: Scalar } | { ok: false; reason: string };

const NUMBER = /^-?\d+(\.\d+)?$/;
const DECADE = /^(\d{3}0)s$/i;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

export function readValue(field: FieldInfo, text: string): ValueReading {
  switch (field.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number':
      return readNumber(field, text);
    case 'date':
      return readDate(text);
    case 'duration':
      return readDuration(text);
  }
}

function readNumber(field: FieldInfo, text: string): ValueReading {
  const decade = field.name === 'decade' ? DECADE.exec(text) : null;
  if (decade) return { ok: true, value: Number(decade[1]) };
  if (NUMBER.test(text)) return { ok: true, value: Number(text) };
  const example = field.name === 'decade' ? '1960 or 1960s' : '1969';
  return { ok: false, reason: `${field.name} takes a number such as ${example}, not "${text}"` };
}

function readDate(text: string): ValueReading {
  const match = DATE.exec(text);
  const period = match ? periodOf(Number(match[1]), match[2], match[3]) : undefined;
  if (period) return { ok: true, value: period };
  return { ok: false, reason: `dates are written 2024-03-31, 2024-03 or 2024, not "${text}"` };
}

function periodOf(year: number, month: string | undefined, day: string | undefined): DatePeriod | undefined {
  if (month === undefined) return { from: isoDate(year, 1, 1), until: isoDate(year + 1, 1, 1) };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return undefined;
  if (day === undefined)
    return { from: isoDate(year, monthNumber, 1), until: isoDate(year, monthNumber + 1, 1) };
  const dayNumber = Number(day);
  const date = new Date(Date.UTC(year, monthNumber - 1, dayNumber));
  if (date.getUTCMonth() !== monthNumber - 1 || date.getUTCDate() !== dayNumber) return undefined;
  return { from: isoDate(year, monthNumber, dayNumber), until: isoDate(year, monthNumber, dayNumber + 1) };
}

/** Month and day may overflow (month 13, day 32): setUTCFullYear carries them into the next year or month. */
function isoDate(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.toISOString().slice(0, 10);
}

function readDuration(text: string): ValueReading {
  if (NUMBER.test(text)) return { ok: true, value: Number(text) };
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, hours, minutes, seconds] = clock;
    const total = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
    if (Number(seconds) < 60 && (hours === undefined || Number(minutes) < 60))
      return { ok: true, value: total };
  }
  return { ok: false, reason: `durations are written 3:30, 1:02:03 or in seconds, not "${text}"` };
}
