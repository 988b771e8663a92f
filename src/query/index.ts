export { type Aggregate, type Filter, isAggregateQuery, type Query } from './ast.ts';
export type { AggregateRow } from './compile/aggregate-rows.ts';
export type { ReleaseRow } from './compile/release-rows.ts';
export { FIELD_NAMES, FIELDS, type FieldName } from './fields.ts';
export { parseQuery } from './parser.ts';
export { QueryError } from './query-error.ts';
export { type QueryResult, runQuery, selectReleaseIds } from './run.ts';
