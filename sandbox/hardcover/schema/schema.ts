import { buildSchema, type GraphQLSchema } from 'graphql';
import {
  ACTIONS_SDL,
  COMPARISONS_SDL,
  MUTATION_ROOT_SDL,
  ORDER_BY_SDL,
  SCALARS_SDL,
  SEARCH_FIELD_SDL,
} from './base-sdl.ts';
import { listArgs, rootFieldsSdl, tableSdl } from './table-sdl.ts';
import { TABLES } from './tables.ts';

function queryRootSdl(): string {
  const fields = [
    `  me${listArgs('users')}: [users!]!`,
    SEARCH_FIELD_SDL,
    ...TABLES.flatMap((spec) => rootFieldsSdl(spec)),
  ];
  return `type query_root {\n${fields.sort().join('\n')}\n}`;
}

/** Our subset of Hardcover's schema (the user role's view), as SDL. */
export const HARDCOVER_SDL: string = [
  'schema {\n  query: query_root\n  mutation: mutation_root\n}',
  SCALARS_SDL,
  ORDER_BY_SDL,
  COMPARISONS_SDL,
  ...TABLES.map((spec) => tableSdl(spec)),
  ACTIONS_SDL,
  queryRootSdl(),
  MUTATION_ROOT_SDL,
].join('\n\n');

let cached: GraphQLSchema | undefined;

export function hardcoverSchema(): GraphQLSchema {
  cached ??= buildSchema(HARDCOVER_SDL);
  return cached;
}
