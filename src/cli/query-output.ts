import { stringify } from 'csv-stringify/sync';
import type { AggregateRow, QueryResult, ReleaseRow } from '../query/index.ts';

/** How query results look: terminal tables, CSV (RFC 4180) and JSON. Formatting only. */

const RELEASE_COLUMNS = [
  'id',
  'artist',
  'title',
  'year',
  'country',
  'labels',
  'catnos',
  'formats',
  'genres',
  'styles',
  'rating',
  'added',
  'folders',
  'copies',
] as const satisfies readonly (keyof ReleaseRow)[];

/** Lists inside one CSV cell are joined with "; " (Discogs names use commas themselves). */
function releaseRecord(row: ReleaseRow): (string | number | null)[] {
  return RELEASE_COLUMNS.map((column) => {
    const value = row[column];
    return Array.isArray(value) ? value.join('; ') : value;
  });
}

export function resultCsv(result: QueryResult): string {
  const [columns, records] =
    result.kind === 'releases'
      ? [[...RELEASE_COLUMNS], result.rows.map(releaseRecord)]
      : [result.columns, result.rows.map((row) => result.columns.map((column) => row[column] ?? null))];
  return stringify([columns, ...records], { record_delimiter: 'windows', cast: { number: String } });
}

export function resultJson(result: QueryResult): unknown {
  return result.kind === 'releases'
    ? { kind: 'releases', query: result.query.text, count: result.rows.length, rows: result.rows }
    : { kind: 'aggregate', query: result.query.text, columns: result.columns, rows: result.rows };
}

const MAX_CELL = 40;

export function resultTable(result: QueryResult): string[] {
  if (result.kind === 'aggregate') {
    const cells = result.rows.map((row: AggregateRow) =>
      result.columns.map((column) => cellText(row[column] ?? null)),
    );
    return [
      ...table(result.columns, cells),
      '',
      `${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'}`,
    ];
  }
  const header = ['id', 'artist', 'title', 'year', 'format', 'label', 'rating'];
  const cells = result.rows.map((row) => [
    String(row.id),
    row.artist,
    row.title,
    row.year === null ? '' : String(row.year),
    row.formats[0] ?? '',
    [row.labels[0], row.catnos[0]].filter(Boolean).join(' '),
    row.rating > 0 ? String(row.rating) : '',
  ]);
  const count = `${result.rows.length} ${result.rows.length === 1 ? 'release' : 'releases'}`;
  return [...table(header, cells), '', count];
}

function cellText(value: string | number | null): string {
  if (value === null) return '(none)';
  return String(value);
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const clipped = rows.map((row) =>
    row.map((cell) => ([...cell].length > MAX_CELL ? `${[...cell].slice(0, MAX_CELL - 1).join('')}…` : cell)),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...clipped.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  return [line(header), ...clipped.map(line)];
}
