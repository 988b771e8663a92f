import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../../core/db/schema.ts';
import { foldText } from '../../core/text/fold.ts';
import type { Filter, Scalar } from '../ast.ts';
import type { FieldName } from '../fields.ts';
import { textOf, type ValueCondition } from './condition.ts';

/**
 * Small word lists (genres, styles, formats, folders, countries) are stored as written, without a
 * folded copy. A condition on them is decided here, in JS with foldText, over the distinct values in
 * the database; the SQL then asks for exactly the matching values, which the indexes serve.
 */
export type VocabularyName = 'genre' | 'style' | 'format' | 'format_description' | 'folder' | 'country';

export interface Term {
  /** What the SQL compares with: the stored text, or a folder id. */
  key: string | number;
  folded: string;
}

export type Vocabularies = ReadonlyMap<VocabularyName, readonly Term[]>;

const VOCABULARIES_OF: Partial<Record<FieldName, readonly VocabularyName[]>> = {
  genre: ['genre'],
  style: ['style'],
  format: ['format', 'format_description'],
  folder: ['folder'],
  country: ['country'],
};

export function vocabulariesOf(field: FieldName): readonly VocabularyName[] {
  return VOCABULARIES_OF[field] ?? [];
}

/** Loads the word lists a filter's conditions need, once each. */
export async function loadVocabularies(
  db: Kysely<DatabaseSchema>,
  filter: Filter | undefined,
): Promise<Vocabularies> {
  const needed = new Set<VocabularyName>();
  const visit = (node: Filter): void => {
    if (node.kind === 'and' || node.kind === 'or') node.operands.forEach(visit);
    else if (node.kind === 'not') visit(node.operand);
    else for (const name of vocabulariesOf(node.field.name)) needed.add(name);
  };
  if (filter) visit(filter);
  const loaded = new Map<VocabularyName, Term[]>();
  for (const name of needed) {
    const rows = await distinctValues(db, name);
    loaded.set(
      name,
      rows.map((row) => ({ key: row.key, folded: foldText(row.text) })),
    );
  }
  return loaded;
}

/**
 * One column per distinct query: SQLite then reads the distinct values straight off the column's
 * index (skipping repeats), instead of scanning every row.
 */
async function distinctValues(
  db: Kysely<DatabaseSchema>,
  name: VocabularyName,
): Promise<{ key: string | number; text: string }[]> {
  if (name === 'folder')
    return db.selectFrom('collection_folders').select(['id as key', 'name as text']).execute();
  const rows = await distinctTexts(db, name);
  return rows.map((row) => ({ key: row.text, text: row.text }));
}

function distinctTexts(db: Kysely<DatabaseSchema>, name: Exclude<VocabularyName, 'folder'>) {
  switch (name) {
    case 'genre':
      return db.selectFrom('release_genres').select('genre as text').distinct().execute();
    case 'style':
      return db.selectFrom('release_styles').select('style as text').distinct().execute();
    case 'format':
      return db.selectFrom('release_formats').select('name as text').distinct().execute();
    case 'format_description':
      return db.selectFrom('release_format_descriptions').select('description as text').distinct().execute();
    case 'country':
      return db
        .selectFrom('releases')
        .select(sql<string>`country`.as('text'))
        .where('country', 'is not', null)
        .distinct()
        .execute();
  }
}

/** The keys of the terms a condition selects. */
export function matchingKeys(terms: readonly Term[], condition: ValueCondition): (string | number)[] {
  const test = termTest(condition);
  return terms.filter((term) => test(term.folded)).map((term) => term.key);
}

function termTest(condition: ValueCondition): (folded: string) => boolean {
  if (condition.op === 'in') {
    // Text fields take no ranges (the parser refuses them), so every item is a single value.
    const wanted = new Set(
      condition.items.map((item) => foldText(textOf('low' in Object(item) ? '' : (item as Scalar)))),
    );
    return (folded) => wanted.has(folded);
  }
  const value = foldText(textOf(condition.value));
  switch (condition.op) {
    case '=':
      return (folded) => folded === value;
    case '~':
      return (folded) => folded.includes(value);
    case '<':
      return (folded) => folded < value;
    case '<=':
      return (folded) => folded <= value;
    case '>':
      return (folded) => folded > value;
    case '>=':
      return (folded) => folded >= value;
  }
}
