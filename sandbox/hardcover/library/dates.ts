/** Date and timestamp text in the shapes Hasura returns them. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** Postgres `timestamptz` text: `2026-01-01T10:00:00.5+00:00` (fraction only when non-zero). */
export function timestamptz(ms: number): string {
  return `${timestamp(ms)}+00:00`;
}

/** Postgres `timestamp` (without time zone) text, UTC. */
export function timestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const [whole = iso, fraction = '000Z'] = iso.split('.');
  const digits = fraction.replace('Z', '').replace(/0+$/, '');
  return digits ? `${whole}.${digits}` : whole;
}

/** Normalizes a stored timestamp string; keeps it as is when it does not parse. */
export function toTimestamptz(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : timestamptz(ms);
}

/** One formatter per zone: building an Intl.DateTimeFormat costs more than a write to the library. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `ms` in an IANA time zone (UTC when the zone is unknown). */
export function localDate(ms: number, timeZone: string | null): string {
  const zone = timeZone ?? 'UTC';
  try {
    let format = dayFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      dayFormats.set(zone, format);
    }
    return format.format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}
