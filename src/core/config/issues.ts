import type { z } from 'zod';
import type { ConfigProblem } from './problems.ts';
import {
  descriptionOf,
  formatPath,
  isSecretSchema,
  objectShape,
  type PathSegment,
  schemaAt,
} from './schema-walk.ts';

/** Turns the schema's findings into plain sentences that say what is expected, never echoing a value. */

export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  // Keys that an unknown key was probably meant to be: "did you mean token?" already covers "token: required".
  const misspelled = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(objectShape(schemaAt(schema, path) ?? schema) ?? {});
      for (const key of issue.keys) {
        const unknown = unknownKey(key, known, schema, path);
        // Stryker disable next-line ConditionalExpression: without a suggestion the path would end in "undefined", a key no schema has
        if (unknown.suggestion) misspelled.add(formatPath([...path, unknown.suggestion]));
        problems.push({ path: formatPath([...path, key]), message: unknown.message });
      }
      continue;
    }
    const field = schemaAt(schema, path);
    problems.push({ path: formatPath(path), message: messageFor(issue, field, path) });
  }
  // One problem per key: the first check that failed says enough (an empty id is not also "not a name").
  return problems.filter(
    (problem, index) =>
      problem.path === '' ||
      (problems.findIndex((other) => other.path === problem.path) === index &&
        !(misspelled.has(problem.path) && problem.message.startsWith('required:'))),
  );
}

function messageFor(issue: z.core.$ZodIssue, field: z.ZodType | undefined, path: PathSegment[]): string {
  const description = field ? descriptionOf(field) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined)
        return `required: ${requiredWhat(field, description, issue.expected, path)}`;
      const detail = description ? ` (${description})` : '';
      return `expected ${expectedName(issue.expected)}${detail}, got ${kindOf(issue.input)}`;
    }
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function requiredWhat(
  field: z.ZodType | undefined,
  description: string | undefined,
  expected: string,
  path: PathSegment[],
): string {
  if (field && isSecretSchema(field)) {
    const key = String(path[path.length - 1]);
    return `${description ?? 'a secret'} (or ${key}_file: the path of a file holding it)`;
  }
  const shape = field ? objectShape(field) : undefined;
  if (shape) return `a mapping with ${Object.keys(shape).join(', ')}`;
  return description ?? expectedName(expected);
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value lines)',
    array: 'a list',
  };
  return names[expected] ?? expected;
}

function kindOf(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number')
    return Number.isInteger(input) ? 'a whole number' : 'a number with a fraction';
  if (typeof input === 'boolean') return String(input);
  return typeof input;
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string')
    return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
  if (origin === 'array') return `needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}`;
  return inclusive ? `must be at least ${minimum}` : `must be more than ${minimum}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `must be at most ${maximum} characters`;
  if (origin === 'array') return `may have at most ${maximum} ${maximum === 1 ? 'entry' : 'entries'}`;
  return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
}

function unknownKey(
  key: string,
  known: string[],
  schema: z.ZodType,
  path: PathSegment[],
): { message: string; suggestion?: string } {
  const fileTwinOf = key.endsWith('_file') ? key.slice(0, -'_file'.length) : undefined;
  if (fileTwinOf && known.includes(fileTwinOf) && !isSecretAt(schema, [...path, fileTwinOf])) {
    return { message: `unknown key: only secrets can be read from a file, give ${fileTwinOf} itself` };
  }
  const candidates = [
    ...known,
    ...known.filter((name) => isSecretAt(schema, [...path, name])).map((name) => `${name}_file`),
  ];
  const suggestion = closest(key, candidates);
  if (suggestion) {
    const target = suggestion.endsWith('_file') ? suggestion.slice(0, -'_file'.length) : suggestion;
    return { message: `unknown key; did you mean "${suggestion}"?`, suggestion: target };
  }
  return { message: `unknown key; expected one of: ${candidates.join(', ')}` };
}

function isSecretAt(schema: z.ZodType, path: PathSegment[]): boolean {
  const field = schemaAt(schema, path);
  return field ? isSecretSchema(field) : false;
}

/** The candidate within a small edit distance (typos, `-` for `_`, wrong case), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const normalized = word.toLowerCase().replaceAll('-', '_');
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(normalized, candidate);
    const allowed = Math.max(1, Math.min(3, Math.floor(candidate.length / 3)));
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance where swapping two neighbouring letters also counts as one edit. */
export function editDistance(a: string, b: string): number {
  // twoAbove, above and row are the table's rows i - 2, i - 1 and i: a swap looks two rows back.
  let above = Array.from({ length: b.length + 1 }, (_, index) => index);
  let twoAbove = above;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      // In the first row or column one side reads before the start (undefined), so no swap matches.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (twoAbove[j - 2] ?? 0) + 1);
      row.push(best);
    }
    twoAbove = above;
    above = row;
  }
  return above[b.length] ?? 0;
}
