import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coerceEnvValue, envSettings } from '../../src/core/config/env-overrides.ts';
import { secret } from '../../src/core/config/schema-parts.ts';

describe('coerceEnvValue', () => {
  it.each([
    [' 5 ', 'number', 5],
    ['-2', 'number', -2],
    ['1.25', 'number', 1.25],
    ['5x', 'number', '5x'],
    ['x5', 'number', 'x5'],
    ['1.', 'number', '1.'],
    [' YES ', 'boolean', true],
    ['true', 'boolean', true],
    ['1', 'boolean', true],
    ['on', 'boolean', true],
    ['no', 'boolean', false],
    ['false', 'boolean', false],
    ['0', 'boolean', false],
    ['OFF', 'boolean', false],
    ['maybe', 'boolean', 'maybe'],
    ['', 'boolean', ''],
    [' text kept as is ', 'string', ' text kept as is '],
  ] as const)('%j as %s → %j', (raw, kind, expected) => {
    expect(coerceEnvValue(raw, kind)).toEqual(expected);
  });

  it('splits a list at commas, drops empty items and coerces each', () => {
    expect(coerceEnvValue(' a, b ,,c ', 'list')).toEqual(['a', 'b', 'c']);
    expect(coerceEnvValue('1, 2,x', 'list', 'number')).toEqual([1, 2, 'x']);
  });
});

describe('envSettings', () => {
  it('names a variable for every leaf, list of plain values and secret file, but not for lists of mappings', () => {
    const schema = z.object({
      database: z.object({ path: z.string().optional() }),
      books: z.object({
        min_progress: z.number().default(5),
        auto_add: z.boolean(),
        match_order: z.array(z.enum(['asin', 'isbn'])),
        users: z.array(z.object({ id: z.string() })),
        hardcover: z.object({ token: secret('the token') }).optional(),
      }),
    });
    expect(envSettings(schema)).toEqual([
      { name: 'SHELFSYNC_DATABASE_PATH', path: ['database', 'path'], kind: 'string' },
      { name: 'SHELFSYNC_BOOKS_MIN_PROGRESS', path: ['books', 'min_progress'], kind: 'number' },
      { name: 'SHELFSYNC_BOOKS_AUTO_ADD', path: ['books', 'auto_add'], kind: 'boolean' },
      {
        name: 'SHELFSYNC_BOOKS_MATCH_ORDER',
        path: ['books', 'match_order'],
        kind: 'list',
        itemKind: 'string',
      },
      { name: 'SHELFSYNC_BOOKS_HARDCOVER_TOKEN', path: ['books', 'hardcover', 'token'], kind: 'string' },
      {
        name: 'SHELFSYNC_BOOKS_HARDCOVER_TOKEN_FILE',
        path: ['books', 'hardcover', 'token_file'],
        kind: 'string',
      },
    ]);
  });
});
