/** Validates and executes one operation, answering as Hasura does (never partial data with errors). */
import { type DocumentNode, executeSync, validate } from 'graphql';
import { hardcoverSchema } from '../schema/schema.ts';
import type { ExecutionContext } from './context.ts';
import {
  executionErrorBody,
  HARDCOVER_VALIDATION_RULES,
  type HasuraErrorBody,
  validationErrorBody,
} from './hasura-errors.ts';
import { hardcoverFieldResolver } from './resolvers.ts';

export type GraphqlAnswer = { data: unknown } | { errors: HasuraErrorBody[] };

export function validateDocument(document: DocumentNode): HasuraErrorBody[] {
  return validate(hardcoverSchema(), document, HARDCOVER_VALIDATION_RULES).map((e) =>
    validationErrorBody(document, e),
  );
}

export function runOperation(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  context: ExecutionContext,
): GraphqlAnswer {
  const invalid = validateDocument(document);
  if (invalid.length > 0) return { errors: invalid };
  const result = executeSync({
    schema: hardcoverSchema(),
    document,
    variableValues: variables ?? undefined,
    operationName: operationName ?? undefined,
    contextValue: context,
    fieldResolver: hardcoverFieldResolver,
  });
  if (result.errors && result.errors.length > 0) return { errors: result.errors.map(executionErrorBody) };
  return { data: result.data ?? null };
}
