/**
 * An inverted index over a fixed set of search documents: which documents hold a word in a field.
 * A search then scores only its hits (the documents covering the most tokens) instead of the whole
 * catalogue; the scoring itself (search.ts) is unchanged, so answers are the same as a scan's.
 */
import type { SearchDocument } from './book-documents.ts';
import { fieldTokens } from './tokens.ts';

interface FieldPostings {
  /** Every distinct word of the field, in code-unit order, so a prefix's words are one run. */
  words: string[];
  /** Word → positions of the documents holding it, ascending. */
  postings: Map<string, number[]>;
}

function firstAtLeast(words: readonly string[], target: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class TokenIndex {
  readonly documents: readonly SearchDocument[];
  private readonly fields = new Map<string, FieldPostings>();

  constructor(documents: readonly SearchDocument[]) {
    this.documents = documents;
  }

  /**
   * The documents (in their original order) that cover the most tokens, as search.ts counts them:
   * a token is covered when some field of `fields` holds a word equal to it, or, for the last token
   * (two characters or more), a word starting with it. Those are a search's hits; the rest never
   * are, so they need no scoring. None when no document covers any token.
   */
  bestCovering(fields: readonly string[], tokens: readonly string[]): SearchDocument[] {
    const covered = new Uint32Array(this.documents.length);
    const seenFor = new Int32Array(this.documents.length).fill(-1);
    const touched: number[] = [];
    const distinctFields = [...new Set(fields)].map((field) => this.postingsOf(field));
    tokens.forEach((token, t) => {
      const count = (word: string, postings: Map<string, number[]>) => {
        for (const position of postings.get(word) ?? []) {
          if (seenFor[position] === t) continue;
          seenFor[position] = t;
          if (covered[position] === 0) touched.push(position);
          covered[position] = (covered[position] as number) + 1;
        }
      };
      const prefix = t === tokens.length - 1 && token.length >= 2;
      for (const { words, postings } of distinctFields) {
        count(token, postings);
        if (!prefix) continue;
        for (let i = firstAtLeast(words, token); i < words.length; i++) {
          const word = words[i] as string;
          if (!word.startsWith(token)) break;
          if (word !== token) count(word, postings);
        }
      }
    });
    let best = 0;
    for (const position of touched) best = Math.max(best, covered[position] as number);
    return touched
      .filter((position) => covered[position] === best)
      .sort((a, b) => a - b)
      .map((position) => this.documents[position] as SearchDocument);
  }

  private postingsOf(field: string): FieldPostings {
    const known = this.fields.get(field);
    if (known) return known;
    const postings = new Map<string, number[]>();
    this.documents.forEach((document, position) => {
      for (const word of fieldTokens(document[field])) {
        const list = postings.get(word);
        if (!list) postings.set(word, [position]);
        else if (list.at(-1) !== position) list.push(position);
      }
    });
    const built = { words: [...postings.keys()].sort(), postings };
    this.fields.set(field, built);
    return built;
  }
}
