/** How search text becomes tokens: folded case and accents, split on anything not a letter or digit. */

export function foldTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** The words of one document field: strings folded, numbers as written, lists flattened. */
export function fieldTokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => fieldTokens(v));
  if (typeof value === 'string') return foldTokens(value);
  if (typeof value === 'number') return [String(value)];
  return [];
}
