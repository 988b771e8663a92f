/**
 * Validation and execution errors in Hasura's in-band shape:
 * `{"errors":[{"message","extensions":{"path":"$.selectionSet.me.selectionSet.foo","code":"validation-failed"}}]}`.
 */
import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type ObjectFieldNode,
  specifiedRules,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { HasuraError } from '../errors.ts';
import { DISABLED_OPERATORS } from '../query/where.ts';

export interface HasuraErrorBody {
  message: string;
  extensions: { path: string; code: string };
}

/** Refuses the pattern operators Hardcover disables (`_like`, `_ilike`, `_regex`, ...). */
export const DisabledOperatorsRule: ValidationRule = (context: ValidationContext) => ({
  ObjectField(node: ObjectFieldNode) {
    if (DISABLED_OPERATORS.has(node.name.value))
      context.reportError(
        new GraphQLError(`the operator "${node.name.value}" is disabled on this API`, { nodes: node }),
      );
  },
});

export const HARDCOVER_VALIDATION_RULES: readonly ValidationRule[] = [
  ...specifiedRules,
  DisabledOperatorsRule,
];

/** Hasura's JSON path to a node: `.selectionSet.<field>` per field, `.args.<name>` per argument. */
export function hasuraPath(document: ASTNode, target: ASTNode): string {
  let found = '$';
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter(
        (a): a is ASTNode => !Array.isArray(a) && typeof a === 'object' && a !== null && 'kind' in a,
      );
      let path = '$';
      for (const step of chain) {
        if (step.kind === 'Field') path += `.selectionSet.${step.name.value}`;
        else if (step.kind === 'Argument') path += `.args.${step.name.value}`;
        else if (step.kind === 'ObjectField') path += `.${step.name.value}`;
        else if (step.kind === 'VariableDefinition')
          path += `.variableDefinitions.${step.variable.name.value}`;
      }
      found = path;
      return false;
    },
  });
  return found;
}

const UNKNOWN_FIELD = /^Cannot query field "([^"]+)" on type "([^"]+)"\./;

function hasuraMessage(message: string): string {
  const unknown = UNKNOWN_FIELD.exec(message);
  if (unknown) return `field '${unknown[1]}' not found in type: '${unknown[2]}'`;
  return message;
}

export function validationErrorBody(document: DocumentNode, error: GraphQLError): HasuraErrorBody {
  const node = error.nodes?.[0];
  return {
    message: hasuraMessage(error.message),
    extensions: { path: node ? hasuraPath(document, node) : '$', code: 'validation-failed' },
  };
}

/** An error raised while executing: ours carry a code and path, anything else is `unexpected`. */
export function executionErrorBody(error: GraphQLError): HasuraErrorBody {
  const original = error.originalError;
  if (original instanceof HasuraError)
    return { message: original.message, extensions: { path: original.path, code: original.code } };
  // graphql-js reports bad variable values without an original error; Hasura calls those validation failures.
  if (!original) return { message: error.message, extensions: { path: '$', code: 'validation-failed' } };
  return { message: error.message, extensions: { path: '$', code: 'unexpected' } };
}
