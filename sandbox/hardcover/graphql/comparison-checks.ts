/**
 * Checks Hasura v2 makes on `where` arguments before it reads any row, so that whether a request
 * fails never depends on the data:
 * - a comparison operator given null (`_eq: null`, `_eq: $v` with `$v` null or not sent) is an
 *   error, where Hasura v1 dropped the comparison and matched every row;
 * - a disabled operator (`_ilike`, ...) is refused wherever it appears, also inside a variable;
 * - an operand Postgres cannot read as the column's type (`_gte: "soon"` on a date) fails the
 *   whole request, as Postgres refuses the parameter before it looks at a row.
 */
import {
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
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
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { HasuraError } from '../errors.ts';
import { columnKindOfScalar } from '../query/row-model.ts';
import { normalize } from '../query/values.ts';
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

/** Operators whose operand is not a value of the column (`_is_null: true`, `_has_key: "a"`). */
const NON_VALUE_OPERATORS = new Set(['_is_null', '_has_key', '_has_keys_any', '_has_keys_all']);

/** The Postgres error for an operand that cannot be read as the compared column's type. */
function operandProblem(comparisonType: string, op: string, operand: unknown): HasuraErrorBody[] {
  const kind = columnKindOfScalar(comparisonType.slice(0, -'_comparison_exp'.length));
  if (kind === 'json' || NON_VALUE_OPERATORS.has(op)) return [];
  try {
    for (const item of Array.isArray(operand) ? operand : [operand]) normalize(kind, item);
    return [];
  } catch (error) {
    if (!(error instanceof HasuraError)) throw error;
    return [{ message: error.message, extensions: { path: error.path, code: error.code } }];
  }
}

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
    else if (comparison) problems.push(...operandProblem(nullable.name, key, item));
    else problems.push(...valueProblems(item, field.type, at));
  }
  return problems;
}

/** The fragments `operation` spreads, directly or through other fragments (others may use other variables). */
function spreadFragments(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): FragmentDefinitionNode[] {
  const byName = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const reached = new Map<string, FragmentDefinitionNode>();
  const pending: ASTNode[] = [operation];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node) break;
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (!fragment || reached.has(fragment.name.value)) return;
        reached.set(fragment.name.value, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...reached.values()];
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
      const parent = typeInfo.getParentInputType();
      if (!type || !parent || !isComparison(parent)) return checkVariable(node, type);
      const operand = valueFromASTUntyped(node.value, variables) ?? null;
      if (operand === null) problems.push(nullFailure(type, hasuraPath(document, node)));
      else problems.push(...operandProblem(getNamedType(parent).name, node.name.value, operand));
    },
  });
  visit(operation, visitor);
  for (const fragment of spreadFragments(document, operation)) visit(fragment, visitor);
  return problems;
}
