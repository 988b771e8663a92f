/**
 * The fields a query may name. Pure data: how each is stored is the compiler's business
 * (compile/field-sql.ts); here is what the parser checks (type, what it may be used for).
 */
export type FieldType = 'text' | 'number' | 'date' | 'duration';

export interface FieldInfo {
  name: FieldName;
  type: FieldType;
  /** A release can have several values (genres, artists, folders of its copies): filters mean "any of them". */
  multi: boolean;
  description: string;
}

export const FIELDS = {
  added: { type: 'date', multi: false, description: 'date a copy was added to the collection' },
  artist: { type: 'text', multi: true, description: 'credited artist' },
  catno: { type: 'text', multi: true, description: 'catalogue number' },
  country: { type: 'text', multi: false, description: 'country of release' },
  decade: { type: 'number', multi: false, description: 'decade of release, e.g. 1960 or 1960s' },
  duration: { type: 'duration', multi: true, description: 'length of a track, e.g. 3:30 or 210' },
  folder: { type: 'text', multi: true, description: 'collection folder of a copy' },
  format: { type: 'text', multi: true, description: 'format name or description (Vinyl, LP, CD ...)' },
  genre: { type: 'text', multi: true, description: 'genre' },
  id: { type: 'number', multi: false, description: 'Discogs release id' },
  label: { type: 'text', multi: true, description: 'record label' },
  rating: { type: 'number', multi: false, description: 'your rating, 0 (none) to 5' },
  release: { type: 'text', multi: false, description: 'release title' },
  style: { type: 'text', multi: true, description: 'style' },
  track: { type: 'text', multi: true, description: 'track title (after records enrich)' },
  year: { type: 'number', multi: false, description: 'year of release' },
} as const satisfies Record<string, Omit<FieldInfo, 'name'>>;

export type FieldName = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS).sort() as FieldName[];

/** Other spellings people reach for. */
const ALIASES: Readonly<Record<string, FieldName>> = {
  title: 'release',
  artists: 'artist',
  genres: 'genre',
  styles: 'style',
  labels: 'label',
  formats: 'format',
  tracks: 'track',
  released: 'year',
  date_added: 'added',
};

export function lookupField(word: string): FieldInfo | undefined {
  const lower = word.toLowerCase();
  const name = (Object.hasOwn(FIELDS, lower) ? lower : ALIASES[lower]) as FieldName | undefined;
  return name === undefined ? undefined : fieldInfo(name);
}

export function fieldInfo(name: FieldName): FieldInfo {
  return { name, ...FIELDS[name] };
}

/** The closest field name within two edits, for "did you mean". */
export function suggestField(word: string): FieldName | undefined {
  const lower = word.toLowerCase();
  let best: { name: FieldName; distance: number } | undefined;
  for (const candidate of [...FIELD_NAMES, ...(Object.keys(ALIASES) as string[])]) {
    const distance = editDistance(lower, candidate);
    const limit = candidate.length <= 3 ? 1 : 2;
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: lookupField(candidate)?.name ?? (candidate as FieldName), distance };
    }
  }
  return best?.name;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
