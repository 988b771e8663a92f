import { HasuraError } from '../errors.ts';

/** Hasura's `path` argument on json/jsonb columns: `$.a.b[0]`, `a.b`, `[0]`. A missing key gives null. */
export function selectJsonPath(value: unknown, path: string): unknown {
  const text = path.trim().replace(/^\$/, '');
  const steps: (string | number)[] = [];
  const step = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]/y;
  let at = 0;
  while (at < text.length) {
    step.lastIndex = at;
    const m = step.exec(text);
    if (!m) throw new HasuraError(`parse json path error: ${path}`, 'validation-failed', '$.path');
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? '')));
    at = step.lastIndex;
  }
  let current: unknown = value;
  for (const key of steps) {
    if (current === null || current === undefined) return null;
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else
      current =
        typeof current === 'object' && !Array.isArray(current)
          ? (current as Record<string, unknown>)[key]
          : undefined;
  }
  return current ?? null;
}
