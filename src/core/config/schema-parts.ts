import { CronPattern } from 'croner';
import { z } from 'zod';
import { resolveUserPath } from './paths.ts';
import { secretSchemas } from './schema-walk.ts';

/** Building blocks of the config schema; each says in its messages what it expects. */

const PLACEHOLDER = /^<.*>$/s;

function placeholderMessage(what: string): string {
  return `replace the placeholder from \`shelfsync init\` with ${what}`;
}

/** Non-empty text that is not a `<...>` placeholder left over from the starter config. */
export function text(what: string) {
  return z
    .string()
    .trim()
    .min(1)
    .refine((value) => !PLACEHOLDER.test(value), { message: placeholderMessage(what) })
    .describe(what);
}

/**
 * A secret (token, client secret). May also be given as `<key>_file`; its value is redacted from logs
 * and errors. The message never repeats the value.
 */
export function secret(what: string) {
  const schema = z
    .string()
    .min(1)
    .refine((value) => !PLACEHOLDER.test(value.trim()), { message: placeholderMessage(what) })
    .refine((value) => !/\s/.test(value), { message: `${what} must not contain spaces or line breaks` })
    .describe(what);
  secretSchemas.add(schema);
  return schema;
}

/** An http(s) URL, without a trailing slash so clients can append paths. */
export function httpUrl(what: string) {
  return z
    .string()
    .trim()
    .min(1)
    .refine((value) => !PLACEHOLDER.test(value), { message: placeholderMessage(what) })
    .refine(isHttpUrl, { message: `must be an http:// or https:// URL (${what})` })
    .transform((value) => value.replace(/\/+$/, ''))
    .describe(what);
}

// Every http(s) URL that parses has a host: the URL parser refuses these schemes without one.
function isHttpUrl(value: string): boolean {
  const protocol = URL.parse(value)?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}

export interface PathContext {
  baseDir: string;
  home: string;
}

/** A file path; `~` is the home folder, relative paths start at the config file's folder. */
export function localPath(what: string, context: PathContext) {
  return z
    .string()
    .trim()
    .min(1)
    .transform((value) => resolveUserPath(value, context.baseDir, context.home))
    .describe(what);
}

export function percent(what: string) {
  return z.number().min(0).max(100).describe(`${what}, in percent from 0 to 100`);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  return true;
}

export function timeZone() {
  return z
    .string()
    .trim()
    .refine(isTimeZone, { message: 'must be an IANA time zone name such as Europe/Berlin or UTC' })
    .describe('an IANA time zone name such as Europe/Berlin');
}

export function cronExpressionProblem(value: string): string | undefined {
  try {
    new CronPattern(value);
    return undefined;
  } catch (error) {
    // croner starts every message with "CronPattern: " and ends it with a full stop.
    const reason =
      error instanceof Error ? error.message.replace('CronPattern: ', '').replace(/\.$/, '') : String(error);
    return `must be a cron expression such as "0 */6 * * *" (${reason})`;
  }
}

export function cronExpression() {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = cronExpressionProblem(value);
      if (problem) context.addIssue(problem);
    })
    .describe('a cron expression (minute hour day month weekday)');
}

/** Run a list check even when some entries are invalid, so duplicates show up with the other problems. */
export const evenWithProblems = { when: () => true };

/**
 * Reports every repeated value at the path of its second and later occurrence. Entries may be
 * unchecked (see evenWithProblems): `keyOf` sees anything, and only text keys count.
 */
export function uniqueBy(
  items: unknown,
  keyOf: (item: unknown) => unknown,
  context: z.RefinementCtx,
  field: string[],
  what: string,
): void {
  if (!Array.isArray(items)) return;
  const firstIndex = new Map<string, number>();
  items.forEach((item: unknown, index) => {
    const key = keyOf(item);
    if (typeof key !== 'string') return;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    context.addIssue({
      code: 'custom',
      path: [index, ...field],
      message: `duplicate ${what} "${key}" (also entry ${first}); each must be different`,
    });
  });
}
