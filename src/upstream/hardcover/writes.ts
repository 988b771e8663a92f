import { z } from 'zod';
import type { HardcoverClient } from './client.ts';
import type { GraphqlDocument } from './documents.ts';
import { runGraphql } from './graphql.ts';

/**
 * Library writes, packed several to a request under aliases (Hardcover allows five top-level
 * mutations per request; each costs one unit). Mutations in one request run in order.
 */
export const MAX_FIELDS_PER_REQUEST = 5;

/** Every field of a read: Hardcover may replace a read on update, so nothing is left out. */
export interface ReadFields {
  edition_id: number | null;
  started_at: string | null;
  finished_at: string | null;
  finished_at_precision: number | null;
  progress_pages: number | null;
  progress_seconds: number | null;
}

export type WriteCall =
  | {
      kind: 'insert_user_book';
      object: { book_id: number; status_id: number; edition_id: number | null; user_start_date?: string };
    }
  | { kind: 'insert_read'; userBookId: number; read: ReadFields }
  | { kind: 'update_read'; readId: number; read: ReadFields }
  | { kind: 'update_user_book'; userBookId: number; object: { status_id: number; edition_id?: number } };

export interface WriteResult {
  error: string | null;
  id: number | null;
  /** insert/update_user_book: the user book's reads after the write (to find one Hardcover opened). */
  reads: { id: number; finished_at: string | null }[];
}

const USER_BOOK_RESULT =
  'id error user_book { id status_id user_book_reads(order_by: {id: asc}) { id finished_at } }';
const READ_RESULT = 'id error';

function field(call: WriteCall, index: number): { variables: string[]; text: string } {
  const alias = `w${index}`;
  switch (call.kind) {
    case 'insert_user_book':
      return {
        variables: [`$o${index}: UserBookCreateInput!`],
        text: `${alias}: insert_user_book(object: $o${index}) { ${USER_BOOK_RESULT} }`,
      };
    case 'update_user_book':
      return {
        variables: [`$i${index}: Int!`, `$o${index}: UserBookUpdateInput!`],
        text: `${alias}: update_user_book(id: $i${index}, object: $o${index}) { ${USER_BOOK_RESULT} }`,
      };
    case 'insert_read':
      return {
        variables: [`$i${index}: Int!`, `$o${index}: DatesReadInput!`],
        text: `${alias}: insert_user_book_read(user_book_id: $i${index}, user_book_read: $o${index}) { ${READ_RESULT} }`,
      };
    case 'update_read':
      return {
        variables: [`$i${index}: Int!`, `$o${index}: DatesReadInput!`],
        text: `${alias}: update_user_book_read(id: $i${index}, object: $o${index}) { ${READ_RESULT} }`,
      };
  }
}

function variablesOf(call: WriteCall, index: number): Record<string, unknown> {
  switch (call.kind) {
    case 'insert_user_book':
      return { [`o${index}`]: call.object };
    case 'update_user_book':
      return { [`i${index}`]: call.userBookId, [`o${index}`]: call.object };
    case 'insert_read':
      return { [`i${index}`]: call.userBookId, [`o${index}`]: call.read };
    case 'update_read':
      return { [`i${index}`]: call.readId, [`o${index}`]: call.read };
  }
}

/** The one mutation document for these calls, in order. */
export function writesDocument(calls: readonly WriteCall[]): GraphqlDocument {
  const fields = calls.map(field);
  const variables = fields.flatMap((f) => f.variables).join(', ');
  return {
    name: 'ShelfsyncWrites',
    kind: 'mutation',
    topLevelFields: calls.length,
    text: `mutation ShelfsyncWrites(${variables}) {\n${fields.map((f) => `  ${f.text}`).join('\n')}\n}`,
  };
}

const resultSchema = z
  .object({
    id: z.number().int().nullable(),
    error: z.string().nullable(),
    user_book: z
      .object({
        user_book_reads: z.array(z.object({ id: z.number().int(), finished_at: z.string().nullable() })),
      })
      .nullable()
      .optional(),
  })
  .nullable();
const resultsSchema = z.record(z.string(), resultSchema);

/** Sends up to five writes in one request; one result per call, in order. */
export async function applyWrites(
  client: HardcoverClient,
  calls: readonly WriteCall[],
): Promise<WriteResult[]> {
  if (calls.length === 0) return [];
  if (calls.length > MAX_FIELDS_PER_REQUEST) throw new Error('at most five writes per request');
  const variables = Object.assign({}, ...calls.map(variablesOf)) as Record<string, unknown>;
  const data = await runGraphql(client, writesDocument(calls), variables, resultsSchema);
  return calls.map((_, index) => {
    const result = data[`w${index}`];
    return {
      error: result ? result.error : 'Hardcover returned no result for this write',
      id: result?.id ?? null,
      reads: result?.user_book?.user_book_reads ?? [],
    };
  });
}

/** A sample of every write kind in one request, for the contract test. */
export const SAMPLE_WRITES_DOCUMENT: GraphqlDocument = writesDocument([
  { kind: 'insert_user_book', object: { book_id: 1, status_id: 2, edition_id: null } },
  {
    kind: 'insert_read',
    userBookId: 1,
    read: {
      edition_id: null,
      started_at: null,
      finished_at: null,
      finished_at_precision: null,
      progress_pages: null,
      progress_seconds: null,
    },
  },
  {
    kind: 'update_read',
    readId: 1,
    read: {
      edition_id: null,
      started_at: null,
      finished_at: null,
      finished_at_precision: null,
      progress_pages: null,
      progress_seconds: null,
    },
  },
  { kind: 'update_user_book', userBookId: 1, object: { status_id: 2 } },
]);
