/**
 * One field resolver for the whole schema: root list/by_pk/aggregate fields over the store, table
 * relations with Hasura's list arguments, json `path` arguments, `search`, and the mutations.
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { HasuraError } from '../errors.ts';
import { aggregateColumn } from '../query/aggregate.ts';
import { selectJsonPath } from '../query/json-path.ts';
import type { Row } from '../query/row-model.ts';
import { countRows, type ListArgs, selectRows } from '../query/select.ts';
import type { AggregateFunction } from '../schema/aggregate-sdl.ts';
import { TABLES_BY_NAME, tableSpec } from '../schema/tables.ts';
import { runSearch, type SearchArgs } from '../search/search.ts';
import type { ExecutionContext } from './context.ts';
import { hasuraPath } from './hasura-errors.ts';
import { JSON_PATH_MISS } from './json-path-miss.ts';

type Args = Record<string, unknown>;

interface AggregateResult {
  nodes: Row[];
  aggregate: { rows: Row[] };
}

/** What `aggregate { max { ... } }` hands to the fields of `<table>_max_fields`. */
interface FunctionFields {
  table: string;
  fn: AggregateFunction;
  rows: Row[];
}

const aggregateOf = (rows: Row[]): AggregateResult => ({ nodes: rows, aggregate: { rows } });

function listRows(table: string, rows: readonly Row[], args: Args, ctx: ExecutionContext): Row[] {
  const visible = rows.filter((row) => ctx.visible(table, row));
  return selectRows(visible, args as ListArgs, ctx.model(table), tableSpec(table).primaryKey);
}

function resolveQuery(field: string, args: Args, ctx: ExecutionContext): unknown {
  if (field === 'me') return listRows('users', ctx.store.where('users', 'id', ctx.userId), args, ctx);
  if (field === 'search') return runSearch(args as unknown as SearchArgs, ctx.searchCorpus);
  if (field.endsWith('_by_pk')) {
    const table = field.slice(0, -'_by_pk'.length);
    const row = ctx.store.one(table, tableSpec(table).primaryKey, args.id);
    return row && ctx.visible(table, row) ? row : null;
  }
  if (field.endsWith('_aggregate')) {
    const table = field.slice(0, -'_aggregate'.length);
    return aggregateOf(listRows(table, ctx.store.rows(table), args, ctx));
  }
  return listRows(field, ctx.store.rows(field), args, ctx);
}

function resolveMutation(field: string, args: Args, ctx: ExecutionContext): unknown {
  const { library, userId } = ctx;
  switch (field) {
    case 'insert_user_book':
      return library.insertUserBook(userId, args.object);
    case 'update_user_book':
      return library.updateUserBook(userId, args.id as number, args.object);
    case 'delete_user_book':
      return library.deleteUserBook(userId, args.id as number);
    case 'insert_user_book_read':
      return library.insertRead(userId, args.user_book_id as number, args.user_book_read);
    case 'update_user_book_read':
      return library.updateRead(userId, args.id as number, args.object);
    case 'delete_user_book_read':
      return library.deleteRead(userId, args.id as number);
    case 'edition_owned':
      return library.editionOwned(userId, args.id as number);
    case 'upsert_user_book_reads':
      return library.upsertReads(userId, args.user_book_id as number, args.datesRead as unknown[]);
  }
  throw new HasuraError(`no mutation named ${field}`, 'unexpected');
}

function resolveTableField(
  table: string,
  row: Row,
  field: string,
  args: Args,
  ctx: ExecutionContext,
): unknown {
  const spec = tableSpec(table);
  if (field in spec.columns) {
    if (table === 'users' && field === 'email' && row.id !== ctx.userId) return null;
    const value = row[field];
    if (typeof args.path !== 'string') return value;
    return selectJsonPath(value, args.path) ?? JSON_PATH_MISS;
  }
  const model = ctx.model(table);
  const object = model.objectRelation(field);
  if (object) return object.resolve(row) ?? null;
  const array = spec.arrayRelations[field];
  if (array)
    return selectRows(
      model.arrayRelation(field)?.resolve(row) ?? [],
      args as ListArgs,
      ctx.model(array.table),
      tableSpec(array.table).primaryKey,
    );
  if (field.endsWith('_aggregate')) {
    const base = field.slice(0, -'_aggregate'.length);
    const rel = spec.arrayRelations[base];
    if (rel) {
      const related = model.arrayRelation(base)?.resolve(row) ?? [];
      return aggregateOf(
        selectRows(related, args as ListArgs, ctx.model(rel.table), tableSpec(rel.table).primaryKey),
      );
    }
  }
  return row[field];
}

/**
 * The query helpers point at the argument they refuse (`$.where.rating`); Hasura's path starts at
 * the operation (`$.selectionSet.user_books.args.where.rating`), as its validation errors do.
 */
function pathFromOperation(error: HasuraError, info: GraphQLResolveInfo): HasuraError {
  const argument = /^\$\.(\w+)/.exec(error.path)?.[1];
  const node = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === argument);
  if (!argument || !node) return error;
  const base = hasuraPath(info.operation, node);
  if (base === '$') return error;
  return new HasuraError(error.message, error.code, base + error.path.slice(2 + argument.length));
}

export const hardcoverFieldResolver: GraphQLFieldResolver<unknown, ExecutionContext> = (
  source,
  args,
  ctx,
  info,
) => {
  try {
    return resolveField(source, args, ctx, info);
  } catch (error) {
    throw error instanceof HasuraError ? pathFromOperation(error, info) : error;
  }
};

const resolveField: GraphQLFieldResolver<unknown, ExecutionContext> = (source, args, ctx, info) => {
  const parent = info.parentType.name;
  if (parent === 'query_root') return resolveQuery(info.fieldName, args, ctx);
  if (parent === 'mutation_root') return resolveMutation(info.fieldName, args, ctx);
  const record = (source ?? {}) as Row;
  if (TABLES_BY_NAME.has(parent)) return resolveTableField(parent, record, info.fieldName, args, ctx);
  if (parent.endsWith('_aggregate_fields')) {
    const rows = record.rows as Row[];
    if (info.fieldName === 'count')
      return countRows(rows, args.columns as string[] | undefined, args.distinct as boolean | undefined);
    const table = parent.slice(0, -'_aggregate_fields'.length);
    return { table, fn: info.fieldName as AggregateFunction, rows } satisfies FunctionFields;
  }
  const fields = record as unknown as Partial<FunctionFields>;
  if (fields.table && fields.fn && fields.rows && parent === `${fields.table}_${fields.fn}_fields`) {
    const kind = ctx.model(fields.table).column(info.fieldName);
    if (kind) return aggregateColumn(fields.fn, fields.rows, info.fieldName, kind);
  }
  return record[info.fieldName];
};
