import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cronExpression,
  cronExpressionProblem,
  localPath,
  secret,
  text,
  timeZone,
  uniqueBy,
} from '../../src/core/config/schema-parts.ts';
import { descriptionOf } from '../../src/core/config/schema-walk.ts';

function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('schema parts trim text before checking it', () => {
  it.each([
    ['text', text('a name'), '  me  ', 'me'],
    [
      'localPath',
      localPath('the database', { baseDir: '/etc/shelfsync', home: '/home/me' }),
      ' db.sqlite ',
      '/etc/shelfsync/db.sqlite',
    ],
    ['timeZone', timeZone(), ' Europe/Berlin ', 'Europe/Berlin'],
    ['cronExpression', cronExpression(), ' 0 */6 * * * ', '0 */6 * * *'],
  ] as const)('%s', (_name, schema, input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });
});

describe('placeholders', () => {
  it('are refused by name in text and secrets, even with spaces around them', () => {
    expect(messagesOf(text('your name'), '<your name>')).toEqual([
      'replace the placeholder from `shelfsync init` with your name',
    ]);
    expect(messagesOf(secret('your token'), ' <your token> ')).toEqual([
      'replace the placeholder from `shelfsync init` with your token',
      'your token must not contain spaces or line breaks',
    ]);
  });
});

describe('timeZone and cronExpression', () => {
  it('say what they expect', () => {
    expect(descriptionOf(timeZone())).toBe('an IANA time zone name such as Europe/Berlin');
    expect(descriptionOf(cronExpression())).toBe('a cron expression (minute hour day month weekday)');
    expect(messagesOf(timeZone(), 'Nowhere/Land')).toEqual([
      'must be an IANA time zone name such as Europe/Berlin or UTC',
    ]);
  });

  it('accept a valid cron expression and explain an invalid one without the library prefix', () => {
    expect(messagesOf(cronExpression(), '0 */6 * * *')).toEqual([]);
    const problem = cronExpressionProblem('61 * * * *');
    expect(problem).toMatch(/^must be a cron expression such as "0 \*\/6 \* \* \*" \(.+\)$/);
    expect(problem).not.toMatch(/CronPattern/);
    expect(problem).not.toMatch(/\.\)$/);
    expect(messagesOf(cronExpression(), '61 * * * *')).toEqual([problem]);
  });
});

describe('uniqueBy', () => {
  const idOf = (item: unknown) => (typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id);
  const users = z
    .array(z.unknown())
    .superRefine((items, context) => uniqueBy(items, idOf, context, ['id'], 'user id'));

  it('reports each repeat at its own place, skipping entries that have no text key', () => {
    const parsed = users.safeParse([
      { id: 'a' },
      null,
      5,
      { id: 'a' },
      'x',
      'x',
      { id: 3 },
      { id: 3 },
      { id: 'a' },
    ]);
    expect(
      parsed.error?.issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message })),
    ).toEqual([
      {
        code: 'custom',
        path: [3, 'id'],
        message: 'duplicate user id "a" (also entry 0); each must be different',
      },
      {
        code: 'custom',
        path: [5, 'id'],
        message: 'duplicate user id "x" (also entry 4); each must be different',
      },
      {
        code: 'custom',
        path: [8, 'id'],
        message: 'duplicate user id "a" (also entry 0); each must be different',
      },
    ]);
  });
});
