import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpUrl, secret, text } from '../../src/core/config/schema-parts.ts';
import {
  descriptionOf,
  isPlainObject,
  isSecretSchema,
  type PathSegment,
  schemaAt,
  unwrapSchema,
  visitObjects,
} from '../../src/core/config/schema-walk.ts';

const token = secret('the token');
const name = text('a name');
const schema = z.object({
  url: z.string(),
  users: z.array(z.object({ id: name, token: token.optional() })).default([]),
  nested: z.object({ deep: z.object({ flag: z.boolean() }) }).optional(),
});

describe('unwrapSchema, isSecretSchema and descriptionOf', () => {
  it('look through every optional, nullable, default, readonly and transform wrapper', () => {
    const wrapped = token
      .transform((value) => value)
      .nullable()
      .default('x')
      .optional()
      .readonly();
    expect(unwrapSchema(wrapped)).toBe(token);
    expect(isSecretSchema(wrapped)).toBe(true);
    expect(descriptionOf(wrapped)).toBe('the token');
    expect(isSecretSchema(name.optional())).toBe(false);
    expect(descriptionOf(z.string().optional())).toBeUndefined();
    expect(unwrapSchema(name)).toBe(name);
  });
});

describe('schemaAt', () => {
  it('follows keys and list positions, and gives undefined where the path leaves the schema', () => {
    expect(schemaAt(schema, [])).toBe(schema);
    expect(isSecretSchema(schemaAt(schema, ['users', 0, 'token']) ?? z.never())).toBe(true);
    expect(schemaAt(schema, ['users', 3, 'id'])).toBe(name);
    expect(schemaAt(schema, ['url', 'deeper'])).toBeUndefined();
    expect(schemaAt(schema, ['url', 0])).toBeUndefined();
    expect(schemaAt(schema, ['missing', 'deeper', 'still'])).toBeUndefined();
  });
});

describe('isPlainObject', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [null, false],
    [[], false],
    ['text', false],
    [undefined, false],
  ])('%o → %s', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});

describe('visitObjects', () => {
  function visited(data: unknown): string[] {
    const paths: string[] = [];
    visitObjects(schema, data, (shape, value, path: PathSegment[]) => {
      paths.push(`${path.join('.')}|${Object.keys(shape).length}|${Object.keys(value).join(',')}`);
    });
    return paths;
  }

  it('visits every object the schema describes, in lists too', () => {
    expect(
      visited({ url: 'u', users: [{ id: 'a' }, { id: 'b', token: 't' }], nested: { deep: { flag: true } } }),
    ).toEqual([
      '|3|url,users,nested',
      'users.0|2|id',
      'users.1|2|id,token',
      'nested|1|deep',
      'nested.deep|1|flag',
    ]);
  });

  it('skips values of the wrong kind instead of descending into them', () => {
    expect(visited({ users: 'not a list', nested: ['not', 'a mapping'] })).toEqual(['|3|users,nested']);
    expect(visited({ users: [null, 'x', { id: 'a' }] })).toEqual(['|3|users', 'users.2|2|id']);
    expect(visited('not a mapping')).toEqual([]);
    expect(visited(['a', 'list'])).toEqual([]);
  });
});

describe('httpUrl', () => {
  it.each([
    ['http://abs.lan:13378/', { ok: true, value: 'http://abs.lan:13378' }],
    ['https://example.com/api//', { ok: true, value: 'https://example.com/api' }],
    ['ftp://example.com', { ok: false }],
    ['not a url', { ok: false }],
    ['http://', { ok: false }],
  ])('%s', (input, expected) => {
    const parsed = httpUrl('the server URL').safeParse(input);
    expect(parsed.success ? { ok: true, value: parsed.data } : { ok: false }).toEqual(expected);
    if (!parsed.success) {
      expect(parsed.error.issues.map((issue) => issue.message)).toEqual([
        'must be an http:// or https:// URL (the server URL)',
      ]);
    }
  });
});
