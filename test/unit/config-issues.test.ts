import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closest, editDistance, problemsFromIssues } from '../../src/core/config/issues.ts';
import { ConfigInvalidError, formatProblem } from '../../src/core/config/problems.ts';
import { secret, text } from '../../src/core/config/schema-parts.ts';
import { secretSchemas } from '../../src/core/config/schema-walk.ts';

/** A secret with no description of its own, as a schema part could be written. */
const bareSecret = z.string();
secretSchemas.add(bareSecret);

const schema = z.strictObject({
  name: text('your name'),
  token: secret('an API token'),
  key: bareSecret,
  url: z.string(),
  count: z.number().int().min(1).max(10),
  ratio: z.number().gt(0).lt(1),
  code: z.string().min(3).max(5),
  label: z.string().min(1),
  one: z.array(z.string()).min(1).max(1),
  few: z.array(z.string()).min(2).max(3),
  mode: z.enum(['fast', 'slow']),
  nested: z.strictObject({ a: z.string(), b: z.number() }),
  flag: z.boolean(),
  list: z.array(z.string()),
  mapping: z.object({}),
});

const valid = {
  name: 'me',
  token: 't0ken',
  key: 'k3y',
  url: 'u',
  count: 5,
  ratio: 0.5,
  code: 'abcd',
  label: 'l',
  one: ['x'],
  few: ['x', 'y'],
  mode: 'fast',
  nested: { a: 'a', b: 1 },
  flag: true,
  list: [],
  mapping: {},
};

function problemsFor(changes: Record<string, unknown>): string[] {
  return problemsOf({ ...valid, ...changes });
}

function problemsOf(input: Record<string, unknown>): string[] {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return [];
  return problemsFromIssues(parsed.error.issues, schema).map(formatProblem);
}

function withoutKeys(...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valid).filter(([key]) => !keys.includes(key)));
}

function problemsOfIssues(issues: z.core.$ZodIssue[]): string[] {
  return problemsFromIssues(issues, schema).map(formatProblem);
}

describe('problemsFromIssues: what a value is', () => {
  it.each([
    [{ url: null }, 'url: expected text, got an empty value'],
    [{ url: ['a'] }, 'url: expected text, got a list'],
    [{ url: { a: 1 } }, 'url: expected text, got a mapping'],
    [{ url: 3 }, 'url: expected text, got a whole number'],
    [{ url: 2.5 }, 'url: expected text, got a number with a fraction'],
    [{ url: false }, 'url: expected text, got false'],
    [{ url: 10n }, 'url: expected text, got bigint'],
    [{ flag: 'yes' }, 'flag: expected true or false, got text'],
    [{ count: 'x' }, 'count: expected a number, got text'],
    [{ list: 'x' }, 'list: expected a list, got text'],
    [{ mapping: 'x' }, 'mapping: expected a mapping (key: value lines), got text'],
    [{ name: 7 }, 'name: expected text (your name), got a whole number'],
  ])('%o → %s', (input, expected) => {
    expect(problemsFor(input)).toEqual([expected]);
  });

  it('names the expected kind the schema gives when it has no plain name for it', () => {
    expect(
      problemsOfIssues([{ code: 'invalid_type', expected: 'int', input: 'x', path: ['url'], message: '' }]),
    ).toEqual(['url: expected a whole number, got text']);
    expect(
      problemsOfIssues([{ code: 'invalid_type', expected: 'date', input: 'x', path: ['url'], message: '' }]),
    ).toEqual(['url: expected date, got text']);
  });
});

