/**
 * Checks Hasura v2 makes on `where` arguments before it reads any row, so that whether a request
 * fails never depends on the data:
 * - a comparison operator given null (`_eq: null`, `_eq: $v` with `$v` null or not sent) is an
 *   error, where Hasura v1 dropped the comparison and matched every row;
 * - a disabled operator (`_ilike`, ...) is refused wherever it appears, also inside a variable.
 */
import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  type ObjectFieldNode,
  type OperationDefinitionNode,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DISABLED_OPERATORS } from '../query/where.ts';
import { hardcoverSchema } from '../schema/schema.ts';
import { type HasuraErrorBody, hasuraPath } from './hasura-errors.ts';

const isComparison = (type: GraphQLInputType | null | undefined) =>
  type !== null && type !== undefined && getNamedType(type).name.endsWith('_comparison_exp');

const failure = (message: string, path: string): HasuraErrorBody => ({
  message,
  extensions: { path, code: 'validation-failed' },
});

const nullFailure = (type: GraphQLInputType, path: string) =>
  failure(`unexpected null value for type "${String(getNullableType(type))}"`, path);

/** Walks a variable's value along its input type, reporting nulls and disabled operators in comparisons. */
function valueProblems(value: unknown, type: GraphQLInputType, path: string): HasuraErrorBody[] {
  if (value === null || value === undefined) return [];
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return Array.isArray(value)
      ? value.flatMap((item, i) => valueProblems(item, nullable.ofType, `${path}[${i}]`))
      : [];
  if (!isInputObjectType(nullable) || typeof value !== 'object') return [];
  const fields = nullable.getFields();
  const comparison = isComparison(nullable);
  const problems: HasuraErrorBody[] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[key];
    if (!field) continue;
    const at = `${path}.${key}`;
    if (comparison && DISABLED_OPERATORS.has(key))
      problems.push(failure(`the operator "${key}" is disabled on this API`, at));
    else if (comparison && item === null) problems.push(nullFailure(field.type, at));
    else problems.push(...valueProblems(item, field.type, at));
  }
  return problems;
}

/** The problems of the operation about to run; `variables` are the coerced values (defaults applied). */
export function comparisonProblems(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): HasuraErrorBody[] {
  const problems: HasuraErrorBody[] = [];
  const typeInfo = new TypeInfo(hardcoverSchema());
  const variableValue = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE ? variables[node.name.value] : undefined;
  const checkVariable = (node: ArgumentNode | ObjectFieldNode, type: GraphQLInputType | null | undefined) => {
    if (node.value.kind !== Kind.VARIABLE || !type) return;
    problems.push(...valueProblems(variableValue(node.value), type, hasuraPath(document, node)));
  };
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      checkVariable(node, typeInfo.getInputType());
    },
    ObjectField(node) {
      const type = typeInfo.getInputType();
      const sentNull =
        node.value.kind === Kind.NULL ||
        (node.value.kind === Kind.VARIABLE && (variableValue(node.value) ?? null) === null);
      if (isComparison(typeInfo.getParentInputType()) && type && sentNull)
        problems.push(nullFailure(type, hasuraPath(document, node)));
      else checkVariable(node, type);
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  return problems;
}
