/**
 * Personal access token scopes (Hardcover docs, August 2026). A granted scope covers a requested
 * one when it is `all`, equal, or a prefix followed by ":". Only top-level fields are checked.
 */

const LIBRARY_TABLES = new Set(['user_books', 'user_book_reads']);

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

/** Scopes the token lacks for these fields (deduplicated), with the fields that need them. */
export function missingScopes(
  granted: readonly string[],
  fields: readonly string[],
  kind: 'query' | 'mutation' | 'subscription',
): { scopes: string[]; fields: string[] } {
  const scopes = new Set<string>();
  const needing: string[] = [];
  for (const field of fields) {
    const scope = scopeFor(field, kind);
    if (scope && !scopeGranted(granted, scope)) {
      scopes.add(scope);
      needing.push(field);
    }
  }
  return { scopes: [...scopes], fields: needing };
}
