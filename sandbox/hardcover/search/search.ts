/**
 * `search(query, query_type, page, per_page, sort, fields, weights)`: a small stand-in for the
 * Typesense index behind Hardcover's search. Tokens are folded (case and accents), the last query
 * token also matches as a prefix, documents covering the most query tokens win (Typesense drops
 * tokens only when nothing matches them all), then the weighted field score and the sort fields rank.
 */
import type { SearchDocument } from './book-documents.ts';
import { TokenIndex } from './token-index.ts';
import { fieldTokens, foldTokens } from './tokens.ts';

export { foldTokens } from './tokens.ts';

interface TypeDefaults {
  collection: string;
  fields: string[];
  weights: number[];
  sort: string;
}

const DEFAULTS: Record<string, TypeDefaults> = {
  book: {
    collection: 'Book_production',
    fields: ['title', 'isbns', 'series_names', 'author_names', 'alternative_titles'],
    weights: [5, 5, 3, 1, 1],
    sort: '_text_match:desc,users_count:desc',
  },
  author: {
    collection: 'Author_production',
    fields: ['name', 'name_personal', 'alternate_names', 'series_names', 'books'],
    weights: [3, 3, 3, 2, 1],
    sort: '_text_match:desc,books_count:desc',
  },
  character: {
    collection: 'Character_production',
    fields: ['name', 'books', 'author_names'],
    weights: [4, 2, 2],
    sort: '_text_match:desc,books_count:desc',
  },
  list: {
    collection: 'List_production',
    fields: ['name', 'description', 'books'],
    weights: [3, 2, 1],
    sort: '_text_match:desc,likes_count:desc',
  },
  prompt: {
    collection: 'Prompt_production',
    fields: ['question', 'books'],
    weights: [2, 1],
    sort: '_text_match:desc',
  },
  publisher: {
    collection: 'Publisher_production',
    fields: ['name'],
    weights: [1],
    sort: '_text_match:desc,editions_count:desc',
  },
  series: {
    collection: 'Series_production',
    fields: ['name', 'books', 'author_name'],
    weights: [2, 1, 1],
    sort: '_text_match:desc,readers_count:desc',
  },
  user: {
    collection: 'User_production',
    fields: ['name', 'username', 'location'],
    weights: [2, 2, 1],
    sort: '_text_match:desc,followers_count:desc',
  },
};

export interface SearchArgs {
  query: string;
  query_type?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  fields?: string | null;
  weights?: string | null;
}

export interface SearchOutput {
  error: string | null;
  ids: number[] | null;
  page: number | null;
  per_page: number | null;
  query: string | null;
  query_type: string | null;
  results: unknown;
}

/** Tokens per document and field, folded once: a document is scored by every search it is a hit of. */
const tokenMemo = new WeakMap<SearchDocument, Map<string, { value: unknown; words: string[] }>>();

function documentTokens(document: SearchDocument, field: string): string[] {
  let fields = tokenMemo.get(document);
  if (!fields) {
    fields = new Map();
    tokenMemo.set(document, fields);
  }
  const value = document[field];
  const known = fields.get(field);
  // A document rebuilt per search (users, lists) is a new object; a changed value is folded again.
  if (known && known.value === value) return known.words;
  const words = fieldTokens(value);
  fields.set(field, { value, words });
  return words;
}

interface Scored {
  document: SearchDocument;
  covered: number;
  score: number;
  fieldsMatched: number;
}

function score(document: SearchDocument, tokens: string[], fields: string[], weights: number[]): Scored {
  const covered = new Set<number>();
  let total = 0;
  let fieldsMatched = 0;
  fields.forEach((field, i) => {
    const words = documentTokens(document, field);
    let hits = 0;
    tokens.forEach((token, t) => {
      const isLast = t === tokens.length - 1;
      if (words.some((w) => w === token || (isLast && token.length >= 2 && w.startsWith(token)))) {
        covered.add(t);
        hits += 1;
      }
    });
    if (hits > 0) fieldsMatched += 1;
    total += hits * (weights[i] ?? 1);
  });
  return { document, covered: covered.size, score: total, fieldsMatched };
}