describe('problemsFromIssues: required keys', () => {
  it.each([
    ['url', 'url: required: text'],
    ['name', 'name: required: your name'],
    ['token', 'token: required: an API token (or token_file: the path of a file holding it)'],
    ['key', 'key: required: a secret (or key_file: the path of a file holding it)'],
    ['nested', 'nested: required: a mapping with a, b'],
  ])('%s', (key, expected) => {
    expect(problemsOf(withoutKeys(key))).toEqual([expected]);
  });

  it('names the key of a nested secret, not the one above it', () => {
    const nested = z.strictObject({ service: z.strictObject({ token: secret('the service token') }) });
    const parsed = nested.safeParse({ service: {} }, { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(problemsFromIssues(parsed.error?.issues ?? [], nested).map(formatProblem)).toEqual([
      'service.token: required: the service token (or token_file: the path of a file holding it)',
    ]);
  });
});

describe('problemsFromIssues: sizes and choices', () => {
  it.each([
    [{ count: 0 }, 'count: must be at least 1'],
    [{ count: 11 }, 'count: must be at most 10'],
    [{ ratio: 0 }, 'ratio: must be more than 0'],
    [{ ratio: 1 }, 'ratio: must be less than 1'],
    [{ code: 'ab' }, 'code: must be at least 3 characters'],
    [{ code: 'abcdef' }, 'code: must be at most 5 characters'],
    [{ label: '' }, 'label: must not be empty'],
    [{ one: [] }, 'one: needs at least 1 entry'],
    [{ one: ['a', 'b'] }, 'one: may have at most 1 entry'],
    [{ few: ['a'] }, 'few: needs at least 2 entries'],
    [{ few: ['a', 'b', 'c', 'd'] }, 'few: may have at most 3 entries'],
    [{ mode: 'medium' }, 'mode: must be one of: fast, slow'],
  ])('%o → %s', (input, expected) => {
    expect(problemsFor(input)).toEqual([expected]);
  });

  it('reads a bound without `inclusive` as inclusive', () => {
    expect(
      problemsOfIssues([
        { code: 'too_small', origin: 'number', minimum: 2, path: ['count'], message: '' },
        { code: 'too_big', origin: 'number', maximum: 9, path: ['ratio'], message: '' },
      ]),
    ).toEqual(['count: must be at least 2', 'ratio: must be at most 9']);
  });

  it("keeps the schema's own message for other checks", () => {
    expect(problemsFor({ name: '<your name>' })).toEqual([
      'name: replace the placeholder from `shelfsync init` with your name',
    ]);
  });
});

describe('problemsFromIssues: one problem per key', () => {
  it('keeps only the first problem of a key', () => {
    expect(problemsFor({ token: '<a token with spaces>' })).toEqual([
      'token: replace the placeholder from `shelfsync init` with an API token',
    ]);
  });

  it('keeps every problem of the file as a whole', () => {
    expect(
      problemsOfIssues([
        { code: 'custom', path: [], message: 'first' },
        { code: 'custom', path: [], message: 'second' },
      ]),
    ).toEqual(['first', 'second']);
  });

  it('leaves out symbol path segments', () => {
    expect(problemsOfIssues([{ code: 'custom', path: [Symbol('inner'), 'url'], message: 'odd' }])).toEqual([
      'url: odd',
    ]);
  });
});

describe('problemsFromIssues: unknown keys', () => {
  it('suggests the key meant and drops its "required" problem', () => {
    expect(problemsOf({ ...withoutKeys('token'), tokne: 'x' })).toEqual([
      'tokne: unknown key; did you mean "token"?',
    ]);
  });

  it('keeps a problem of the key meant other than "required"', () => {
    expect(problemsFor({ tokne: 'x', token: 'two words' })).toEqual([
      'token: an API token must not contain spaces or line breaks',
      'tokne: unknown key; did you mean "token"?',
    ]);
  });

  it('suggests the file form of a secret and drops the secret\'s "required" problem', () => {
    expect(problemsOf({ ...withoutKeys('token'), tokn_file: '/x' })).toEqual([
      'tokn_file: unknown key; did you mean "token_file"?',
    ]);
  });

  it('still says "required" for a key nobody meant', () => {
    expect(problemsOf({ ...withoutKeys('url'), colour: 'x' })).toEqual([
      'url: required: text',
      `colour: unknown key; expected one of: ${Object.keys(schema.shape).join(', ')}, token_file, key_file`,
    ]);
  });

  it('suggests the file form of a secret whose name is not five letters long', () => {
    expect(problemsOf({ ...withoutKeys('key'), kye_file: '/x' })).toEqual([
      'kye_file: unknown key; did you mean "key_file"?',
    ]);
  });

  it('takes only a key ending in _file for the file form of another key', () => {
    expect(problemsFor({ urlabcde: 'x' })).toEqual([
      `urlabcde: unknown key; expected one of: ${Object.keys(schema.shape).join(', ')}, token_file, key_file`,
    ]);
  });

  it('tells that only secrets can be read from a file', () => {
    expect(problemsFor({ url_file: '/x' })).toEqual([
      'url_file: unknown key: only secrets can be read from a file, give url itself',
    ]);
  });

  it('suggests the file form for a secret in a nested mapping', () => {
    const nested = z.strictObject({
      service: z.strictObject({ token: secret('the token'), url: z.string() }),
    });
    const parsed = nested.safeParse(
      { service: { token: 't', url: 'u', token_file: '/x' } },
      { reportInput: true },
    );
    expect(problemsFromIssues(parsed.error?.issues ?? [], nested).map(formatProblem)).toEqual([
      'service.token_file: unknown key; did you mean "token_file"?',
    ]);
  });

  it('lists a key ending in _file with no such key among the candidates', () => {
    expect(problemsFor({ colour_file: '/x' })).toEqual([
      `colour_file: unknown key; expected one of: ${Object.keys(schema.shape).join(', ')}, token_file, key_file`,
    ]);
  });

  it('offers no file forms where the path leaves the schema', () => {
    expect(
      problemsOfIssues([{ code: 'unrecognized_keys', keys: ['colour'], path: ['elsewhere'], message: '' }]),
    ).toEqual([`elsewhere.colour: unknown key; expected one of: ${Object.keys(schema.shape).join(', ')}`]);
  });
});

describe('closest', () => {
  it.each([
    ['a-b-c', ['a_b_c'], 'a_b_c'],
    ['uxy', ['url'], undefined],
    ['abcxyz', ['abcdef'], undefined],
    ['abcdxy', ['abcdef'], 'abcdef'],
    ['tokn', ['token', 'tokens'], 'token'],
    ['tokn', ['token', 'toke'], 'token'],
    ['tokn', ['tokens', 'token'], 'token'],
  ] as const)('%s among %o → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['a', 'b', 1],
    ['ab', 'ba', 1],
    ['abcd', 'acbd', 1],
    ['xab', 'yba', 2],
    ['abxy', 'bayx', 2],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['aab', 'aba', 1],
    ['abc', 'acb', 1],
    ['abc', 'bca', 2],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('ConfigInvalidError', () => {
  it('counts one problem and lists each on its own indented line', () => {
    const one = new ConfigInvalidError('/c.yaml', [{ path: 'url', message: 'required: text', line: 3 }]);
    expect(one.message).toBe('the config file /c.yaml has 1 problem:\n  url: required: text (line 3)');
    expect(one.service).toBe('shelfsync');
    expect(one.code).toBe('config_invalid');
    const two = new ConfigInvalidError('/c.yaml', [
      { path: '', message: 'not a mapping' },
      { path: 'count', message: 'must be at least 1', envVar: 'SHELFSYNC_COUNT' },
    ]);
    expect(two.message).toBe(
      'the config file /c.yaml has 2 problems:\n  not a mapping\n  count: must be at least 1 (from $SHELFSYNC_COUNT)',
    );
    expect(two.problems).toHaveLength(2);
    expect(two.configPath).toBe('/c.yaml');
  });
});
