/**
 * Plain text table. `align` gives each column's side; by default the first column reads as text
 * (left) and the others as numbers (right).
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: string,
): string[] {
  const side = (column: number) => align?.[column] ?? (column === 0 ? 'l' : 'r');
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((text, column) =>
        side(column) === 'l' ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)];
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatRate(hits: number, misses: number): string {
  const lookups = hits + misses;
  return lookups === 0 ? '-' : `${Math.round((hits / lookups) * 100)}%`;
}
