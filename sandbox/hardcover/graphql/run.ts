/** Validates and executes one operation, answering as Hasura does (never partial data with errors). */
import {
  type DocumentNode,
  executeSync,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  validate,
} from 'graphql';
import { hardcoverSchema } from '../schema/schema.ts';
import { comparisonProblems } from './comparison-checks.ts';
import type { ExecutionContext } from './context.ts';
import {
  executionErrorBody,
  HARDCOVER_VALIDATION_RULES,
  type HasuraErrorBody,
  validationErrorBody,
} from './hasura-errors.ts';
import { withJsonPathMissesAsNull } from './json-path-miss.ts';
import { hardcoverFieldResolver } from './resolvers.ts';

export type GraphqlAnswer = { data: unknown } | { errors: HasuraErrorBody[] };

export function validateDocument(document: DocumentNode): HasuraErrorBody[] {
  return validate(hardcoverSchema(), document, HARDCOVER_VALIDATION_RULES).map((e) =>
    validationErrorBody(document, e),
  );
}

/** Hasura picks the operation before validating, with its own wording when it cannot. */
function operationProblem(
  document: DocumentNode,
  operationName: string | null | undefined,
): string | undefined {
  const names = document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : [],
  );
  if (operationName) {
    return names.includes(operationName)
      ? undefined
      : `no such operation found in the document: "${operationName}"`;
  }
  return names.length === 1
    ? undefined
    : 'exactly one operation has to be present in the document when operationName is not specified';
}

function selectedOperation(document: DocumentNode, operationName: string | null | undefined) {
  return document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
}

/**
 * Variables as Hasura checks them before running anything: a value that does not fit its type is a
 * validation failure, and so is a null in a comparison, whether or not any row would reach it.
 */
function variableProblems(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): HasuraErrorBody[] {
  const coerced = getVariableValues(hardcoverSchema(), operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors)
    return coerced.errors.map((e) => ({
      message: e.message,
      extensions: { path: '$', code: 'validation-failed' },
    }));
  return comparisonProblems(document, operation, coerced.variableValues.coerced);
}

export function runOperation(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  context: ExecutionContext,
): GraphqlAnswer {
  const problem = operationProblem(document, operationName);
  if (problem)
    return { errors: [{ message: problem, extensions: { path: '$', code: 'validation-failed' } }] };
  const invalid = validateDocument(document);
  if (invalid.length > 0) return { errors: invalid };
  const operation = selectedOperation(document, operationName);
  const badVariables = operation ? variableProblems(document, operation, variables) : [];
  if (badVariables.length > 0) return { errors: badVariables };
  const result = executeSync({
    schema: hardcoverSchema(),
    document,
    variableValues: variables ?? undefined,
    operationName: operationName ?? undefined,
    contextValue: context,
    fieldResolver: hardcoverFieldResolver,
  });
  if (result.errors && result.errors.length > 0) return { errors: result.errors.map(executionErrorBody) };
  return { data: withJsonPathMissesAsNull(result.data ?? null) };
}
