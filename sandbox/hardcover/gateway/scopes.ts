/**
 * Personal access token scopes (Hardcover docs, August 2026). A granted scope covers a requested
 * one when it is `all`, equal, or a prefix followed by ":". Only top-level fields are checked.
 */

// Lists are reader data too; the docs name no scope of their own for them.
const LIBRARY_TABLES = new Set(['user_books', 'user_book_reads', 'lists', 'list_books']);

/** Fields below the top level that need a scope of their own, wherever they are selected. */
const NESTED_FIELD_SCOPES: Readonly<Record<string, string>> = { email: 'read:me:email' };

/** The scope a top-level field needs, or undefined when none is documented for it. */
export function scopeFor(field: string, kind: 'query' | 'mutation' | 'subscription'): string | undefined {
  if (kind === 'mutation') return 'write:library';
  if (field === 'me') return 'read:me:content';
  if (field === 'search') return 'read:catalog';
  const table = field.replace(/_(by_pk|aggregate)$/, '');
  if (LIBRARY_TABLES.has(table)) return 'read:library';
  if (table === 'users' || field.startsWith('__')) return undefined;
  return 'read:catalog';
}

export function scopeGranted(granted: readonly string[], requested: string): boolean {
  return granted.some((g) => g === 'all' || g === requested || requested.startsWith(`${g}:`));
}

/**
 * Scopes the token lacks (deduplicated), with the fields that need them: each top-level field, and
 * any nested field in `nested` that has a scope of its own (`email`).
 */
export function missingScopes(
  granted: readonly string[],
  fields: readonly string[],
  kind: 'query' | 'mutation' | 'subscription',
  nested: Iterable<string> = [],
): { scopes: string[]; fields: string[] } {
  const scopes = new Set<string>();
  const needing: string[] = [];
  const need = (field: string, scope: string | undefined) => {
    if (scope && !scopeGranted(granted, scope)) {
      scopes.add(scope);
      needing.push(field);
    }
  };
  for (const field of fields) need(field, scopeFor(field, kind));
  for (const field of new Set(nested)) need(field, NESTED_FIELD_SCOPES[field]);
  return { scopes: [...scopes], fields: needing };
}
