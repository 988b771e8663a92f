/**
 * A json `path` that finds nothing gives null in Hasura even on a `jsonb!` column (Postgres builds
 * the JSON, so nothing checks the non-null). graphql-js would turn that null into an error, so the
 * resolver answers this marker instead and the finished result swaps it back to null.
 */
export const JSON_PATH_MISS: Readonly<Record<string, never>> = Object.freeze({});

export function withJsonPathMissesAsNull(value: unknown): unknown {
  if (value === JSON_PATH_MISS) return null;
  if (Array.isArray(value)) return value.map(withJsonPathMissesAsNull);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = withJsonPathMissesAsNull(item);
    return out;
  }
  return value;
}
