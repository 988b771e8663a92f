/** Date formats the two record vendors use, computed without the host's time zone. */

import { civilFromDays, DAY_MS, pad2 as pad } from '../core/civil-date.ts';

/** The nth Sunday (1-based) of a month in UTC, as a day of the month. */
function nthSunday(year: number, month: number, nth: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + (nth - 1) * 7;
}

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Per year, the UTC instants US Pacific daylight time starts and ends; the generator asks often. */
const daylightSpans = new Map<number, readonly [number, number]>();

/**
 * When US Pacific daylight time applies in `year` (rules since 2007: second Sunday of March to first
 * Sunday of November, switching at 10:00 UTC; earlier years use the pre-2007 April..October rule).
 */
function daylightSpan(year: number): readonly [number, number] {
  let span = daylightSpans.get(year);
  if (!span) {
    const startDay = year >= 2007 ? nthSunday(year, 2, 2) : nthSunday(year, 3, 1);
    const startMonth = year >= 2007 ? 2 : 3;
    const endDay = year >= 2007 ? nthSunday(year, 10, 1) : lastSunday(year, 9);
    const endMonth = year >= 2007 ? 10 : 9;
    span = [Date.UTC(year, startMonth, startDay, 10), Date.UTC(year, endMonth, endDay, 9)];
    daylightSpans.set(year, span);
  }
  return span;
}

/** Discogs' timestamps: ISO 8601 in US Pacific time with its offset, e.g. 2015-04-14T03:23:29-07:00. */
export function discogsTimestamp(ms: number): string {
  // Math.trunc where Date would truncate, so fractional inputs give what Date-based code gave.
  const [start, end] = daylightSpan(civilFromDays(Math.floor(Math.trunc(ms) / DAY_MS))[0]);
  const offsetHours = ms >= start && ms < end ? 7 : 8;
  return `${utcText(Math.trunc(ms - offsetHours * 3_600_000), '-', 'T')}-0${offsetHours}:00`;
}

/** "yyyy<sep>mm<sep>dd<between>hh:mm:ss" in UTC, computed without Date objects (hot in the generator). */
function utcText(ms: number, separator: string, between: string): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const [year, month, day] = civilFromDays(days);
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  return `${year}${separator}${pad(month)}${separator}${pad(day)}${between}${pad(h)}:${pad(m)}:${pad(rest % 60)}`;
}

/** SoundCloud's created_at format: "2019/01/15 15:40:49 +0000". */
export function soundcloudTimestamp(ms: number): string {
  return `${utcText(ms, '/', ' ')} +0000`;
}

/** "3:45" from seconds; Discogs writes minutes without padding and hours as h:mm:ss. */
export function discogsDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Seconds from a Discogs duration string, or undefined for "" and malformed values. */
export function parseDiscogsDuration(value: string): number | undefined {
  if (!/^\d+(:\d{1,2}){1,2}$/.test(value)) return undefined;
  return value.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