function sortValue(entry: Scored, field: string): number | string {
  if (field === '_text_match') return entry.covered * 1_000_000 + entry.score;
  const value = entry.document[field];
  return typeof value === 'number' || typeof value === 'string' ? value : 0;
}

function bySort(sort: string) {
  const keys = sort.split(',').map((part) => {
    const [field = '_text_match', dir = 'desc'] = part.trim().split(':');
    return { field, descending: dir.toLowerCase() !== 'asc' };
  });
  return (a: Scored, b: Scored): number => {
    for (const key of keys) {
      const va = sortValue(a, key.field);
      const vb = sortValue(b, key.field);
      if (va !== vb) return (va < vb ? -1 : 1) * (key.descending ? -1 : 1);
    }
    return Number(a.document.id) - Number(b.document.id);
  };
}

/**
 * Public clients send plurals (`"books"`, then read `results.hits`) and real Hardcover answers
 * them as the singular; case does not matter either. Unknown types stay unknown.
 */
export function canonicalQueryType(queryType: string): string {
  const lower = queryType.trim().toLowerCase();
  if (Object.hasOwn(DEFAULTS, lower)) return lower;
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return Object.hasOwn(DEFAULTS, singular) ? singular : lower;
}

/** What a type searches: its documents, or an index over them that finds the candidates faster. */
export type SearchCorpus = readonly SearchDocument[] | TokenIndex;

export function runSearch(args: SearchArgs, corpusFor: (type: string) => SearchCorpus): SearchOutput {
  const queryType = args.query_type ?? 'book';
  const type = canonicalQueryType(queryType);
  const page = args.page ?? 1;
  const perPage = args.per_page ?? 25;
  const echo = { page, per_page: perPage, query: args.query, query_type: queryType };
  const defaults = DEFAULTS[type];
  if (!defaults) return { ...echo, error: `Invalid query_type: ${queryType}`, ids: null, results: null };
  if (page < 1 || perPage < 0)
    return { ...echo, error: 'page must be 1 or more, per_page 0 or more', ids: null, results: null };

  const fields = args.fields ? args.fields.split(',').map((f) => f.trim()) : defaults.fields;
  const weightList = args.weights ? args.weights.split(',').map((w) => Number(w.trim())) : defaults.weights;
  const weights = weightList.length === 1 ? fields.map(() => weightList[0] ?? 1) : weightList;
  if (args.fields && weights.length !== fields.length)
    return {
      ...echo,
      error: 'Number of weights in `query_by_weights` does not match number of `query_by` fields.',
      ids: null,
      results: null,
    };

  const corpus = corpusFor(type);
  const documents = corpus instanceof TokenIndex ? corpus.documents : corpus;
  const tokens = args.query.trim() === '*' ? [] : foldTokens(args.query);
  const wildcard = args.query.trim() === '*';
  // Only documents covering the most tokens are hits (unless `*`): the index finds just those.
  const considered =
    corpus instanceof TokenIndex && !wildcard ? corpus.bestCovering(fields, tokens) : documents;
  const scored = considered.map((d) => score(d, tokens, fields, weights));
  const best = scored.reduce((max, s) => Math.max(max, s.covered), 0);
  const matched = wildcard ? scored : scored.filter((s) => best > 0 && s.covered === best);
  matched.sort(bySort(args.sort ?? defaults.sort));
  const hits = matched.slice((page - 1) * perPage, page * perPage);

  const results = {
    facet_counts: [],
    found: matched.length,
    hits: hits.map((h) => ({
      document: h.document,
      highlight: {},
      highlights: [],
      text_match: h.covered * 1_000_000 + h.score,
      text_match_info: {
        best_field_score: String(h.score),
        best_field_weight: Math.max(0, ...weights),
        fields_matched: h.fieldsMatched,
        score: String(h.covered * 1_000_000 + h.score),
        tokens_matched: h.covered,
      },
    })),
    out_of: documents.length,
    page,
    request_params: {
      collection_name: defaults.collection,
      per_page: perPage,
      q: args.query,
    },
    search_cutoff: false,
    search_time_ms: 1,
  };
  return { ...echo, error: null, ids: hits.map((h) => Number(h.document.id)), results };
}
